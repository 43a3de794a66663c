import { Worker } from 'node:worker_threads';
import { TriptyqueError } from '../../errors';
import type { DeckTheme } from './deck-theme';
import { MARP_OPTIONS } from './render-marp';

const WORKER = new URL('./export-html.worker.mjs', import.meta.url);

/** One worker for the process, started on first need and kept (a watch session exports again and again). */
let worker: ExportWorker | undefined;

/**
 * deck.html through marp-cli's bespoke template (presenter view, notes, navigation), converted in
 * a worker thread. HTML needs no browser, so marp-cli launches none; the theme's fonts are embedded
 * here, after, so the file is self-contained.
 */
export async function exportHtml(markdown: string, theme: DeckTheme): Promise<string> {
  // Through marp-cli, 900 KB of base64 fonts would be parsed by PostCSS on every build: they go in after.
  const html = await exportWorker().convert(markdown, theme);
  const head = html.indexOf('</head>');
  if (head < 0) throw new TriptyqueError('RENDER_FAILED', 'marp-cli wrote a deck.html without a head to put the fonts in');
  return `${html.slice(0, head)}<style>${theme.embeddedFontCss}</style>${html.slice(head)}`;
}

/** Starts the worker, which loads marp-cli while the browser fits the slides, so deck.html does not wait for it. */
export function preloadHtmlExport(): void {
  exportWorker();
}

function exportWorker(): ExportWorker {
  if (!worker?.running) worker = new ExportWorker();
  return worker;
}

class ExportWorker {
  running = true;
  private readonly thread = new Worker(WORKER);
  private readonly requests = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor() {
    // Only a pending export keeps the process alive.
    this.thread.unref();
    this.thread.on('message', ({ id, html, error }: { id: number; html?: string; error?: string }) => {
      const request = this.requests.get(id);
      this.requests.delete(id);
      if (this.requests.size === 0) this.thread.unref();
      if (html !== undefined) request?.resolve(html);
      else request?.reject(new TriptyqueError('RENDER_FAILED', error ?? 'marp-cli gave no deck.html'));
    });
    this.thread.on('error', (error) => this.fail(error.message.split('\n')[0]!));
    this.thread.on('exit', (code) => this.fail(`its worker stopped (exit code ${code})`));
  }

  convert(markdown: string, theme: DeckTheme): Promise<string> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.requests.set(id, { resolve, reject });
      this.thread.ref();
      // Marp Core as the build measured the slides with (`render-marp.ts`): no Twemoji images from a CDN, no remote KaTeX fonts.
      this.thread.postMessage({ id, markdown, themeName: theme.name, themeCss: theme.css, options: MARP_OPTIONS });
    });
  }

  private fail(reason: string): void {
    this.running = false;
    for (const request of this.requests.values()) request.reject(new TriptyqueError('RENDER_FAILED', `marp-cli could not write deck.html: ${reason}`));
    this.requests.clear();
  }
}
