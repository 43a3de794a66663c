import type { Page } from 'puppeteer-core';

/** The pieces a block can be cut between, as laid out: list items at any depth, table rows, code lines. */
export type PartKind = 'items' | 'rows' | 'lines';

/** The first unit that ends outside the slide's box, measured so the fit can cut it where the box ends. */
export interface UnfitUnit {
  /** Index among the slide's measured units. */
  index: number;
  /** Its height, and the room it has from its top to the bottom of the box (px). */
  height: number;
  room: number;
  /**
   * Where each of its parts ends, from the unit's top (px): the `li` elements in document order
   * (the unit's own first: the end of its own text), the table rows (header first), the code lines.
   */
  parts?: { kind: PartKind; ends: number[] };
}

export interface SlideMeasure {
  /** Content reaches past the slide's content box (bottom or right). */
  overflows: boolean;
  /** Height the content needs over the height it has: above 1 means cropped. */
  ratio: number;
  /** How many of the slide's units (top-level blocks, top-level list items) end inside the box. */
  fittingUnits: number;
  units: number;
  /** Height of the box below the title: what a "(suite)" slide has for its content (px). */
  capacity: number;
  /** Share of the content box the title takes (0 when the slide has none), and its number of lines. */
  titleShare: number;
  titleLines: number;
  unfit?: UnfitUnit;
  /** Where each unit begins and ends, from the top of the first (px): how a slide far too full is shared out at once. */
  unitSpans: [number, number][];
}

/**
 * Measures every slide: Marp crops silently, so the build compares each section's content with
 * its box. Units are counted the way the plan counts them: each block after the title, each
 * top-level `li` of a list.
 */
export async function measureSlides(page: Page): Promise<SlideMeasure[]> {
  return page.evaluate(() => {
    const TOLERANCE = 0.5;
    const range = document.createRange();
    return [...document.querySelectorAll<HTMLElement>('div.marpit > section')].map((section) => {
      const box = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const top = box.top + parseFloat(style.paddingTop);
      const bottom = box.bottom - parseFloat(style.paddingBottom);
      const right = box.right - parseFloat(style.paddingRight) + TOLERANCE;
      const children = [...section.children].filter((child) => !['HEADER', 'FOOTER'].includes(child.tagName));
      const units: Element[] = [];
      let title: Element | undefined;
      children.forEach((child, index) => {
        if (index === 0 && /^H[12]$/.test(child.tagName) && !section.classList.contains('title')) {
          title = child;
          return;
        }
        if (child.tagName === 'UL' || child.tagName === 'OL') units.push(...[...child.children].filter((li) => li.tagName === 'LI'));
        else units.push(child);
      });
      title ??= section.querySelector('h1, h2') ?? undefined;
      // Scrollable overflow also counts what rects miss (margins of flex items, overhanging glyphs).
      let lowest = box.top + section.scrollHeight - parseFloat(style.paddingBottom);
      let widest = box.left + section.scrollWidth - parseFloat(style.paddingRight);
      for (const child of children) {
        const rect = child.getBoundingClientRect();
        lowest = Math.max(lowest, rect.bottom);
        widest = Math.max(widest, rect.right, child.scrollWidth > child.clientWidth ? rect.left + child.scrollWidth : 0);
      }
      const overflows = lowest > bottom + TOLERANCE || widest > right;
      let unfitIndex = units.findIndex((unit) => unit.getBoundingClientRect().bottom > bottom + TOLERANCE);
      // Too tall though each unit ends inside (a margin, a glyph): the last unit is the one to move.
      if (unfitIndex === -1 && lowest > bottom + TOLERANCE && units.length > 0) unfitIndex = units.length - 1;
      const contentTop = units[0]?.getBoundingClientRect().top ?? top;
      const titleRect = title?.getBoundingClientRect();

      let unfit: UnfitUnit | undefined;
      const unit = unfitIndex >= 0 ? units[unfitIndex] : undefined;
      if (unit) {
        const rect = unit.getBoundingClientRect();
        // No named helper inside: the bundler would wrap it in a `__name` call the page does not know.
        const origin = rect.top;
        let parts: UnfitUnit['parts'];
        if (unit.tagName === 'LI') {
          // Each item ends its own text where its nested list begins.
          const items = [unit, ...unit.querySelectorAll('li')];
          parts = {
            kind: 'items',
            ends: items.map((li) => {
              const nested = [...li.children].find((child) => child.tagName === 'UL' || child.tagName === 'OL');
              return (nested ?? li).getBoundingClientRect()[nested ? 'top' : 'bottom'] - origin;
            }),
          };
        } else if (unit.tagName === 'TABLE') {
          parts = { kind: 'rows', ends: [...unit.querySelectorAll('tr')].map((row) => row.getBoundingClientRect().bottom - origin) };
        } else if (unit.tagName === 'PRE') {
          // A line ends where the next begins: the top of the character after each line feed.
          const ends: number[] = [];
          const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT);
          let pending = false;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (let offset = 0; offset < text.length; offset += 1) {
              if (pending) {
                range.setStart(node, offset);
                range.setEnd(node, offset + 1);
                const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
                ends.push(box.top - origin);
                pending = false;
              }
              if (text[offset] === '\n') pending = true;
            }
          }
          const code = unit.querySelector('code') ?? unit;
          ends.push(code.getBoundingClientRect().bottom - origin);
          parts = { kind: 'lines', ends };
        }
        unfit = { index: unfitIndex, height: rect.height, room: bottom - rect.top, parts };
      }
      return {
        overflows,
        ratio: Math.max((lowest - top) / Math.max(1, bottom - top), (widest - box.left) / Math.max(1, right - box.left)),
        fittingUnits: unfitIndex === -1 ? units.length : unfitIndex,
        units: units.length,
        capacity: bottom - contentTop,
        titleShare: titleRect ? titleRect.height / Math.max(1, bottom - top) : 0,
        titleLines: title ? Math.round((titleRect!.height - parseFloat(getComputedStyle(title).paddingBottom) - parseFloat(getComputedStyle(title).paddingTop)) / (parseFloat(getComputedStyle(title).lineHeight) || 1)) : 0,
        unfit,
        unitSpans: units.map((unit) => {
          const rect = unit.getBoundingClientRect();
          return [rect.top - contentTop, rect.bottom - contentTop] as [number, number];
        }),
      };
    });
  });
}
