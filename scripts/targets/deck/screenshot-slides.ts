import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { BoundedCache } from '../../cache/bounded-cache';
import type { RenderedDeck } from './render-marp';

export interface SlideShot {
  data: Uint8Array;
  type: 'png';
  /** The slide's size in px: 1280x720, or 960x720 for Marp's `size: 4:3`. */
  width: number;
  height: number;
}

/** Shots of this process (a watch session) by what the slide is: its section's HTML and the stylesheet. */
const shots = new BoundedCache<string, SlideShot>(300);

/**
 * One picture per slide of the deck the page shows (slides one below the other): each is a clip
 * of the page where the slide stands, with no relayout between shots (PNG: lossless, and no slower than
 * JPEG here). A slide shot before in this process with the same HTML and CSS is not shot again.
 */
export async function screenshotSlides(page: Page, rendered: RenderedDeck): Promise<SlideShot[]> {
  const css = createHash('sha256').update(rendered.css).digest('hex');
  const keys = rendered.sections.map((section) => createHash('sha256').update(`${css}\n${section}`).digest('hex'));
  const boxes = await page.$$eval('div.marpit > section', (sections) => sections.map((section) => ({ top: (section as HTMLElement).offsetTop, width: (section as HTMLElement).offsetWidth, height: (section as HTMLElement).offsetHeight })));
  const result: SlideShot[] = [];
  for (const [index, key] of keys.entries()) {
    let shot = shots.get(key);
    if (!shot) {
      // A clip beyond the viewport: the page may be a background tab (other targets have pages), which paints no frame of its own.
      const { top, width, height } = boxes[index]!;
      const clip = { x: 0, y: top, width, height };
      shot = { data: await page.screenshot({ type: 'png', optimizeForSpeed: true, clip, captureBeyondViewport: true }), type: 'png', width, height };
      shots.set(key, shot);
    }
    result.push(shot);
  }
  return result;
}
