import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Browser as InstalledBrowser, computeExecutablePath, detectBrowserPlatform, getInstalledBrowsers } from '@puppeteer/browsers';
import { TriptyqueError } from '../errors';

/**
 * Chromium's headless shell (Debian's `chromium-headless-shell`) comes first: the same Blink and
 * the same PDFs, pixel for pixel, without the browser's UI stack, so it starts in half the time
 * and half the CPU (0.5 s against 1.1 s here), which a two-core build pays once per run. Its
 * binary, not `/usr/bin/chromium-headless-shell`: that script runs it without `exec`, so a signal
 * to the process puppeteer started would not reach Chromium.
 */
const SYSTEM_BROWSERS: Record<string, string[]> = {
  linux: ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    join(process.env['PROGRAMFILES'] ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft\\Edge\\Application\\msedge.exe'),
  ],
};

export interface FoundBrowser {
  executablePath: string;
  /** Where it came from, for the report. */
  source: 'env' | 'system' | 'downloaded';
  /** A headless shell takes puppeteer's `headless: 'shell'`; a full Chrome or Chromium its new headless mode. */
  headlessShell: boolean;
}

/** chrome-headless-shell (Chrome for Testing) and chromium-headless-shell (Debian) by their file name. */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(executablePath);
}

function found(executablePath: string, source: FoundBrowser['source']): FoundBrowser {
  return { executablePath, source, headlessShell: isHeadlessShell(executablePath) };
}

/**
 * The one place that knows where browsers live: CHROME_PATH / PUPPETEER_EXECUTABLE_PATH first,
 * then a system headless shell, Chrome or Chromium, then one downloaded by
 * `npx @puppeteer/browsers install chrome-headless-shell` (or `chrome`).
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  systemPaths: readonly string[] = SYSTEM_BROWSERS[process.platform] ?? [],
): Promise<FoundBrowser> {
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    const path = env[name];
    if (!path) continue;
    if (existsSync(path)) return found(path, 'env');
    throw new TriptyqueError('BROWSER_NOT_FOUND', `${name} points to ${path}, which does not exist. Fix the variable or unset it.`);
  }
  for (const path of systemPaths) if (existsSync(path)) return found(path, 'system');
  const downloaded = await findDownloaded(env);
  if (downloaded) return found(downloaded, 'downloaded');
  throw new TriptyqueError(
    'BROWSER_NOT_FOUND',
    'No Chrome or Chromium found: on Debian run `sudo apt-get install chromium-headless-shell` (or `chromium`), elsewhere install Google Chrome or run `npx @puppeteer/browsers install chrome@stable`, or set CHROME_PATH to a Chrome executable.',
  );
}

async function findDownloaded(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const platform = detectBrowserPlatform();
  if (!platform) return undefined;
  for (const cacheDir of [env['PUPPETEER_CACHE_DIR'], join(homedir(), '.cache', 'puppeteer'), process.cwd()]) {
    if (!cacheDir || !existsSync(cacheDir)) continue;
    const installed = await getInstalledBrowsers({ cacheDir }).catch(() => []);
    for (const kind of [InstalledBrowser.CHROMEHEADLESSSHELL, InstalledBrowser.CHROME, InstalledBrowser.CHROMIUM]) {
      const chrome = installed.find((browser) => browser.browser === kind);
      if (!chrome) continue;
      const path = computeExecutablePath({ cacheDir, browser: chrome.browser, buildId: chrome.buildId, platform });
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}
