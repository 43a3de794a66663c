#!/usr/bin/env node
// Entry point: installs the dependencies on a fresh clone, then runs the CLI, bundled from its TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function dependenciesMissing() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  // A lock file newer than the install means someone pulled new dependencies.
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs + 1000;
}

if (dependenciesMissing()) {
  process.stderr.write('triptyque: installing dependencies (npm ci)...\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('triptyque: `npm ci` failed; fix the error above and run the command again.\n');
    process.exit(1);
  }
}

const { cliBundle } = await import('./bundle.mjs');
// Stack traces of the TypeScript sources, for a person chasing a bug.
if (process.env.TRIPTYQUE_DEBUG) process.setSourceMapsEnabled(true);
const { main, stopAtOnce } = await import(pathToFileURL(await cliBundle(root)).href);
const controller = new AbortController();
// The first signal lets the work unwind (locks released, Chromium closed); a second one, or work
// still running after the grace time (a read the system never returns), ends the process at once.
const GRACE_MS = 15_000;
const stop = () => {
  if (controller.signal.aborted) stopAtOnce();
  controller.abort();
  setTimeout(stopAtOnce, GRACE_MS).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), signal: controller.signal });
