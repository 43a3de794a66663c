import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { toDiagnostic, type BuildReport, type Diagnostic } from '../artifacts/report';
import type { ArtifactRecord } from '../artifacts/write-artifact';
import { BrowserService } from '../browser/browser-service';
import type { ReadAs } from '../config/schema';
import type { BuildResult, ProgressEvent } from '../core/build';
import { watch } from '../core/watch';
import { readSourceView } from '../gallery/source-view';
import { writeGallery } from '../gallery/write-gallery';
import type { TargetName } from '../model/types';
import { decodeOrKeep } from '../files/url-path';
import { LiveReload } from './live-reload';
import { previewHtml } from './preview-html';
import { sendText, serveFile } from './serve-file';

export interface PreviewOptions {
  root: string;
  /** The configuration file, when it is not the one in `root`. */
  config?: string;
  /** Sources to preview; none means every `content/*.md`. */
  sources: readonly string[];
  outDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  only?: readonly TargetName[];
  /** `deck`: every source is read as a Marp deck (`--as deck`). */
  as?: ReadAs;
  onEvent?: (event: PreviewEvent) => void;
}

export type PreviewEvent =
  | { type: 'building'; changed: readonly string[] }
  | { type: 'progress'; progress: ProgressEvent }
  | { type: 'built'; result: BuildResult; gallery?: ArtifactRecord }
  | { type: 'problem'; message: string };

export interface Preview {
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  /** Stops watching, ends the server and closes the browser. */
  close(): Promise<void>;
}

/**
 * A local page that shows the deck, the brochure and the digest side by side and reloads after
 * every rebuild: a watch loop builds, the gallery and thumbnails are refreshed, then every open
 * page is told over Server-Sent Events. Only files under `outDir` are served, on 127.0.0.1 only.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir);
  const reports = new Map<string, BuildReport>();
  let otherDiagnostics: Diagnostic[] = [];
  let building = true;
  const live = new LiveReload();
  const browser = new BrowserService();
  const stop = new AbortController();

  const onBuild = async (result: BuildResult) => {
    for (const report of result.reports) reports.set(report.slug, report);
    const sources = new Set(result.reports.map((report) => report.source));
    otherDiagnostics = result.files.filter((file) => !sources.has(file.path)).flatMap((file) => file.messages.map((message) => toDiagnostic(message, file)));
    let gallery: ArtifactRecord | undefined;
    try {
      gallery = await writeGallery({ outDir, reports: [...reports.values()], root });
    } catch (error) {
      const message = `the gallery could not be written: ${(error as Error).message}`;
      otherDiagnostics.push({ file: join(outDir, 'index.html'), severity: 'warning', ruleId: 'gallery-failed', message });
      options.onEvent?.({ type: 'problem', message });
    }
    building = false;
    live.send('built', { ok: result.ok, slugs: result.reports.map((report) => report.slug) });
    options.onEvent?.({ type: 'built', result, gallery });
  };

  const page = async (slug: string | undefined, response: ServerResponse) => {
    const views = await Promise.all([...reports.values()].map((report) => readSourceView(report, join(outDir, report.slug))));
    const current = slug === undefined ? views[0] : views.find((view) => view.report.slug === slug);
    if (slug !== undefined && !current) return sendText(response, 404, `No source with the slug "${slug}" is being previewed.`);
    const html = previewHtml({ views, current, building, otherDiagnostics, root, sources: options.sources });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Only GET is served here.');
    // DNS rebinding: a web page whose host name now points at 127.0.0.1 must not read the output.
    const { port: ownPort } = server.address() as AddressInfo;
    if (![`127.0.0.1:${ownPort}`, `localhost:${ownPort}`].includes(request.headers.host ?? '')) return sendText(response, 403, `Forbidden: open http://127.0.0.1:${ownPort}/ instead.`);
    // The raw path, not a URL-normalised one: "/out/../x" must be refused, not quietly rewritten.
    const path = (request.url ?? '/').split(/[?#]/)[0]!;
    if (path === '/') return page(undefined, response);
    if (path === '/events') return live.handle(request, response);
    if (path.startsWith('/preview/')) return page(decodeOrKeep(path.slice('/preview/'.length)), response);
    if (path === '/gallery' || path === '/out' || path === '/out/') {
      response.writeHead(302, { location: '/out/index.html' });
      return response.end();
    }
    if (path.startsWith('/out/')) return serveFile(response, outDir, path.slice('/out/'.length));
    if (path === '/favicon.ico') {
      response.writeHead(204);
      return response.end();
    }
    return sendText(response, 404, 'Not found.');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `Preview error: ${(error as Error).message}`);
      else response.destroy();
    });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 0, '127.0.0.1', () => listening());
  });
  const { port } = server.address() as AddressInfo;

  const watching = watch({
    root,
    config: options.config,
    sources: options.sources,
    outDir,
    only: options.only,
    as: options.as,
    browser,
    signal: stop.signal,
    onBuild,
    onChange: (changed) => {
      building = true;
      live.send('building', { changed });
      options.onEvent?.({ type: 'building', changed });
    },
    onProgress: (progress) => options.onEvent?.({ type: 'progress', progress }),
  }).catch((error: unknown) => options.onEvent?.({ type: 'problem', message: `watching stopped: ${(error as Error).message}` }));

  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      stop.abort();
      await watching;
      live.close();
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
      await browser.close();
    },
  };
}
