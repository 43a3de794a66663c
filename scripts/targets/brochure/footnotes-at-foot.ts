import type { Page } from 'puppeteer-core';
import { FOOTNOTE_CALL_CLASS, FOOTNOTE_CLASS } from './blocks-to-hast';
import { PAGE } from './page-geometry';

/** What the placement did: notes set at the foot of the page of their first call, and those left where they were. */
export interface FootnotePlacement {
  atFoot: number;
  /** Notes longer than half a page: left after the paragraph that calls them, running on to the next page. */
  inFlow: number;
}

/**
 * Moves each footnote of the loaded brochure to the foot of the page that calls it, as books do.
 * Chromium has no `float: footnote` and no script sees the print's pages, so the pages are
 * measured in the page itself: the body is set, for the time of the measure, as columns one text
 * block wide and one text block high, which Chromium breaks as it breaks pages (same engine,
 * same widows, orphans and avoided breaks; chapters and page breaks become column breaks). Page
 * by page, the notes called on it go into a box after the last block that leaves room for them,
 * pushed to the foot, followed by a page break; lists and sections around that block are split.
 * The print then reads each note's page back (`paginate.ts`).
 */
export async function placeFootnotesAtFoot(page: Page): Promise<FootnotePlacement> {
  const mm = 96 / 25.4;
  return page.evaluate(placeInPage, {
    width: (PAGE.width - PAGE.inner - PAGE.outer) * mm,
    height: (PAGE.height - PAGE.top - PAGE.bottom) * mm,
    noteClass: FOOTNOTE_CLASS,
    callClass: FOOTNOTE_CALL_CLASS,
  });
}

interface InPage {
  width: number;
  height: number;
  noteClass: string;
  callClass: string;
}

/** Runs in the page: self-contained. */
function placeInPage({ width, height, noteClass, callClass }: InPage): FootnotePlacement {
  const main = document.querySelector('main');
  const notes = main ? [...main.querySelectorAll<HTMLElement>(`aside.${noteClass}`)] : [];
  // Chromium tags a footnote's role as no structure at all; an article it tags `Art`, a tag the
  // brochure has no other use for, which the PDF pass renames `Note` (`refineStructure`).
  for (const note of notes) note.setAttribute('role', 'article');
  if (!main || notes.length === 0) return { atFoot: 0, inFlow: 0 };
  const byId = new Map(notes.map((note) => [note.id, note]));
  const noteOf = (call: Element) => decodeURIComponent((call.getAttribute('href') ?? '').slice(1));
  const calls = [...main.querySelectorAll<HTMLAnchorElement>(`a.${callClass}`)].filter((call) => byId.has(noteOf(call)));
  // A note never called stays where it is defined.
  const called = new Set(calls.map(noteOf));
  for (const note of notes) if (called.has(note.id)) note.remove();

  // The measure: columns of the text block's size, page breaks as column breaks.
  const restore: (() => void)[] = [];
  const setStyle = (element: HTMLElement, property: string, value: string) => {
    const before = element.style.getPropertyValue(property);
    element.style.setProperty(property, value);
    restore.push(() => (before ? element.style.setProperty(property, before) : element.style.removeProperty(property)));
  };
  setStyle(main, 'columns', `${width}px auto`);
  setStyle(main, 'column-gap', '0');
  setStyle(main, 'column-fill', 'auto');
  setStyle(main, 'width', `${width}px`);
  setStyle(main, 'height', `${height}px`);
  let previousPage: string | undefined;
  for (const element of main.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(element);
    if (style.breakBefore === 'page') setStyle(element, 'break-before', 'column');
    if (style.breakAfter === 'page') setStyle(element, 'break-after', 'column');
    if (element.parentElement === main || element.parentElement?.parentElement === main) {
      const named = (style as CSSStyleDeclaration & { page?: string }).page ?? 'auto';
      if (element.parentElement === main && previousPage !== undefined && named !== previousPage) setStyle(element, 'break-before', 'column');
      if (element.parentElement === main) previousPage = named;
    }
  }
  const origin = () => main.getBoundingClientRect();
  const columnOf = (rect: DOMRect) => Math.floor((rect.left - origin().left + 1) / width);
  const bottomIn = (rect: DOMRect) => rect.bottom - origin().top;
  const lastRect = (element: Element) => [...element.getClientRects()].at(-1) ?? element.getBoundingClientRect();

  /** Blocks a page may end after: block boxes holding no block box, not inside a table or a note. */
  const units = () =>
    [...main.querySelectorAll<HTMLElement>('p, li, h1, h2, h3, h4, h5, h6, pre, table, blockquote, dt, dd, hr, div, figure, .page-footnotes')].filter((element) => {
      if (element.closest('table') && element.tagName !== 'TABLE') return false;
      if (element.closest(`.${noteClass}`) || (element.closest('.page-footnotes') && !element.classList.contains('page-footnotes'))) return false;
      if (element.tagName === 'TABLE' || element.tagName === 'PRE' || element.classList.contains('page-footnotes')) return true;
      return ![...element.children].some((child) => /^(block|list-item|table|flex|grid|flow-root)$/.test(getComputedStyle(child).display));
    });

  /** Splits the tree after `element` up to `main`'s children: what follows goes into copies, so a box can sit between. */
  const splitAfter = (element: Element): Element => {
    let node = element;
    while (node.parentElement && node.parentElement !== main) {
      const parent = node.parentElement;
      const rest = (start: ChildNode | null) => {
        for (let next = start; next; next = next.nextSibling) if (next.nodeType === Node.ELEMENT_NODE || (next.textContent ?? '').trim() !== '') return true;
        return false;
      };
      if (rest(node.nextSibling)) {
        const copy = parent.cloneNode(false) as HTMLElement;
        copy.removeAttribute('id');
        if (parent.tagName === 'OL') copy.setAttribute('start', String((Number(parent.getAttribute('start')) || 1) + parent.querySelectorAll(':scope > li').length));
        // A list item cut in two: the rest carries no second bullet.
        if (parent.tagName === 'LI') copy.style.listStyleType = 'none';
        while (node.nextSibling) copy.append(node.nextSibling);
        parent.after(copy);
      }
      node = parent;
    }
    return node;
  };

  const noteHeight = (box: HTMLElement) => {
    const probe = document.createElement('div');
    probe.style.cssText = `position:absolute;left:-10000px;top:0;width:${width}px`;
    probe.className = main.className;
    probe.append(box);
    document.body.append(probe);
    const style = getComputedStyle(box);
    const height = box.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    box.remove();
    probe.remove();
    return height;
  };

  /**
   * The paragraph after `after` that runs past `limit` in `column`, cut between its lines at the
   * limit (two lines at least on each side, as widows and orphans ask): returns its first part,
   * which now ends the page, or nothing when there is no such paragraph.
   */
  const splitStraddling = (after: HTMLElement | undefined, column: number, limit: number): HTMLElement | undefined => {
    const all = units();
    const next = after ? all[all.indexOf(after) + 1] : all.find((unit) => columnOf(unit.getClientRects()[0] ?? unit.getBoundingClientRect()) === column);
    if (!next || next.tagName !== 'P' || columnOf(next.getClientRects()[0] ?? next.getBoundingClientRect()) !== column) return undefined;
    // Each character's line, in reading order: [text node, offset, line's top in the flow].
    const places: [Text, number, number][] = [];
    const walker = document.createTreeWalker(next, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let offset = 0; offset < node.data.length; offset++) {
        if (/\s/.test(node.data[offset]!)) continue;
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rect = range.getClientRects()[0];
        // Lines of later columns sort after this column's, their tops past its height.
        if (rect) places.push([node, offset, (columnOf(rect) - column) * height * 2 + rect.top - origin().top]);
      }
    }
    const lineTops = [...new Set(places.map((place) => Math.round(place[2])))];
    const bottomOf = (top: number) => Math.max(...places.filter((place) => Math.round(place[2]) === top).map(([node, offset]) => {
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return bottomIn(range.getClientRects()[0]!);
    }));
    // Two lines at least go on to the next page (widows), two at least stay (orphans).
    const fits = Math.min(lineTops.filter((top) => top < height && bottomOf(top) <= limit).length, lineTops.length - 2);
    if (fits < 2) return undefined;
    const [node, offset] = places.find((place) => Math.round(place[2]) === lineTops[fits])!;
    range.setStart(node, offset);
    range.setEnd(next, next.childNodes.length);
    const rest = next.cloneNode(false) as HTMLElement;
    rest.removeAttribute('id');
    rest.append(range.extractContents());
    next.after(rest);
    // The cut is a line end: justified to the margin, its soft hyphen shown; the rest opens without an indent.
    const texts = document.createTreeWalker(next, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) if (node.data !== '') last = node;
    if (last?.data.endsWith('\u00ad')) last.data = `${last.data.slice(0, -1)}-`;
    next.style.textAlignLast = 'justify';
    rest.style.textIndent = '0';
    return next;
  };

  const placed = new Set<string>();
  let atFoot = 0;
  let inFlow = 0;
  for (let guard = 0; guard < calls.length * 3 + 10; guard++) {
    const waiting = calls.filter((call) => !placed.has(noteOf(call)));
    const first = waiting[0];
    if (!first) break;
    const column = columnOf(first.getBoundingClientRect());
    const boxOf = (ids: readonly string[]) => {
      const box = document.createElement('div');
      box.className = 'page-footnotes';
      for (const id of ids) box.append(byId.get(id)!);
      return box;
    };
    // The notes called on this page above where its text will end: a call that the notes push
    // on to the next page takes its note there.
    let here = [...new Set(waiting.filter((call) => columnOf(call.getBoundingClientRect()) === column).map(noteOf))];
    for (let round = 0; round < 3; round++) {
      const limit = height - noteHeight(boxOf(here)) - 1;
      const above = here.filter((id) => {
        const rect = lastRect(waiting.find((call) => noteOf(call) === id)!);
        return columnOf(rect) === column && bottomIn(rect) <= limit;
      });
      if (above.length === here.length || above.length === 0) break;
      here = above;
    }
    const box = boxOf(here);
    const needed = noteHeight(box);
    // The block a call sits in; for a heading, the block after it (a heading keeps with what follows).
    const callUnit = (call: Element) => {
      const all = units();
      const index = all.findIndex((unit) => unit.contains(call));
      let at = index;
      while (at >= 0 && at + 1 < all.length && /^H[1-6]$/.test(all[at]!.tagName)) at++;
      return at >= 0 ? all[at] : undefined;
    };
    const inFlowAfterCalls = () => {
      for (const id of here) {
        const call = waiting.find((candidate) => noteOf(candidate) === id)!;
        splitAfter(callUnit(call) ?? call).after(byId.get(id)!);
        placed.add(id);
        inFlow++;
      }
    };
    if (needed > height / 2) {
      // Too long for a foot: after the block that calls it, running on as the page breaks it.
      inFlowAfterCalls();
      continue;
    }
    // The last block of this page with the notes' room below it, never a heading (it keeps with what follows).
    const fitting = units().filter((unit) => {
      const rect = lastRect(unit);
      return columnOf(unit.getClientRects()[0] ?? rect) === column && columnOf(rect) === column && bottomIn(rect) <= height - needed - 1 && !/^H[1-6]$/.test(unit.tagName);
    });
    const after = splitStraddling(fitting.at(-1), column, height - needed - 1) ?? fitting.at(-1);
    const firstUnit = callUnit(first);
    if (!after || !firstUnit || after.compareDocumentPosition(firstUnit) & Node.DOCUMENT_POSITION_FOLLOWING) {
      // The first call does not leave room for its note on this page: its block starts the next
      // one, unless it already starts a page (a block too tall for its notes anywhere).
      const unit = firstUnit ?? first;
      const startsPage = (unit.getClientRects()[0]?.top ?? unit.getBoundingClientRect().top) - origin().top < 2;
      if (startsPage) {
        inFlowAfterCalls();
        continue;
      }
      // The block before it, and before the headings that lead to it (they go with it).
      const before = units().filter((candidate) => candidate.compareDocumentPosition(unit) & Node.DOCUMENT_POSITION_FOLLOWING && !candidate.contains(unit));
      while (before.length > 0 && /^H[1-6]$/.test(before.at(-1)!.tagName)) before.pop();
      const previous = before.at(-1);
      if (!previous) break;
      const top = splitAfter(previous);
      const nextTop = top.nextElementSibling as HTMLElement | null;
      if (nextTop) setStyle(nextTop, 'break-before', 'column');
      for (const id of here) byId.get(id)!.remove();
      continue;
    }
    const top = splitAfter(after);
    top.after(box);
    // On the named page of the text around it: a change of page name would break the page before it.
    box.style.setProperty('page', (getComputedStyle(top) as CSSStyleDeclaration & { page?: string }).page ?? 'auto');
    box.style.breakInside = 'avoid';
    box.style.breakAfter = 'column';
    // Pushed to the foot: the room left under the last block, found once it is in place.
    for (let step = 0; step < 3; step++) {
      const rect = box.getBoundingClientRect();
      if (columnOf(rect) !== column) break;
      const room = height - bottomIn(rect) - 1;
      if (Math.abs(room) < 0.5) break;
      box.style.marginTop = `${Math.max(0, parseFloat(getComputedStyle(box).marginTop) + room)}px`;
    }
    if (columnOf(box.getBoundingClientRect()) !== column) box.style.marginTop = '';
    for (const id of here) placed.add(id);
    // A call after the box moved on with the text that follows: its note waits for its new page.
    for (const id of here) {
      const call = calls.find((candidate) => noteOf(candidate) === id)!;
      if (box.compareDocumentPosition(call) & Node.DOCUMENT_POSITION_FOLLOWING) {
        byId.get(id)!.remove();
        placed.delete(id);
      }
    }
    atFoot += box.childElementCount;
    if (box.childElementCount === 0) box.remove();
  }
  // Nothing lost: a note that found no page stays after the block that calls it.
  for (const id of called) {
    const note = byId.get(id)!;
    if (note.isConnected) continue;
    const call = calls.find((candidate) => noteOf(candidate) === id)!;
    splitAfter(units().find((unit) => unit.contains(call)) ?? call).after(note);
    inFlow++;
  }
  // Out of the measure: column breaks become page breaks again.
  const boxes = [...main.querySelectorAll<HTMLElement>('.page-footnotes')];
  const columnBreaks = [...main.querySelectorAll<HTMLElement>('*')].filter((element) => element.style.breakBefore === 'column');
  for (const undo of restore.reverse()) undo();
  for (const box of boxes) box.style.breakAfter = 'page';
  for (const element of columnBreaks) if (element.style.breakBefore === '') element.style.breakBefore = 'page';
  return { atFoot, inFlow };
}
