import { fileURLToPath } from 'node:url';
import { relative, isAbsolute, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { TriptyqueError } from '../errors';
import { findBrowser, type FoundBrowser } from './find-browser';

/** Flags that let Chromium run as root, offline, without phoning home. */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export interface PageOptions {
  /** Folders whose files the page may load; anything else (and every network request) is blocked. */
  allowedRoots: readonly string[];
  /** Called with each request that was blocked, so the caller can report it. */
  onBlocked?: (url: string) => void;
  viewport?: { width: number; height: number; deviceScaleFactor?: number };
}

/**
 * The one browser of a build: launched on first need, shared by every target and source
 * (each gets its own page), and closed in one place.
 */
export class BrowserService {
  private launching?: Promise<Browser>;
  private found?: FoundBrowser;

  constructor(private readonly options: { timeoutMs?: number } = {}) {}

  get timeoutMs(): number {
    return this.options.timeoutMs ?? 60_000;
  }

  /** The executable in use, once launched (for the report). */
  get executablePath(): string | undefined {
    return this.found?.executablePath;
  }

  browser(): Promise<Browser> {
    this.launching ??= this.launch();
    return this.launching;
  }

  private async launch(): Promise<Browser> {
    this.found = await findBrowser();
    try {
      return await puppeteer.launch({
        executablePath: this.found.executablePath,
        headless: true,
        args: LAUNCH_ARGS,
        protocolTimeout: this.timeoutMs,
      });
    } catch (error) {
      this.launching = undefined;
      throw new TriptyqueError('BROWSER_FAILED', `Chromium at ${this.found.executablePath} did not start: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }

  /** Runs `work` on a fresh sandboxed page and always closes it. */
  async withPage<T>(options: PageOptions, work: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.browser();
    const page = await browser.newPage();
    try {
      page.setDefaultTimeout(this.timeoutMs);
      if (options.viewport) await page.setViewport(options.viewport);
      await sandbox(page, options);
      return await work(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    const browser = await launching.catch(() => undefined);
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
  }
}

async function sandbox(page: Page, options: PageOptions): Promise<void> {
  const roots = options.allowedRoots.map((root) => resolve(root));
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowed(url, roots)) void request.continue();
    else {
      options.onBlocked?.(url);
      void request.abort('blockedbyclient');
    }
  });
}

export function isAllowed(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  if (!url.startsWith('file:')) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  return roots.some((root) => {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}
