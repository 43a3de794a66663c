import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserService } from '../browser/browser-service';
import { TriptyqueError } from '../errors';
import { NODE_MODULES_DIR } from '../paths';

const PDFJS_DIR = join(NODE_MODULES_DIR, 'pdfjs-dist', 'legacy', 'build');

let pdfjsCode: Promise<{ library: string; worker: string }> | undefined;

function loadPdfjs(): Promise<{ library: string; worker: string }> {
  pdfjsCode ??= Promise.all([readFile(join(PDFJS_DIR, 'pdf.min.mjs'), 'utf8'), readFile(join(PDFJS_DIR, 'pdf.worker.min.mjs'), 'utf8')]).then(
    ([library, worker]) => ({ library, worker }),
  );
  return pdfjsCode;
}

/*
 * Runs inside the page. Chromium refuses ES modules from file:// URLs (origin "null"), so pdf.js
 * and its worker arrive as text and are imported from blob: URLs; the worker module is imported
 * on the main thread (pdf.js's "fake worker"), which is plenty for small thumbnails.
 * Kept as plain JavaScript text so the test runner's transforms never touch it.
 */
const RENDER_PAGES = `window.renderPdfPages = async function (library, worker, pdfBase64, width, quality) {
  const moduleUrl = (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const pdfjs = await import(moduleUrl(library));
  globalThis.pdfjsWorker = await import(moduleUrl(worker));
  const data = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
  const images = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, viewport, background: '#ffffff' }).promise;
    images.push(canvas.toDataURL('image/jpeg', quality).slice('data:image/jpeg;base64,'.length));
    page.cleanup();
  }
  await doc.destroy();
  return images;
};`;

/** Each page of a PDF as a JPEG `width` pixels wide, rendered by pdf.js in the shared browser. */
export async function renderPdfPages(browser: BrowserService, pdfPath: string, options: { width: number; quality?: number }): Promise<Buffer[]> {
  const [{ library, worker }, pdf] = await Promise.all([loadPdfjs(), readFile(pdfPath)]);
  // pdf.js is the page's script: our own code, on a page that loads nothing else.
  return browser.withPage({ allowedRoots: [], javaScript: true }, async (page) => {
    await page.setContent('<!doctype html><meta charset="utf-8"><title>pages</title>');
    await page.addScriptTag({ content: RENDER_PAGES });
    try {
      const images = await page.evaluate(
        (l: string, w: string, p: string, width: number, quality: number) =>
          (window as unknown as { renderPdfPages: (...args: unknown[]) => Promise<string[]> }).renderPdfPages(l, w, p, width, quality),
        library,
        worker,
        pdf.toString('base64'),
        options.width,
        options.quality ?? 0.85,
      );
      return images.map((image) => Buffer.from(image, 'base64'));
    } catch (error) {
      throw new TriptyqueError('RENDER_FAILED', `pdf.js could not render ${pdfPath}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  });
}
