// A fresh clone installs its own dependencies on the first command, once, even when two commands
// start together; an installed package (no lock file beside package.json) never does.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const BIN_DIR = join(import.meta.dirname, '..', 'bin');
const ESBUILD = dirname(createRequire(import.meta.url).resolve('esbuild/package.json'));

/**
 * A clone of two files' worth of CLI, and an `npm` on the PATH that logs each call, takes a
 * while, and installs what the bundler needs (esbuild, linked from this repository's).
 */
function freshClone(options: { lockFile: boolean }): { root: string; log: string; path: string } {
  const root = tempDir('triptyque-clone-');
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(BIN_DIR, 'triptyque.mjs'), join(root, 'bin', 'triptyque.mjs'));
  copyFileSync(join(BIN_DIR, 'bundle.mjs'), join(root, 'bin', 'bundle.mjs'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  if (options.lockFile) writeFileSync(join(root, 'package-lock.json'), '{}\n');
  writeFileSync(join(root, 'scripts', 'cli.ts'), "export async function main(argv: string[]): Promise<number> {\n  console.log(`ran ${argv.join(' ')}`);\n  return 0;\n}\n");
  const fakeBin = tempDir('triptyque-npm-');
  const log = join(fakeBin, 'calls.log');
  writeFileSync(
    join(fakeBin, 'npm'),
    `#!/bin/sh\necho "$*" >> '${log}'\nsleep 1\nmkdir -p node_modules\nln -sfn '${ESBUILD}' node_modules/esbuild\necho '{}' > node_modules/.package-lock.json\n`,
  );
  chmodSync(join(fakeBin, 'npm'), 0o755);
  return { root, log, path: `${fakeBin}:${process.env['PATH']}` };
}

function start(root: string, path: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'triptyque.mjs'), ...args], { cwd: root, env: { ...process.env, PATH: path } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the self-install of a clone', () => {
  it('runs npm ci once when two commands start together on a fresh clone, and both then run', async () => {
    const { root, log, path } = freshClone({ lockFile: true });
    const [first, second] = await Promise.all([start(root, path, ['one']), start(root, path, ['two'])]);
    expect(first, first.stderr).toMatchObject({ code: 0, stdout: 'ran one\n' });
    expect(second, second.stderr).toMatchObject({ code: 0, stdout: 'ran two\n' });
    expect(readFileSync(log, 'utf8')).toBe('ci --no-audit --no-fund --loglevel=error\n');
    expect(existsSync(join(root, '.triptyque-install.lock'))).toBe(false);
  });

  it('never runs npm in an installed package, which runs its prebuilt dist/', async () => {
    const { root, log, path } = freshClone({ lockFile: false });
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'cli.mjs'), "export async function main(argv) { console.log(`dist ${argv.join(' ')}`); return 0; }\n");
    const result = await start(root, path, ['three']);
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: 'dist three\n' });
    expect(existsSync(log)).toBe(false);
  });
});
