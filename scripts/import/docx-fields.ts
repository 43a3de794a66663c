import type { Document, Element, Node } from '@xmldom/xmldom';

/**
 * Word's fields and frames as structure, before mammoth reads the document.
 *
 * A field is `fldChar begin`, its instruction (`instrText`), `fldChar separate`, its last result
 * and `fldChar end`, spread over runs and even paragraphs (or one `fldSimple` element). mammoth
 * makes links of `HYPERLINK` fields only and keeps every other result as text: a table of
 * contents would come as its entries (links to `_Toc` bookmarks, tabs and page numbers), a page
 * reference as a page number that means nothing off paper.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function children(element: Element | Document, localName?: string): Element[] {
  const found: Element[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (localName === undefined || (child as Element).localName === localName)) found.push(child as Element);
  }
  return found;
}

function all(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(W, localName));
}

function attribute(element: Element | undefined, localName: string): string | undefined {
  return element?.getAttributeNS(W, localName) ?? element?.getAttribute(`w:${localName}`) ?? undefined;
}

function create(document: Document, localName: string, attributes: Record<string, string> = {}): Element {
  const element = document.createElementNS(W, `w:${localName}`);
  for (const [name, value] of Object.entries(attributes)) element.setAttributeNS(W, `w:${name}`, value);
  return element;
}

function ancestor(node: Node, localName: string): Element | undefined {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (parent.nodeType === 1 && (parent as Element).localName === localName) return parent as Element;
  return undefined;
}

function remove(node: Node): void {
  node.parentNode?.removeChild(node);
}

/** `fldSimple` as the complex field it stands for, so one pass reads both forms. */
function expandSimpleFields(document: Document): void {
  for (const simple of all(document, 'fldSimple')) {
    const parent = simple.parentNode;
    if (!parent) continue;
    const run = (child: Element) => {
      const r = create(document, 'r');
      r.appendChild(child);
      return r;
    };
    const instruction = create(document, 'instrText');
    instruction.appendChild(document.createTextNode(attribute(simple, 'instr') ?? ''));
    parent.insertBefore(run(create(document, 'fldChar', { fldCharType: 'begin' })), simple);
    parent.insertBefore(run(instruction), simple);
    parent.insertBefore(run(create(document, 'fldChar', { fldCharType: 'separate' })), simple);
    while (simple.firstChild) parent.insertBefore(simple.firstChild, simple);
    parent.insertBefore(run(create(document, 'fldChar', { fldCharType: 'end' })), simple);
    remove(simple);
  }
}

/** A run holding several field characters (`begin`, instruction, `separate`, `end` in one) as one run each, so a run is in one part of a field. */
function splitFieldRuns(document: Document): void {
  for (const run of all(document, 'r')) {
    const parts = children(run).filter((child) => child.localName !== 'rPr');
    if (parts.length < 2 || !parts.some((part) => part.localName === 'fldChar' || part.localName === 'instrText')) continue;
    const properties = children(run, 'rPr')[0];
    for (const part of parts) {
      const single = create(document, 'r');
      if (properties) single.appendChild(properties.cloneNode(true));
      single.appendChild(part);
      run.parentNode!.insertBefore(single, run);
    }
    remove(run);
  }
}

interface Field {
  instruction: Element[];
  result: Element[];
  /** The runs of `fldChar`s and instructions. */
  markers: Element[];
  kind: string;
  argument?: string;
}

/** The fields of a part, innermost first. */
function readFields(document: Document): Field[] {
  const fields: Field[] = [];
  const open: (Field & { inResult: boolean })[] = [];
  for (const run of all(document, 'r')) {
    const fldChar = children(run, 'fldChar')[0];
    const type = attribute(fldChar, 'fldCharType');
    if (type === 'begin') {
      open.push({ instruction: [], result: [], markers: [run], kind: '', inResult: false });
      continue;
    }
    const current = open.at(-1);
    if (!current) continue;
    if (type === 'separate') {
      current.inResult = true;
      current.markers.push(run);
    } else if (type === 'end') {
      current.markers.push(run);
      open.pop();
      const text = current.instruction.map((element) => element.textContent ?? '').join('');
      const match = /^\s*(\w+)\s*(?:"([^"]*)"|(\S+))?/.exec(text);
      fields.push({ ...current, kind: (match?.[1] ?? '').toUpperCase(), argument: match?.[2] ?? match?.[3] });
      // A nested field is part of its parent's result.
      open.at(-1)?.result.push(...current.markers, ...current.result);
    } else if (current.inResult) {
      current.result.push(run);
    } else {
      const instruction = children(run, 'instrText');
      if (instruction.length > 0) {
        current.instruction.push(...instruction);
        current.markers.push(run);
      } else current.result.push(run);
    }
  }
  return fields;
}

function hasText(paragraph: Element): boolean {
  return all(paragraph, 't').some((t) => (t.textContent ?? '').trim() !== '') || all(paragraph, 'drawing').length > 0 || all(paragraph, 'pict').length > 0;
}

/** The text a bookmark spans (between its start and end), or else its paragraph's. */
function bookmarkTexts(document: Document): Map<string, string> {
  const texts = new Map<string, string>();
  for (const start of all(document, 'bookmarkStart')) {
    const name = attribute(start, 'name');
    const paragraph = ancestor(start, 'p');
    if (!name || !paragraph) continue;
    const text = all(paragraph, 't')
      .filter((t) => !ancestor(t, 'del'))
      .map((t) => t.textContent ?? '')
      .join('')
      .trim();
    if (text) texts.set(name, text);
  }
  return texts;
}

function setInstruction(field: Field, text: string): void {
  const [first, ...rest] = field.instruction;
  if (!first) return;
  first.textContent = text;
  for (const element of rest) element.textContent = '';
}

function setResultText(document: Document, field: Field, text: string): void {
  const [first, ...rest] = field.result;
  const end = field.markers.at(-1)!;
  for (const run of rest) remove(run);
  const separated = field.markers.some((marker) => attribute(children(marker, 'fldChar')[0], 'fldCharType') === 'separate');
  // A field written without its result (as some writers do, leaving Word to update it) gets one.
  if (!separated) {
    const separator = create(document, 'r');
    separator.appendChild(create(document, 'fldChar', { fldCharType: 'separate' }));
    end.parentNode!.insertBefore(separator, first ?? end);
  }
  const run = first ?? (end.parentNode!.insertBefore(create(document, 'r'), end) as Element);
  for (const child of children(run)) if (child.localName !== 'rPr') remove(child);
  const t = create(document, 't');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(document.createTextNode(text));
  run.appendChild(t);
}

/**
 * In place: tables of contents dropped (the `TOC` field and the content control Word wraps it
 * in), cross-references (`REF`, and `PAGEREF` with the referenced text instead of a page number)
 * made links to their bookmarks, which the HTML step points at the headings' anchors.
 */
export function structureFields(document: Document): void {
  for (const control of all(document, 'sdt')) {
    const gallery = all(children(control, 'sdtPr')[0] ?? control, 'docPartGallery')[0];
    if (/table of contents/i.test(attribute(gallery, 'val') ?? '')) remove(control);
  }
  expandSimpleFields(document);
  splitFieldRuns(document);
  const texts = bookmarkTexts(document);
  const emptied = new Set<Element>();
  for (const field of readFields(document)) {
    if (field.kind === 'TOC') {
      for (const run of [...field.markers, ...field.result]) {
        const paragraph = ancestor(run, 'p');
        if (paragraph) emptied.add(paragraph);
        remove(run);
      }
    } else if ((field.kind === 'REF' || field.kind === 'PAGEREF') && field.argument) {
      setInstruction(field, `HYPERLINK \\l "${field.argument}"`);
      const text = texts.get(field.argument);
      if (field.kind === 'PAGEREF' || field.result.length === 0) {
        if (text) setResultText(document, field, text);
        else for (const run of field.result) remove(run);
      }
    }
  }
  for (const paragraph of emptied) if (!hasText(paragraph)) remove(paragraph);
}

/**
 * In place: a drop cap (a paragraph of its own, framed) goes back to the start of the paragraph
 * it begins, where a reader reads it.
 */
export function joinDropCaps(document: Document): void {
  for (const frame of all(document, 'framePr')) {
    if (!/^(drop|margin)$/.test(attribute(frame, 'dropCap') ?? '')) continue;
    const paragraph = ancestor(frame, 'p');
    let next = paragraph?.nextSibling;
    while (next && next.nodeType !== 1) next = next.nextSibling;
    if (!paragraph || !next || (next as Element).localName !== 'p') continue;
    const properties = children(next as Element, 'pPr')[0];
    const anchor = properties ? properties.nextSibling : next.firstChild;
    for (const child of children(paragraph)) if (child.localName !== 'pPr') next.insertBefore(child, anchor);
    remove(paragraph);
  }
}

/** Whether the document holds tracked changes (insertions, deletions, moves). */
export function hasTrackedChanges(document: Document): boolean {
  return ['ins', 'del', 'moveFrom', 'moveTo'].some((name) => all(document, name).length > 0);
}
