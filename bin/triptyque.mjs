#!/usr/bin/env node
// Entry point. Installed from npm, it runs the CLI bundled when the package was made (dist/).
// In a clone of the repository (a lock file beside package.json: npm never packs one), it first
// installs the dependencies, once and under a lock, then runs a bundle of the TypeScript as it is now.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isClone = existsSync(join(root, 'package-lock.json')) && existsSync(join(root, 'scripts', 'cli.ts'));

function dependenciesMissing() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  // A lock file newer than the install means someone pulled new dependencies.
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs + 1000;
}

const INSTALL_LOCK = join(root, '.triptyque-install.lock');

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Two commands started at once on a fresh clone must not both run `npm ci` into one
 * node_modules: the first takes the lock (a folder, made atomically) and installs; the others
 * wait for it, then find the dependencies there. A lock left by a process that died is taken over.
 */
function installUnderLock() {
  for (;;) {
    try {
      mkdirSync(INSTALL_LOCK);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(join(INSTALL_LOCK, 'pid'), { encoding: 'utf8', flag: 'a+' }));
      if (holder && !isAlive(holder)) rmSync(INSTALL_LOCK, { recursive: true, force: true });
      else sleep(200);
      continue;
    }
    try {
      writeFileSync(join(INSTALL_LOCK, 'pid'), String(process.pid));
      // Another command may have installed while this one waited.
      if (!dependenciesMissing()) return;
      process.stderr.write('triptyque: installing dependencies (npm ci)...\n');
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
      if (result.status !== 0) {
        process.stderr.write('triptyque: `npm ci` failed; fix the error above and run the command again.\n');
        process.exit(1);
      }
      return;
    } finally {
      rmSync(INSTALL_LOCK, { recursive: true, force: true });
    }
  }
}

let entry;
if (isClone) {
  if (dependenciesMissing()) installUnderLock();
  const { cliBundle } = await import('./bundle.mjs');
  entry = await cliBundle(root);
} else {
  entry = join(root, 'dist', 'cli.mjs');
}
// Stack traces of the TypeScript sources, for a person chasing a bug.
if (process.env.TRIPTYQUE_DEBUG) process.setSourceMapsEnabled(true);
const { main, stopAtOnce } = await import(pathToFileURL(entry).href);
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
