import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import type { Options as ToMdastOptions } from 'rehype-remark';

/**
 * Footnotes as HTML writes them, to Markdown footnotes (`[^1]` and `[^1]: ...`).
 *
 * The markup of the common producers: mammoth (`<sup><a href="#footnote-1" id="footnote-ref-1">`
 * and `<ol><li id="footnote-1">... <a href="#footnote-ref-1">↑</a>`), pandoc, GitHub and
 * remark-rehype (`<a href="#fn1" role="doc-noteref"><sup>1</sup></a>`, `data-footnote-ref`,
 * `<section class="footnotes">`), Wikipedia (`<sup><a href="#cite_note-1">`). A note is an `li`
 * with an id that a reference points to; a reference is a link to it set as a note call (in or
 * around a `<sup>`, or marked as one). Notes nobody calls, and calls to anything else, stay links.
 */

const REF_TAG = 'triptyque-footnote-ref';
const NOTES_TAG = 'triptyque-footnotes';

type Parent = HastRoot | Element;

function isElement(node: HastContent | ElementContent | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function walk(node: Parent, visit: (element: Element, parent: Parent) => void): void {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    visit(child, node);
    walk(child, visit);
  }
}

function classes(element: Element): string[] {
  const value: unknown = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function targetOf(link: Element): string | undefined {
  const href = link.properties['href'];
  return typeof href === 'string' && href.startsWith('#') && href.length > 1 ? decodeURIComponent(href.slice(1)) : undefined;
}

/** A link written as a note call: inside a `<sup>` alone, around one, or marked as a note reference. */
function isNoteCall(link: Element, parent: Parent): boolean {
  const elements = link.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  const wrapsSup = elements.length === 1 && isElement(elements[0], 'sup');
  const inSup = isElement(parent as HastContent, 'sup');
  const role = link.properties['role'];
  return wrapsSup || inSup || role === 'doc-noteref' || link.properties['dataFootnoteRef'] !== undefined || classes(link).some((name) => /footnote-?ref|noteref/i.test(name));
}

/** Links back from a note to its call (`↑`, `↩`): the Markdown footnote makes its own. */
function isBackLink(link: Element, callIds: Set<string>): boolean {
  const target = targetOf(link);
  return (target !== undefined && callIds.has(target)) || link.properties['role'] === 'doc-backlink' || link.properties['dataFootnoteBackref'] !== undefined;
}

function withoutBackLinks(children: ElementContent[], callIds: Set<string>): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const child of children) {
    if (isElement(child, 'a') && isBackLink(child, callIds)) {
      const last = kept.at(-1);
      if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
      continue;
    }
    kept.push(isElement(child) ? { ...child, children: withoutBackLinks(child.children, callIds) } : child);
  }
  return kept;
}

/**
 * Marks the note calls and the lists of notes of `tree` (in place) for `footnoteHandlers`: a call
 * becomes a reference numbered by its note's order, a list whose items are all called notes
 * becomes their definitions (with its `section.footnotes` wrapper and heading, when it has one).
 */
export function markFootnotes(tree: HastRoot): void {
  const notes = new Map<string, Element>();
  walk(tree, (element) => {
    const id = element.properties['id'];
    if (element.tagName === 'li' && typeof id === 'string') notes.set(id, element);
  });
  const calls: { link: Element; parent: Parent; note: Element }[] = [];
  walk(tree, (element, parent) => {
    const target = element.tagName === 'a' ? targetOf(element) : undefined;
    const note = target === undefined ? undefined : notes.get(target);
    if (note && isNoteCall(element, parent)) calls.push({ link: element, parent, note });
  });
  if (calls.length === 0) return;

  const called = new Set(calls.map((call) => call.note));
  const labels = new Map<Element, string>();
  const lists: { list: Element; parent: Parent }[] = [];
  walk(tree, (element, parent) => {
    if (element.tagName !== 'ol' && element.tagName !== 'ul') return;
    const items = element.children.filter((child): child is Element => isElement(child, 'li'));
    if (items.length === 0 || !items.every((item) => called.has(item))) return;
    for (const item of items) labels.set(item, String(labels.size + 1));
    lists.push({ list: element, parent });
  });

  const callIds = new Set<string>();
  for (const { link, parent, note } of calls) {
    const label = labels.get(note);
    if (label === undefined) continue;
    for (const id of [link.properties['id'], isElement(parent as HastContent, 'sup') ? (parent as Element).properties['id'] : undefined]) if (typeof id === 'string') callIds.add(id);
    const reference: Element = { type: 'element', tagName: REF_TAG, properties: { dataLabel: label }, children: [] };
    // The `<sup>` that only holds the call goes with it.
    const sup = isElement(parent as HastContent, 'sup') && (parent as Element).children.every((child) => child === link || (child.type === 'text' && child.value.trim() === '')) ? (parent as Element) : undefined;
    if (sup) Object.assign(sup, reference);
    else Object.assign(link, reference);
  }

  for (const { list, parent } of lists) {
    const items = list.children.filter((child): child is Element => isElement(child, 'li'));
    const definitions: Element = {
      type: 'element',
      tagName: NOTES_TAG,
      properties: {},
      children: items.map((item) => ({ ...item, properties: { dataLabel: labels.get(item)! }, children: withoutBackLinks(item.children, callIds) })),
    };
    const wrapper = isElement(parent as HastContent) && (classes(parent as Element).includes('footnotes') || (parent as Element).properties['role'] === 'doc-endnotes' || (parent as Element).properties['dataFootnotes'] !== undefined);
    if (wrapper) Object.assign(parent, definitions);
    else Object.assign(list, definitions);
  }
}

/** rehype-remark handlers for what `markFootnotes` marked. */
export const footnoteHandlers: NonNullable<ToMdastOptions['handlers']> = {
  [REF_TAG]: (_state, element): FootnoteReference => {
    const label = String(element.properties['dataLabel']);
    return { type: 'footnoteReference', identifier: label, label };
  },
  [NOTES_TAG]: (state, element): FootnoteDefinition[] =>
    element.children.filter((child): child is Element => isElement(child, 'li')).map((item) => {
      const label = String(item.properties['dataLabel']);
      return { type: 'footnoteDefinition', identifier: label, label, children: state.toFlow(state.all(item)) as FootnoteDefinition['children'] };
    }),
};
