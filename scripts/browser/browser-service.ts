import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import puppeteer, { ProtocolError, TimeoutError, type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { TriptyqueError } from '../errors';
import { isInsideReally } from '../paths-real';
import { removeStaleProfiles } from './stale-profiles';
import { findBrowser, type FoundBrowser } from './find-browser';

/**
 * Flags that let Chromium run as root, offline, without phoning home. The GPU and network services
 * run inside the browser process: as processes of their own they cost ~180 MB of the build's memory
 * for nothing (no GPU is used, and every request is answered by the sandbox's interception). No
 * spare renderer is kept warm for a next tab: each page is opened once per target, and the spare
 * costs ~100 MB while the build lasts. Renderers are one per core and one more: the pages of
 * several sources built at once then share them (ten sources: 1.65 -> 1.40 GB, and no slower,
 * for more renderers than cores only wait for each other).
 */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
  '--disable-features=SpareRendererForSitePerProcess',
  `--renderer-process-limit=${availableParallelism() + 1}`,
];

/** How long a browser that would not close gracefully gets before it is killed. */
const CLOSE_GRACE_MS = 5_000;

export interface PageOptions {
  /** Folders whose files the page may load; anything else (and every network request) is blocked. */
  allowedRoots: readonly string[];
  /** Called with each request that was blocked, so the caller can report it. */
  onBlocked?: (url: string) => void;
  viewport?: { width: number; height: number; deviceScaleFactor?: number };
  /** Stops waiting for the page's work when the build is interrupted. */
  signal?: AbortSignal;
  /**
   * The kind of page the work needs (a deck page, a brochure page): the work takes a kept page of
   * its kind when one is free, left as the last work left it, so it opens no page and loads no
   * fonts again. A kind always comes with the same viewport.
   */
  kind?: string;
  /**
   * Of the kept pages of its kind, the work prefers the one last used with this affinity (its
   * source's output folder): that page may still show what the work is about to show.
   */
  affinity?: string;
  /** Keep the page for later work of its kind (the next source of a build, the next build of a watch session) rather than close it after this work. */
  keep?: boolean;
}

export interface BrowserServiceOptions {
  /** Longest a single browser call (evaluate, pdf, screenshot...) may take. */
  timeoutMs?: number;
  /** Longest the whole work of one page may take before the browser is deemed hung. */
  pageTimeoutMs?: number;
}

/** An open page, and the options its sandbox follows now. */
interface PreparedPage {
  page: Page;
  browser: Browser;
  current: { options: PageOptions };
}

/** A page kept open for later work of its kind. */
interface KeptPage extends PreparedPage {
  busy: boolean;
  /** The affinity of the last work that used it. */
  affinity?: string;
}

/** The browser crashed, disconnected or hung: worth one retry on a fresh browser. */
class BrowserFault extends Error {}

/**
 * The one browser of a build: launched on first need, shared by every target and source
 * (each gets its own page), and closed in one place. A page whose browser crashes or hangs is
 * retried once on a freshly launched browser, then fails with BROWSER_FAILED.
 */
export class BrowserService {
  private launching?: Promise<Browser>;
  private found?: FoundBrowser;
  /** Browsers given up on; work that fails because one was retired has not used its retry. */
  private readonly retired = new WeakSet<Browser>();
  /** Bumped by close(): work begun before it must not relaunch a browser nobody would close. */
  private generation = 0;
  /** The kept pages of each kind: as many as works of that kind ran at once. */
  private readonly kept = new Map<string, KeptPage[]>();
  private spares: Promise<PreparedPage>[] = [];
  private readonly launchTabs = new WeakSet<Browser>();

  constructor(private readonly options: BrowserServiceOptions = {}) {}

  get timeoutMs(): number {
    // A brochure prints in one call: the longest source allowed (2 MB) prints ~1,200 A5 pages in
    // 30-40 s on two busy cores, so a call gets well over that before it counts as hung.
    return this.options.timeoutMs ?? 180_000;
  }

  get pageTimeoutMs(): number {
    return this.options.pageTimeoutMs ?? 5 * 60_000;
  }

  /** The executable in use, once launched (for the report). */
  get executablePath(): string | undefined {
    return this.found?.executablePath;
  }

  browser(): Promise<Browser> {
    this.launching ??= this.launch();
    return this.launching;
  }

  /**
   * Starts Chromium now and opens `pages` more pages ahead of need, while the work that will ask
   * for them loads: a first page costs ~0.5 s on busy cores. A failure is told to the work that
   * needs the browser. Kept pages make spares needless.
   */
  warmUp(pages: number): void {
    const launching = this.browser();
    launching.catch(() => undefined);
    if ([...this.kept.values()].some((pool) => pool.length > 0)) return;
    for (let count = 0; count < pages; count++) {
      const prepared = launching.then((browser) => this.preparePage(browser));
      prepared.catch(() => undefined);
      this.spares.push(prepared);
    }
  }

  /** A page with scripts off and its sandbox in place, following whatever options `current` is given. */
  private async preparePage(browser: Browser): Promise<PreparedPage> {
    const page = (await this.launchTab(browser)) ?? (await browser.newPage());
    page.setDefaultTimeout(this.timeoutMs);
    // The pages a build lays out and prints need no scripts of their own, so a `<script>` or
    // `onerror` that slipped into one cannot run; `page.evaluate` works all the same.
    await page.setJavaScriptEnabled(false);
    const current: { options: PageOptions } = { options: { allowedRoots: [] } };
    await sandbox(page, current);
    return { page, browser, current };
  }

  /**
   * The blank tab Chromium opens at launch, for the first page asked of it: left blank, it would
   * hold a renderer of its own (~150 MB of the build's memory) for nothing.
   */
  private async launchTab(browser: Browser): Promise<Page | undefined> {
    if (this.launchTabs.has(browser)) return undefined;
    this.launchTabs.add(browser);
    const tabs = await browser.pages();
    return tabs.length === 1 && tabs[0]!.url() === 'about:blank' ? tabs[0] : undefined;
  }

  /** A spare page of `browser` if one was opened ahead, else a new one. */
  private async openPage(browser: Browser): Promise<PreparedPage> {
    while (this.spares.length > 0) {
      const spare = await this.spares.shift()!.catch(() => undefined);
      if (spare && spare.browser === browser && !spare.page.isClosed()) return spare;
    }
    return this.preparePage(browser);
  }

  private async launch(): Promise<Browser> {
    // Profiles of browsers that died with a killed build would otherwise pile up in the temp folder.
    await removeStaleProfiles();
    this.found = await findBrowser();
    try {
      return await puppeteer.launch({
        executablePath: this.found.executablePath,
        headless: this.found.headlessShell ? 'shell' : true,
        // Over a pipe, Chromium exits with us even when we are killed outright (SIGKILL, OOM).
        pipe: true,
        // Ctrl-C and SIGTERM abort the build, which closes the browser and says so; puppeteer's own
        // handlers would exit the process at once (code 130, no word, the lock and a temp file left).
        handleSIGINT: false,
        handleSIGTERM: false,
        args: LAUNCH_ARGS,
        protocolTimeout: this.timeoutMs,
      });
    } catch (error) {
      this.launching = undefined;
      throw new TriptyqueError('BROWSER_FAILED', `Chromium at ${this.found.executablePath} did not start: ${firstLine(error)}`, { cause: error });
    }
  }

  /** Runs `work` on a sandboxed page, a kept one of its kind or a new one; retried once if the browser fails. */
  async withPage<T>(options: PageOptions, work: (page: Page) => Promise<T>): Promise<T> {
    const generation = this.generation;
    let faults = 0;
    const closed = (cause?: unknown) =>
      new TriptyqueError('BROWSER_FAILED', 'the browser was closed while a page was still being rendered (the build was stopped)', { cause });
    for (;;) {
      options.signal?.throwIfAborted();
      if (generation !== this.generation) throw closed();
      const launching = this.browser();
      const browser = await launching;
      try {
        return await this.attempt(browser, options, work);
      } catch (error) {
        if (generation !== this.generation && !options.signal?.aborted) throw closed(error);
        const fault = faultOf(error, browser);
        if (!fault || options.signal?.aborted) throw error;
        // Another page's fault retired this browser under us: that is not our retry.
        if (!this.retired.has(browser)) faults += 1;
        await this.retire(launching, browser);
        if (faults >= 2) {
          throw new TriptyqueError('BROWSER_FAILED', `Chromium failed twice on the same page (${fault}); the page was not rendered. Close other heavy programs and build again.`, { cause: error });
        }
      }
    }
  }

  private async attempt<T>(browser: Browser, options: PageOptions, work: (page: Page) => Promise<T>): Promise<T> {
    const pool = options.kind === undefined ? undefined : this.pool(options.kind, browser);
    const idle = pool?.filter((kept) => !kept.busy) ?? [];
    /** The kept page this work holds: a free one of its kind, else the page it opens when it is to keep it. */
    let held = idle.find((kept) => kept.affinity === options.affinity) ?? idle[0];
    let page: Page | undefined;
    let faulted = false;
    try {
      if (held) {
        page = held.page;
        held.current.options = options;
        held.busy = true;
        held.affinity = options.affinity;
      } else {
        const opened = await this.openPage(browser);
        const { current } = opened;
        current.options = options;
        page = opened.page;
        if (options.viewport) await page.setViewport(options.viewport);
        if (pool && options.keep) {
          held = { page, browser, current, busy: true, affinity: options.affinity };
          pool.push(held);
        }
      }
      const opened = page;
      return await watchdog(work(opened), browser, this.pageTimeoutMs, options.signal);
    } catch (error) {
      faulted = true;
      throw error;
    } finally {
      if (held && !faulted && options.keep) held.busy = false;
      else {
        // Out of its kind's pool, unless something dropped it already (a closed page, the service closed).
        const at = held && pool ? pool.indexOf(held) : -1;
        if (at >= 0) pool!.splice(at, 1);
        // A hung or dead page is not worth a graceful close: its browser is about to be retired.
        if (page && (!faulted || browser.connected)) await page.close().catch(() => undefined);
      }
    }
  }

  /** The kept pages of `kind` on `browser` (one list, which works of the kind share); pages of a browser since retired, or closed, are dropped. */
  private pool(kind: string, browser: Browser): KeptPage[] {
    let pool = this.kept.get(kind);
    if (!pool) this.kept.set(kind, (pool = []));
    for (let index = pool.length - 1; index >= 0; index--) {
      if (pool[index]!.browser !== browser || pool[index]!.page.isClosed()) pool.splice(index, 1);
    }
    return pool;
  }

  /** Stops using `browser`; the next page launches a fresh one. */
  private async retire(launching: Promise<Browser>, browser: Browser): Promise<void> {
    this.retired.add(browser);
    if (this.launching === launching) this.launching = undefined;
    await shutDown(browser);
  }

  /** Closes the kept pages no work holds: no more work of their kinds is coming. */
  async releasePages(): Promise<void> {
    const idle: KeptPage[] = [];
    // In place: a work under way still holds its kind's list.
    for (const pool of this.kept.values()) {
      for (let index = pool.length - 1; index >= 0; index--) if (!pool[index]!.busy) idle.push(...pool.splice(index, 1));
    }
    await Promise.all(idle.map((kept) => kept.page.close().catch(() => undefined)));
  }

  async close(): Promise<void> {
    this.generation += 1;
    this.kept.clear();
    this.spares = [];
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    const browser = await launching.catch(() => undefined);
    if (browser) await shutDown(browser);
  }
}

/**
 * The work's result, unless the browser disconnects, the work outlives `timeoutMs`, or the
 * build is interrupted first.
 */
function watchdog<T>(work: Promise<T>, browser: Browser, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  // Work abandoned to the watchdog may still reject later: nobody is waiting for it any more.
  work.catch(() => undefined);
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => finish(() => reject(new BrowserFault(`a page did not finish within ${Math.round(timeoutMs / 1000)} s`))), timeoutMs);
    const disconnected = () => finish(() => reject(new BrowserFault('the browser crashed or was closed')));
    const aborted = () => finish(() => reject(signal?.reason));
    function finish(settle: () => void): void {
      clearTimeout(timer);
      browser.off('disconnected', disconnected);
      signal?.removeEventListener('abort', aborted);
      settle();
    }
    browser.on('disconnected', disconnected);
    signal?.addEventListener('abort', aborted, { once: true });
    work.then(
      (value) => finish(() => resolvePromise(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Why the browser, not the work, failed; undefined for the work's own errors. */
function faultOf(error: unknown, browser: Browser): string | undefined {
  if (error instanceof BrowserFault) return error.message;
  if (!browser.connected) return 'the browser crashed or was closed';
  if (error instanceof ProtocolError || error instanceof TimeoutError) return firstLine(error);
  return undefined;
}

/**
 * A puppeteer error that escaped a page (a protocol timeout, a closed target) as BROWSER_FAILED,
 * so it reads as a browser problem rather than a bug; anything else unchanged.
 */
export function asBrowserFailure(error: unknown): unknown {
  if (error instanceof ProtocolError || error instanceof TimeoutError) {
    return new TriptyqueError('BROWSER_FAILED', `the browser did not answer: ${firstLine(error)}`, { cause: error });
  }
  return error;
}

/** Closes gracefully if it can, then kills Chromium's whole process group so no helper survives. */
async function shutDown(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolvePromise) => (timer = setTimeout(resolvePromise, CLOSE_GRACE_MS)));
  await Promise.race([browser.close().catch(() => undefined), grace]);
  clearTimeout(timer);
  // Chromium leads its own process group (puppeteer launches it detached): renderers and
  // zygotes of a crashed browser are still in it.
  if (child?.pid) killPid(-child.pid);
  if (child?.pid && child.exitCode === null && child.signalCode === null) killPid(child.pid);
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone: what we wanted.
  }
}

function firstLine(error: unknown): string {
  return ((error as Error)?.message ?? String(error)).split('\n')[0]!;
}

/** Blocks every request outside the allowed folders of the page's current work (a kept page changes work). */
async function sandbox(page: Page, current: { options: PageOptions }): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const { options } = current;
    const roots = options.allowedRoots.map((root) => resolve(root));
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
  // Symlinks followed on both sides: a link inside an allowed folder must not lead out of it.
  return roots.some((root) => isInsideReally(path, root));
}
