import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { editContentStreams, streamText, type StreamEdit } from './content-streams';

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
 * a form that holds tagged content of its own is left as it is, and so are forms' own streams
 * (a page may draw a form inside its marked content).
 */
export function artifactsEdit(): { edit: StreamEdit; marked: () => number } {
  let marked = 0;
  const edit: StreamEdit = (text, { kind, resources }) => {
    if (kind !== 'page') return text;
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const holdsTags = (name: string) => {
      const object = xobjects?.lookup(PDFName.of(name.slice(1)));
      return object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && /\bBDC\b/.test(streamText(object));
    };
    const runs = untaggedRuns(text, holdsTags);
    if (runs.length === 0) return text;
    let out = '';
    let at = 0;
    for (const [start, end] of runs) {
      out += `${text.slice(at, start)}/Artifact BMC\n${text.slice(start, end)}\nEMC`;
      at = end;
    }
    marked += runs.length;
    return out + text.slice(at);
  };
  return { edit, marked: () => marked };
}

/** `artifactsEdit` on its own: the number of drawings marked. */
export function markUntaggedAsArtifacts(pdf: PDFDocument): number {
  const artifacts = artifactsEdit();
  editContentStreams(pdf, [artifacts.edit]);
  return artifacts.marked();
}

/** Strings (whose bytes may spell an operator) and the marked-content operators: enough to find what lies outside marked content. */
const MARKED = /\((?:\\[^]|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\b(BDC|BMC|EMC)\b/g;

/**
 * [start, end) of each drawing outside marked content: text objects, painted paths, shadings,
 * images. The marked content (most of a page) is only skipped over; what lies between is read
 * operator by operator.
 */
function untaggedRuns(text: string, holdsTags: (name: string) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  let depth = 0;
  let outsideFrom = 0;
  for (const match of text.matchAll(MARKED)) {
    const marker = match[1];
    if (!marker) continue;
    if (marker === 'EMC') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) outsideFrom = match.index + marker.length;
    } else {
      if (depth === 0) runs.push(...drawingsIn(text, outsideFrom, match.index, holdsTags));
      depth++;
    }
  }
  if (depth === 0) runs.push(...drawingsIn(text, outsideFrom, text.length, holdsTags));
  return runs;
}

/** The drawings of `text` between `from` and `to`, a stretch with no marked content. */
function drawingsIn(text: string, from: number, to: number, holdsTags: (name: string) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  let operandsStart: number | undefined;
  let lastName: string | undefined;
  let pathStart: number | undefined;
  let textStart: number | undefined;
  let arrays = 0;
  let dicts = 0;
  const stretch = text.slice(from, to);
  for (const match of stretch.matchAll(TOKEN)) {
    const token = match[0];
    const start = from + match.index;
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
    const operands = operandsStart ?? start;
    operandsStart = undefined;
    if (token === 'BT') textStart = start;
    else if (token === 'ET') {
      if (textStart !== undefined) runs.push([textStart, end]);
      textStart = undefined;
    } else if (textStart === undefined) {
      if (PATH_CONSTRUCTION.has(token)) pathStart ??= operands;
      else if (PATH_PAINTING.has(token)) {
        if (pathStart !== undefined) runs.push([pathStart, end]);
        pathStart = undefined;
      } else if (token === 'n') pathStart = undefined;
      else if (token === 'sh' || (token === 'Do' && lastName !== undefined && !holdsTags(lastName))) runs.push([operands, end]);
    }
    lastName = undefined;
  }
  // A text object or path left open here goes on inside marked content: not an artifact.
  return runs;
}
