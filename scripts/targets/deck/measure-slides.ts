import type { Page } from 'puppeteer-core';

export interface SlideMeasure {
  /** Content reaches past the slide's content box (bottom or right). */
  overflows: boolean;
  /** Height the content needs over the height it has: above 1 means cropped. */
  ratio: number;
  /** How many of the slide's units (top-level blocks, top-level list items) end inside the box. */
  fittingUnits: number;
  units: number;
}

/**
 * Measures every slide: Marp crops silently, so the build compares each section's content with
 * its box. Units are counted the way the plan counts them: each block after the title, each
 * top-level `li` of a list.
 */
export async function measureSlides(page: Page): Promise<SlideMeasure[]> {
  return page.evaluate(() => {
    const TOLERANCE = 0.5;
    return [...document.querySelectorAll<HTMLElement>('div.marpit > section')].map((section) => {
      const box = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const top = box.top + parseFloat(style.paddingTop);
      const bottom = box.bottom - parseFloat(style.paddingBottom);
      const right = box.right - parseFloat(style.paddingRight) + TOLERANCE;
      const children = [...section.children].filter((child) => !['HEADER', 'FOOTER'].includes(child.tagName));
      const units: Element[] = [];
      children.forEach((child, index) => {
        if (index === 0 && /^H[12]$/.test(child.tagName) && !section.classList.contains('title')) return;
        if (child.tagName === 'UL' || child.tagName === 'OL') units.push(...[...child.children].filter((li) => li.tagName === 'LI'));
        else units.push(child);
      });
      // Scrollable overflow also counts what rects miss (margins of flex items, overhanging glyphs).
      let lowest = box.top + section.scrollHeight - parseFloat(style.paddingBottom);
      let widest = box.left + section.scrollWidth - parseFloat(style.paddingRight);
      for (const child of children) {
        const rect = child.getBoundingClientRect();
        lowest = Math.max(lowest, rect.bottom);
        widest = Math.max(widest, rect.right, child.scrollWidth > child.clientWidth ? rect.left + child.scrollWidth : 0);
      }
      const fittingUnits = units.findIndex((unit) => unit.getBoundingClientRect().bottom > bottom + TOLERANCE);
      const overflows = lowest > bottom + TOLERANCE || widest > right;
      return {
        overflows,
        ratio: Math.max((lowest - top) / Math.max(1, bottom - top), (widest - box.left) / Math.max(1, right - box.left)),
        fittingUnits: fittingUnits === -1 ? units.length : fittingUnits,
        units: units.length,
      };
    });
  });
}
