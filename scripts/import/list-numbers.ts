import type { Document, Element as XmlElement } from '@xmldom/xmldom';
import type { Element, ElementContent, Root as HastRoot } from 'hast';

/**
 * The numbers of Word's numbered lists: where a list starts (`5.`), restarts and continues after
 * a paragraph between its items. mammoth reads list items but not their numbers, so each
 * numbered paragraph is given a bookmark named by its number before mammoth reads it
 * (`numberListItems`), which it keeps as an empty `<a id>` in the item; `applyListNumbers` then
 * sets each HTML list's `start` and splits a list where Word restarted it.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MARK = '_triptyque_number_';

function child(element: XmlElement | undefined, localName: string): XmlElement | undefined {
  for (let node = element?.firstChild; node; node = node.nextSibling) if (node.nodeType === 1 && (node as XmlElement).localName === localName) return node as XmlElement;
  return undefined;
}

const value = (element: XmlElement | undefined) => element?.getAttributeNS(W, 'val') ?? element?.getAttribute('w:val') ?? undefined;

interface Numbering {
  /** numId -> abstractNumId */
  abstractOf: Map<string, string>;
  /** abstractNumId -> level -> start */
  starts: Map<string, Map<string, number>>;
  /** numId -> level -> start that this list instance restarts at */
  overrides: Map<string, Map<string, number>>;
}

function readNumbering(numbering: Document): Numbering {
  const result: Numbering = { abstractOf: new Map(), starts: new Map(), overrides: new Map() };
  for (const abstract of Array.from(numbering.getElementsByTagNameNS(W, 'abstractNum'))) {
    const levels = new Map<string, number>();
    for (const level of Array.from(abstract.getElementsByTagNameNS(W, 'lvl'))) levels.set(level.getAttributeNS(W, 'ilvl') ?? '0', Number(value(child(level, 'start')) ?? 1));
    result.starts.set(abstract.getAttributeNS(W, 'abstractNumId') ?? '', levels);
  }
  for (const num of Array.from(numbering.getElementsByTagNameNS(W, 'num'))) {
    const numId = num.getAttributeNS(W, 'numId') ?? '';
    result.abstractOf.set(numId, value(child(num, 'abstractNumId')) ?? '');
    const overrides = new Map<string, number>();
    for (const override of Array.from(num.getElementsByTagNameNS(W, 'lvlOverride'))) {
      const start = value(child(override, 'startOverride'));
      if (start !== undefined) overrides.set(override.getAttributeNS(W, 'ilvl') ?? '0', Number(start));
    }
    if (overrides.size > 0) result.overrides.set(numId, overrides);
  }
  return result;
}

/**
 * In place: a bookmark named by its number in each paragraph numbered directly (`w:numPr`).
 * Word counts per abstract list: instances of one continue each other, an instance with a start
 * override restarts it where it first appears, and an item resets the levels below it.
 */
export function numberListItems(document: Document, numberingXml: Document): void {
  const numbering = readNumbering(numberingXml);
  const counters = new Map<string, Map<number, number>>();
  const restarted = new Set<string>();
  for (const paragraph of Array.from(document.getElementsByTagNameNS(W, 'p'))) {
    const numPr = child(child(paragraph, 'pPr'), 'numPr');
    const numId = value(child(numPr, 'numId'));
    if (!numPr || numId === undefined || numId === '0') continue;
    const abstractId = numbering.abstractOf.get(numId);
    if (abstractId === undefined) continue;
    const level = Number(value(child(numPr, 'ilvl')) ?? 0);
    const counter = counters.get(abstractId) ?? new Map<number, number>();
    counters.set(abstractId, counter);
    const override = numbering.overrides.get(numId)?.get(String(level));
    const start = override ?? numbering.starts.get(abstractId)?.get(String(level)) ?? 1;
    const key = `${numId}/${level}`;
    if (override !== undefined && !restarted.has(key)) {
      restarted.add(key);
      counter.delete(level);
    }
    const number = counter.has(level) ? counter.get(level)! + 1 : start;
    counter.set(level, number);
    for (const deeper of [...counter.keys()]) if (deeper > level) counter.delete(deeper);
    const mark = document.createElementNS(W, 'w:bookmarkStart');
    mark.setAttributeNS(W, 'w:id', '0');
    mark.setAttributeNS(W, 'w:name', `${MARK}${number}`);
    paragraph.insertBefore(mark, child(paragraph, 'pPr')?.nextSibling ?? paragraph.firstChild);
  }
}

/** The number an item carries, its mark taken out. */
function takeNumber(item: Element): number | undefined {
  let found: number | undefined;
  const visit = (element: Element) => {
    element.children = element.children.filter((node) => {
      if (node.type !== 'element') return true;
      const id = node.properties['id'];
      if (node.tagName === 'a' && typeof id === 'string' && id.startsWith(MARK)) {
        found ??= Number(id.slice(MARK.length));
        return false;
      }
      if (node.tagName !== 'ol' && node.tagName !== 'ul') visit(node);
      return true;
    });
  };
  visit(item);
  return found;
}

function visit(parent: HastRoot | Element): void {
  const children: (ElementContent | HastRoot['children'][number])[] = [];
  for (const node of parent.children) {
    if (node.type !== 'element') {
      children.push(node);
      continue;
    }
    visit(node);
    if (node.tagName !== 'ol' && node.tagName !== 'ul') {
      children.push(node);
      continue;
    }
    let list: Element | undefined;
    let previous: number | undefined;
    for (const item of node.children) {
      const number = item.type === 'element' && item.tagName === 'li' ? takeNumber(item) : undefined;
      const restarts = node.tagName === 'ol' && number !== undefined && previous !== undefined && number !== previous + 1;
      if (!list || restarts) {
        list = { ...node, properties: { ...node.properties }, children: [] };
        if (node.tagName === 'ol' && number !== undefined && number !== 1) list.properties['start'] = number;
        children.push(list);
      }
      list.children.push(item);
      if (number !== undefined) previous = number;
    }
    if (!list) children.push(node);
  }
  parent.children = children as typeof parent.children;
}

/** In place, on mammoth's HTML: the lists' starts and restarts, the marks taken out. */
export function applyListNumbers(tree: HastRoot): void {
  visit(tree);
}
