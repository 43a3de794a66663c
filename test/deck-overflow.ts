import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserService } from '../scripts/browser/browser-service';

/** Each slide of `dir/deck.html` that overflows, as the room sees it (Chromium, fonts loaded). */
export async function overflowingSlides(browser: BrowserService, dir: string) {
  const slides = await browser.withPage({ allowedRoots: [dir], onBlocked: () => undefined, viewport: { width: 1280, height: 720 } }, async (page) => {
    await page.goto(pathToFileURL(join(dir, 'deck.html')).href, { waitUntil: 'load' });
    // Every face deck.html declares is loaded before measuring (one whose file is not there fails the measure).
    await page.evaluate(() => Promise.all([...document.fonts].map((font) => font.load())).then(() => undefined));
    return page.$$eval('svg[data-marpit-svg] > foreignObject > section', (sections) =>
      sections.map((section, index) => {
        const box = section.getBoundingClientRect();
        const inner = box.bottom - parseFloat(getComputedStyle(section).paddingBottom);
        return {
          slide: index + 1,
          title: section.querySelector('h1, h2')?.textContent ?? '',
          height: section.scrollHeight - section.clientHeight,
          width: section.scrollWidth - section.clientWidth,
          // Every element ends inside the padding box (Marp's section crops what does not).
          lowest: Math.max(0, ...[...section.children].filter((child) => !['HEADER', 'FOOTER'].includes(child.tagName)).map((child) => child.getBoundingClientRect().bottom)) - inner,
        };
      }),
    );
  });
  return { count: slides.length, overflowing: slides.filter((slide) => slide.height > 0 || slide.width > 0 || slide.lowest > 0.5) };
}

/** The text of `file` (an HTML page) as Chromium reads it, with the alt text of its images. */
export async function pageText(browser: BrowserService, dir: string, file: string): Promise<string> {
  return browser.withPage({ allowedRoots: [dir], onBlocked: () => undefined }, async (page) => {
    await page.goto(pathToFileURL(join(dir, file)).href, { waitUntil: 'load' });
    return page.evaluate(() => {
      document.querySelectorAll('style, script').forEach((node) => node.remove());
      // Footnote numbers are the brochure's, not the source's: "all¹" reads as the source's "all".
      document.querySelectorAll('sup.footnote-marker').forEach((node) => node.remove());
      const alts = [...document.querySelectorAll('img[alt]')].map((image) => image.getAttribute('alt'));
      // innerText: what a reader sees, with a break between blocks (textContent would glue them).
      return `${document.body.innerText}\n${alts.join('\n')}`;
    });
  });
}
