import { Worker } from 'node:worker_threads';
import { TriptyqueError } from '../errors';

const WORKER = new URL('./pdf-pages.worker.mjs', import.meta.url);

/**
 * Each page of a PDF as a JPEG `width` pixels wide, drawn by pdf.js in a worker thread: no browser
 * page to open, and the event loop stays free for the preview server and the browser's messages.
 */
export function renderPdfPages(pdfPath: string, options: { width: number; quality?: number }): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { pdfPath, width: options.width, quality: options.quality ?? 0.85 } });
    let images: Buffer[] | undefined;
    worker.once('message', (pages: Uint8Array[]) => {
      images = pages.map((page) => Buffer.from(page.buffer, page.byteOffset, page.byteLength));
    });
    worker.once('error', (error) => {
      reject(new TriptyqueError('RENDER_FAILED', `pdf.js could not render ${pdfPath}: ${error.message.split('\n')[0]}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      if (images) resolve(images);
      else reject(new TriptyqueError('RENDER_FAILED', `pdf.js could not render ${pdfPath}: its worker stopped (exit code ${code})`));
    });
  });
}
