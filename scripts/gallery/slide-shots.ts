import { pathToFileURL } from 'node:url';
import type { BrowserService } from '../browser/browser-service';
import { TriptyqueError } from '../errors';

/**
 * Each slide of a Marp HTML deck as a JPEG `width` pixels wide. Marp's bespoke template shows one
 * slide at a time on screen, but its print stylesheet lays every slide out one below the other:
 * with print media emulated, each slide's `<svg>` can be shot where it stands.
 */
export async function screenshotSlides(
  browser: BrowserService,
  htmlPath: string,
  options: { width: number; quality?: number; allowedRoots: readonly string[] },
): Promise<Buffer[]> {
  return browser.withPage({ allowedRoots: options.allowedRoots, viewport: { width: 1280, height: 720 } }, async (page) => {
    await page.emulateMediaType('print');
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const slides = await page.$$('svg[data-marpit-svg]');
    if (slides.length === 0) throw new TriptyqueError('RENDER_FAILED', `${htmlPath} holds no Marp slide (svg[data-marpit-svg])`);
    const shots: Buffer[] = [];
    for (const slide of slides) {
      const box = await slide.boundingBox();
      if (!box || box.width === 0) continue;
      const clip = { x: box.x, y: box.y, width: box.width, height: box.height, scale: options.width / box.width };
      shots.push(Buffer.from(await page.screenshot({ type: 'jpeg', quality: Math.round((options.quality ?? 0.85) * 100), clip, captureBeyondViewport: true })));
    }
    return shots;
  });
}
