import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { findBrowser, isHeadlessShell } from './find-browser';
import { isAllowed } from './browser-service';

describe('finding a browser', () => {
  it('prefers CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH', async () => {
    expect(await findBrowser({ CHROME_PATH: process.execPath }, [])).toEqual({ executablePath: process.execPath, source: 'env', headlessShell: false });
    expect(await findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath }, [])).toEqual({ executablePath: process.execPath, source: 'env', headlessShell: false });
  });

  it('falls back to a system browser', async () => {
    expect(await findBrowser({}, ['/nonexistent/chromium', process.execPath])).toEqual({ executablePath: process.execPath, source: 'system', headlessShell: false });
  });

  it('knows a headless shell by its name, to launch it in its own mode', () => {
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/home/me/.cache/puppeteer/chrome-headless-shell/linux-131/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('C:\\cft\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/opt/headless-shell-tools/chrome')).toBe(false);
  });

  it('without any browser, says how to install one on Debian and elsewhere', async () => {
    const empty = tempDir();
    const previous = process.cwd();
    process.chdir(empty);
    try {
      await expect(findBrowser({ PUPPETEER_CACHE_DIR: empty, HOME: empty }, [])).rejects.toThrow(/apt-get install chromium.*@puppeteer\/browsers install chrome/);
    } finally {
      process.chdir(previous);
    }
  });
});

describe('the page sandbox', () => {
  it('lets a page read its allowed folders and nothing else', () => {
    expect(isAllowed('file:///work/content/logo.png', ['/work/content'])).toBe(true);
    expect(isAllowed('file:///work/content/../secret.txt', ['/work/content'])).toBe(false);
    expect(isAllowed('file:///etc/passwd', ['/work/content'])).toBe(false);
    expect(isAllowed('https://cdn.example.org/font.woff2', ['/work/content'])).toBe(false);
    expect(isAllowed('data:image/png;base64,AAAA', [])).toBe(true);
  });
});
