import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';

/** The fonts each page has loaded (`openFontPage`), and what it shows (`showDocument`): asking again costs nothing. */
const fontsLoaded = new WeakMap<Page, string>();
const shown = new WeakMap<Page, { css: string; body: string; lang: string }>();
/** The document stylesheet each page holds, kept from build to build like the fonts (it is text, no file). */
const styled = new WeakMap<Page, string>();

/**
 * Opens a page that has every face of the theme's fonts loaded, read by file URL (the page needs a
 * file origin for that, so it is loaded from a short-lived file in `workDir`, an allowed root).
 * Documents are then shown with `showDocument`, which swaps the styles and the body and keeps the
 * fonts: no reload, no base64 to parse, no font to wait for.
 */
export async function openFontPage(page: Page, fontCss: string, workDir: string): Promise<void> {
  // What the page showed is a build's own: files it reads may have changed since.
  shown.delete(page);
  // A page kept open between builds (watch) has the fonts already.
  if (fontsLoaded.get(page) === fontCss) return;
  fontsLoaded.delete(page);
  styled.delete(page);
  const file = join(workDir, `.deck-${process.pid}-${randomBytes(4).toString('hex')}.html`);
  await writeFile(file, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontCss}</style><style id="document-css"></style></head><body></body></html>`);
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Every face, not only those a first layout asks for: a slide is measured with its real fonts.
    await page.evaluate(() => Promise.all([...document.fonts].map((font) => font.load())).then(() => undefined));
    fontsLoaded.set(page, fontCss);
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Replaces the page's document styles and body (fonts stay), then waits for the layout's fonts
 * and images; nothing to do when the page shows that very document already.
 */
export async function showDocument(page: Page, document: { css: string; body: string; lang?: string }): Promise<void> {
  const wanted = { css: document.css, body: document.body, lang: document.lang ?? '' };
  const current = shown.get(page);
  if (current && current.css === wanted.css && current.body === wanted.body && current.lang === wanted.lang) return;
  // The same stylesheet set again would be sent over and parsed again, and every style recomputed:
  // the rounds of fitting change the slides, rarely the stylesheet.
  const css = styled.get(page) === wanted.css ? null : wanted.css;
  shown.delete(page);
  styled.delete(page);
  await page.evaluate(
    async (css, body, lang) => {
      if (css !== null) window.document.getElementById('document-css')!.textContent = css;
      window.document.documentElement.lang = lang;
      window.document.body.innerHTML = body;
      window.scrollTo(0, 0);
      await Promise.all([...window.document.images].map((image) => (image.complete ? undefined : image.decode().catch(() => undefined))));
      await window.document.fonts.ready;
      // Marp's auto-scaling (a `<!-- fit -->` heading, a wide code block or equation), which its
      // script does in deck.html: the content on one line, scaled to the box's width (fit headings
      // up or down, the others down only). Done on the font size, so every reader of the page
      // (the PDF, the PPTX's layout, the overflow check) sees the size the slide shows.
      for (const element of window.document.querySelectorAll<HTMLElement>('div.marpit [data-auto-scaling]')) {
        const line = window.document.createElement('span');
        line.style.cssText = 'display:inline-block;white-space:nowrap;width:max-content;vertical-align:top';
        while (element.firstChild) line.appendChild(element.firstChild);
        element.appendChild(line);
        const box = getComputedStyle(element);
        const room = element.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
        if (!(room > 0 && line.offsetWidth > 0)) continue;
        const scale = element.dataset['autoScaling'] === 'downscale-only' ? Math.min(1, room / line.offsetWidth) : room / line.offsetWidth;
        if (Math.abs(scale - 1) > 0.005) line.style.fontSize = `${parseFloat(getComputedStyle(line).fontSize) * scale}px`;
      }
    },
    css,
    wanted.body,
    wanted.lang,
  );
  shown.set(page, wanted);
  styled.set(page, wanted.css);
}
