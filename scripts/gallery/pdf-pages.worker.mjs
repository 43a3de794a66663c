// Draws each page of one PDF as a JPEG with pdf.js and @napi-rs/canvas, off the main thread.
// Plain JavaScript: a worker thread is not run through the TypeScript loader.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const { pdfPath, width, quality } = workerData;
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js reads these folders with fs in Node; they must end with a slash.
const folder = (name) => `${join(pdfjsDir, name)}/`;

const doc = await getDocument({
  data: new Uint8Array(await readFile(pdfPath)),
  isEvalSupported: false,
  useSystemFonts: false,
  standardFontDataUrl: folder('standard_fonts'),
  cMapUrl: folder('cmaps'),
  wasmUrl: folder('wasm'),
  verbosity: 0,
}).promise;
const images = [];
try {
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    await page.render({ canvasContext: canvas.getContext('2d'), canvas, viewport, background: '#ffffff' }).promise;
    images.push(await canvas.encode('jpeg', Math.round(quality * 100)));
    page.cleanup();
  }
} finally {
  await doc.destroy();
}
parentPort.postMessage(images, images.map((image) => image.buffer));
