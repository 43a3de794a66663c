import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Browser as InstalledBrowser, computeExecutablePath, detectBrowserPlatform, getInstalledBrowsers } from '@puppeteer/browsers';
import { TriptyqueError } from '../errors';

const SYSTEM_BROWSERS: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'],
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
}

/**
 * The one place that knows where browsers live: CHROME_PATH / PUPPETEER_EXECUTABLE_PATH first,
 * then a system Chrome or Chromium, then one downloaded by `npx @puppeteer/browsers install chrome`.
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  systemPaths: readonly string[] = SYSTEM_BROWSERS[process.platform] ?? [],
): Promise<FoundBrowser> {
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    const path = env[name];
    if (!path) continue;
    if (existsSync(path)) return { executablePath: path, source: 'env' };
    throw new TriptyqueError('BROWSER_NOT_FOUND', `${name} points to ${path}, which does not exist. Fix the variable or unset it.`);
  }
  for (const path of systemPaths) if (existsSync(path)) return { executablePath: path, source: 'system' };
  const downloaded = await findDownloaded(env);
  if (downloaded) return { executablePath: downloaded, source: 'downloaded' };
  throw new TriptyqueError(
    'BROWSER_NOT_FOUND',
    'No Chrome or Chromium found: on Debian or Ubuntu run `sudo apt-get install chromium`, elsewhere install Google Chrome or run `npx @puppeteer/browsers install chrome@stable`, or set CHROME_PATH to a Chrome executable.',
  );
}

async function findDownloaded(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const platform = detectBrowserPlatform();
  if (!platform) return undefined;
  for (const cacheDir of [env['PUPPETEER_CACHE_DIR'], join(homedir(), '.cache', 'puppeteer'), process.cwd()]) {
    if (!cacheDir || !existsSync(cacheDir)) continue;
    const installed = await getInstalledBrowsers({ cacheDir }).catch(() => []);
    const chrome = installed.find((browser) => browser.browser === InstalledBrowser.CHROME || browser.browser === InstalledBrowser.CHROMIUM);
    if (chrome) {
      const path = computeExecutablePath({ cacheDir, browser: chrome.browser, buildId: chrome.buildId, platform });
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}
