import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { watch as watchFiles } from 'chokidar';
import { VFile } from 'vfile';
import { BrowserService } from '../browser/browser-service';
import { SOURCE_EXTENSION } from '../model/slug';
import type { TargetName } from '../model/types';
import { BUILT_IN_THEMES_DIR } from '../paths';
import { build, type BuildOptions, type BuildResult } from './build';
import { CONFIG_FILE } from '../config/load';

export interface WatchOptions {
  root: string;
  /** The configuration file, when it is not the one in `root`. */
  config?: string;
  /** Sources to build; none means every `content/*.md`, including ones added while watching. */
  sources: readonly string[];
  outDir: string;
  only?: readonly TargetName[];
  /** After each build (the first, then each rebuild); awaited before the next build starts. */
  onBuild: (result: BuildResult, info: WatchedBuild) => void | Promise<void>;
  /** As soon as a change is seen, before its build starts (to show "rebuilding..."). */
  onChange?: (changed: readonly string[]) => void;
  onProgress?: BuildOptions['onProgress'];
  /** Aborting stops watching, interrupts a build in progress and closes the browser. */
  signal: AbortSignal;
  /** A browser to reuse; by default one is launched and kept warm for every rebuild. */
  browser?: BrowserService;
  /** `deck`: every source is read as a Marp deck (`--as deck`). */
  as?: BuildOptions['as'];
  /** Quiet time after the last change before rebuilding: editors write a file in bursts of a few ms (50 ms by default). */
  debounceMs?: number;
}

export interface WatchedBuild {
  /** The files whose change caused this build; empty for the first build. */
  changed: string[];
  /** The sources built (empty: every source). */
  sources: readonly string[];
  browser: BrowserService;
}

/**
 * Builds once, then rebuilds on every change until `signal` aborts: the changed source alone,
 * or everything when the configuration or a theme changes. A source with errors reports them and
 * the watcher waits for the next change; it never stops on a build's failure.
 */
export async function watch(options: WatchOptions): Promise<void> {
  if (options.signal.aborted) return;
  const root = resolve(options.root);
  const explicit = options.sources.map((source) => resolve(root, source));
  const contentDir = join(root, 'content');
  const configFile = options.config === undefined ? join(root, CONFIG_FILE) : resolve(options.config);
  const themeDirs = [...new Set([BUILT_IN_THEMES_DIR, join(root, 'themes')])].filter((dir) => existsSync(dir));
  const outDir = resolve(root, options.outDir);
  const inside = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
  // Folders, not files: a file deleted and written again (editors that save by replacing, `git
  // checkout`) is a new file the folder's watch sees, where a watch on the file itself ends.
  const sourceDirs = [...new Set(explicit.length > 0 ? explicit.map((path) => dirname(path)) : [contentDir])];
  const watchedDirs = new Set([root, dirname(configFile), ...sourceDirs]);
  const ignored = (path: string) => {
    const absolute = resolve(path);
    if (/^\.|~$|\.swp$/.test(basename(absolute)) && !watchedDirs.has(absolute)) return true;
    // The build's own output is never a change to build again, even inside a watched folder.
    if (inside(absolute, outDir)) return true;
    if (watchedDirs.has(absolute) || absolute === configFile || themeDirs.some((dir) => inside(absolute, dir))) return false;
    return !sourceDirs.includes(dirname(absolute));
  };

  const browser = options.browser ?? new BrowserService();
  const watcher = watchFiles([...watchedDirs, ...themeDirs], { ignoreInitial: true, ignored });
  /** Changes seen, then (once the files have been quiet for `debounceMs`) changes due for a build. */
  const pending = new Set<string>();
  const due = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const path of pending) due.add(path);
      pending.clear();
      wake?.();
    }, options.debounceMs ?? 50);
  };
  /** Resolves when changes fall due or the signal aborts. */
  const nextChange = () =>
    new Promise<void>((resume) => {
      const stop = () => resume();
      options.signal.addEventListener('abort', stop, { once: true });
      wake = () => {
        options.signal.removeEventListener('abort', stop);
        resume();
      };
    });

  const isEverything = (path: string) => path === configFile || themeDirs.some((dir) => path.startsWith(dir));
  const isSource = (path: string) => (explicit.length > 0 ? explicit.includes(path) : dirname(path) === contentDir && SOURCE_EXTENSION.test(path));

  const schedule = (path: string) => {
    const absolute = resolve(path);
    if (!isEverything(absolute) && !isSource(absolute)) return;
    pending.add(absolute);
    later();
  };
  watcher.on('all', (event, path) => {
    if (event === 'add' || event === 'change' || event === 'unlink') schedule(path);
  });

  const runBuild = async (changed: string[]) => {
    // In content/ mode a deleted file is simply gone; a named source that vanished reports it.
    const sources = changed.length === 0 || changed.some(isEverything) ? explicit : changed.filter((path) => explicit.length > 0 || existsSync(path));
    if (changed.length > 0 && sources.length === 0 && explicit.length === 0) return;
    if (changed.length > 0) options.onChange?.(changed);
    await restartIfCrashed(browser);
    let result: BuildResult;
    try {
      result = await build({ sources, root, config: options.config, outDir: options.outDir, only: options.only, as: options.as, browser, htmlFirst: true, keepPages: true, signal: options.signal, onProgress: options.onProgress });
    } catch (error) {
      if (options.signal.aborted) return;
      result = failedBuild(error);
    }
    if (options.signal.aborted) return;
    try {
      await options.onBuild(result, { changed, sources, browser });
    } catch (error) {
      // The watcher outlives a broken listener too: say so and keep going.
      options.onProgress?.({ slug: '', message: `after the build: ${(error as Error).message}` });
    }
  };

  try {
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
    let changed: string[] = [];
    while (!options.signal.aborted) {
      await runBuild(changed);
      // Changes that fell due during the build are built next, without waiting again.
      while (due.size === 0 && !options.signal.aborted) await nextChange();
      changed = [...due];
      due.clear();
    }
  } finally {
    clearTimeout(timer);
    await watcher.close();
    if (!options.browser) await browser.close();
  }
}

/** A Chromium that crashed stays dead: close it so the next build launches a fresh one. */
async function restartIfCrashed(browser: BrowserService): Promise<void> {
  const launched = browser.executablePath ? await browser.browser().catch(() => undefined) : undefined;
  if (launched && !launched.connected) await browser.close();
}

function failedBuild(error: unknown): BuildResult {
  const file = new VFile({ path: 'build' });
  const message = file.message(`the build failed: ${(error as Error).message ?? String(error)}`, { ruleId: 'build-failed', source: 'triptyque' });
  message.fatal = true;
  return { files: [file], reports: [], ok: false };
}
