// Installing Triptyque must run nothing that phones home: every package of the dependency tree
// with an install script is listed here with the reason it is acceptable, and a new one fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const LIFECYCLE = ['preinstall', 'install', 'postinstall'] as const;

/** Package name -> why its install script may run. Only development dependencies: a user's install runs none. */
const ALLOWED: Record<string, string> = {
  esbuild: 'development only (bundles the CLI in a clone and at packing): its postinstall checks that the platform binary from its optional dependency is there; nothing is sent',
  puppeteer: "development only (pagedjs-cli's, for `npm run bench`): its postinstall downloads a Chrome, which npm here does not run; builds use puppeteer-core and the system's browser",
  'core-js': 'development only (through pagedjs-cli): its postinstall prints a funding banner; nothing is sent',
  'es5-ext': 'development only (through pagedjs-cli): its postinstall prints a banner; nothing is sent',
};

interface LockEntry {
  dev?: boolean;
  hasInstallScript?: boolean;
}

function lockedPackages(): [string, LockEntry][] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  return Object.entries(lock.packages).filter(([path]) => path !== '');
}

const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Whether the installed package.json has an install script (or a binding.gyp, which npm builds). */
function hasInstallScript(path: string): boolean {
  const manifest = join(ROOT, path, 'package.json');
  if (!existsSync(manifest)) return false;
  const scripts = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  return LIFECYCLE.some((name) => scripts[name] !== undefined) || existsSync(join(ROOT, path, 'binding.gyp'));
}

describe('install scripts in the dependency tree', () => {
  const withScripts = lockedPackages().filter(([path, entry]) => entry.hasInstallScript === true || hasInstallScript(path));

  it('are only the allow-listed ones, each with its reason', () => {
    const unexplained = withScripts.map(([path]) => nameOf(path)).filter((name) => !(name in ALLOWED));
    expect(unexplained, 'a dependency with an install script: find one without, or add it to ALLOWED with why it sends nothing').toEqual([]);
  });

  it('are none in what a user installs (the production dependencies)', () => {
    expect(withScripts.filter(([, entry]) => entry.dev !== true).map(([path]) => nameOf(path))).toEqual([]);
  });

  it('include no IBM Plex package from @ibm (its postinstall reports the project to IBM): the fonts come from fontsource', () => {
    expect(lockedPackages().map(([path]) => nameOf(path)).filter((name) => name.startsWith('@ibm/'))).toEqual([]);
  });
});
