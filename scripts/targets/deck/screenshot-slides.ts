import type { Page } from 'puppeteer-core';

/**
 * One PNG per slide of the deck loaded in `page` (viewport 1280x720): each slide in turn is
 * the only one shown, and the viewport is captured, much faster than element screenshots.
 */
export async function screenshotSlides(page: Page): Promise<Uint8Array[]> {
  const count = await page.$$eval('div.marpit > section', (sections) => sections.length);
  const shots: Uint8Array[] = [];
  for (let index = 0; index < count; index += 1) {
    await page.evaluate((shown) => {
      document.querySelectorAll<HTMLElement>('div.marpit > section').forEach((section, at) => (section.style.display = at === shown ? '' : 'none'));
      window.scrollTo(0, 0);
    }, index);
    shots.push(await page.screenshot({ type: 'png', optimizeForSpeed: true, clip: { x: 0, y: 0, width: 1280, height: 720 } }));
  }
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('div.marpit > section').forEach((section) => (section.style.display = '')));
  return shots;
}
