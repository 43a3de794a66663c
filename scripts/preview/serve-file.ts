import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // Shown as text in the browser rather than downloaded: the preview is for reading.
  '.md': 'text/plain; charset=utf-8',
  '.eml': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Sends the file at `urlPath` (already stripped of its route prefix, still percent-encoded) from
 * under `root`, and nothing else: `..` segments, encoded or not, and symbolic links that lead
 * outside are refused with 403; anything missing is 404.
 */
export async function serveFile(response: ServerResponse, root: string, urlPath: string): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return sendText(response, 400, 'Bad request: malformed URL.');
  }
  if (decoded.includes('\0')) return sendText(response, 400, 'Bad request.');
  const base = resolve(root);
  const path = resolve(base, `.${sep}${decoded}`);
  if (!inside(base, path) || decoded.split(/[\\/]/).includes('..')) return sendText(response, 403, 'Forbidden: only files of the output folder are served.');
  const real = await realpath(path).catch(() => undefined);
  const realBase = await realpath(base).catch(() => base);
  if (!real) return sendText(response, 404, `Not found: ${decoded}`);
  if (!inside(realBase, real)) return sendText(response, 403, 'Forbidden: only files of the output folder are served.');
  const info = await stat(real);
  if (!info.isFile()) return sendText(response, 404, `Not found: ${decoded}`);
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    // Every rebuild replaces these files: never let the browser show an old one.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  await new Promise<void>((done) => {
    const stream = createReadStream(real);
    stream.on('error', () => response.destroy());
    stream.on('close', () => done());
    stream.pipe(response);
  });
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${text}\n`);
}
