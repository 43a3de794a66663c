import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { pageContentStreams, replaceStreamText, streamText } from './content-streams';

/** What the structure pass changed. */
export interface StructureRefined {
  /** List items whose body now sits in an `LBody` beside their `Lbl`. */
  listBodies: number;
  /** Structure elements renamed `Note`. */
  notes: number;
}

/**
 * Completes the structure tree Chromium writes from the page's accessibility tree: a list item's
 * content (Chromium: `Lbl` then bare `NonStruct`) goes into an `LBody`, as PDF's list model has it,
 * and the elements Chromium tagged with `noteRole` (the brochure prints its footnotes as
 * articles, `Art`, a tag it uses for nothing else) become `Note`.
 */
export function refineStructure(pdf: PDFDocument, options: { noteRole?: string } = {}): StructureRefined {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const done: StructureRefined = { listBodies: 0, notes: 0 };
  if (!root) return done;
  const S = PDFName.of('S');
  const K = PDFName.of('K');
  const P = PDFName.of('P');
  const seen = new Set<string>();
  const visit = (ref: PDFRef) => {
    if (seen.has(ref.toString())) return;
    seen.add(ref.toString());
    const element = pdf.context.lookup(ref);
    if (!(element instanceof PDFDict)) return;
    const kids = kidsOf(element.get(K));
    const role = element.get(S);
    if (options.noteRole && role === PDFName.of(options.noteRole)) {
      element.set(S, PDFName.of('Note'));
      done.notes++;
    }
    if (role === PDFName.of('LI')) {
      const isLabel = (kid: PDFObject) => kid instanceof PDFRef && pdf.context.lookup(kid) instanceof PDFDict && (pdf.context.lookup(kid) as PDFDict).get(S) === PDFName.of('Lbl');
      const body = kids.filter((kid) => !isLabel(kid));
      // Content marked directly under the item would need the parent tree rewritten: left as it is.
      if (body.length > 0 && body.every((kid) => kid instanceof PDFRef)) {
        const lbody = pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'LBody', P: ref, K: body }));
        for (const kid of body) (pdf.context.lookup(kid) as PDFDict).set(P, lbody);
        element.set(K, pdf.context.obj([...kids.filter(isLabel), lbody]));
        done.listBodies++;
      }
    }
    for (const kid of kidsOf(element.get(K))) if (kid instanceof PDFRef) visit(kid);
  };
  for (const kid of kidsOf(root.get(K))) if (kid instanceof PDFRef) visit(kid);
  return done;
}

function kidsOf(value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  return value instanceof PDFArray ? value.asArray() : [value];
}

/** Operands, names, strings, arrays, dictionaries and operators of a content stream, with where each starts and ends. */
const TOKEN = /\((?:\\[^]|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/<>()[\]{}%]*|[+-]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+|%[^\r\n]*/g;
const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/**
 * Marks as artifacts what a page draws outside any tagged content: in Chromium's tagged PDFs,
 * the margin boxes (running heads, page numbers), backgrounds and rules of decoration. A reader
 * then skips them, as PDF/UA asks, instead of meeting them unmarked. Each text object, painted
 * path, shading or image drawn outside marked content is wrapped in `/Artifact BMC ... EMC`;
 * a form that holds tagged content of its own is left as it is.
 */
export function markUntaggedAsArtifacts(pdf: PDFDocument): number {
  let marked = 0;
  for (const page of pdf.getPages()) {
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const holdsTags = (name: string) => {
      const object = xobjects?.lookup(PDFName.of(name.slice(1)));
      return object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && /\bBDC\b/.test(streamText(object));
    };
    for (const entry of pageContentStreams(pdf, page)) {
      const text = streamText(entry.stream);
      const runs = untaggedRuns(text, holdsTags);
      if (runs.length === 0) continue;
      let out = '';
      let at = 0;
      for (const [start, end] of runs) {
        out += `${text.slice(at, start)}/Artifact BMC\n${text.slice(start, end)}\nEMC`;
        at = end;
      }
      replaceStreamText(pdf, entry, out + text.slice(at));
      marked += runs.length;
    }
  }
  return marked;
}

/** [start, end) of each drawing outside marked content: text objects, painted paths, shadings, images. */
function untaggedRuns(text: string, holdsTags: (name: string) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  let depth = 0;
  let operandsStart: number | undefined;
  let lastName: string | undefined;
  let pathStart: number | undefined;
  let textStart: number | undefined;
  let textHasTags = false;
  let arrays = 0;
  let dicts = 0;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    if (token.startsWith('%')) continue;
    if (token === '[') arrays++;
    else if (token === ']') arrays--;
    else if (token === '<<') dicts++;
    else if (token === '>>') dicts--;
    if (arrays > 0 || dicts > 0 || token === ']' || token === '>>' || !/^[A-Za-z'"]/.test(token)) {
      operandsStart ??= start;
      if (token.startsWith('/')) lastName = token;
      continue;
    }
    const from = operandsStart ?? start;
    operandsStart = undefined;
    if (token === 'BDC' || token === 'BMC') {
      depth++;
      if (textStart !== undefined) textHasTags = true;
    } else if (token === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0 && token === 'BT') {
      textStart = start;
      textHasTags = false;
    } else if (token === 'ET') {
      if (textStart !== undefined && !textHasTags && depth === 0) runs.push([textStart, end]);
      textStart = undefined;
    } else if (depth === 0 && textStart === undefined) {
      if (PATH_CONSTRUCTION.has(token)) pathStart ??= from;
      else if (PATH_PAINTING.has(token)) {
        if (pathStart !== undefined) runs.push([pathStart, end]);
        pathStart = undefined;
      } else if (token === 'n') pathStart = undefined;
      else if (token === 'sh' || (token === 'Do' && lastName !== undefined && !holdsTags(lastName))) runs.push([from, end]);
    }
    lastName = undefined;
  }
  return runs;
}
