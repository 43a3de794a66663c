import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliBundle } from '../bin/bundle.mjs';
import { tempDir } from './helpers';

/** A project of two files: the CLI and a module that finds a file beside itself. */
function project(answer: string): string {
  const root = tempDir('triptyque-bundle-');
  mkdirSync(join(root, 'scripts', 'lib'), { recursive: true });
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'package-lock.json'), '{}');
  writeFileSync(join(root, 'bin', 'bundle.mjs'), '');
  writeFileSync(join(root, 'scripts', 'lib', 'where.ts'), `export const here: string = new URL('./beside.txt', import.meta.url).href;\n`);
  writeFileSync(join(root, 'scripts', 'cli.ts'), `export { here } from './lib/where';\nexport const answer: string = '${answer}';\nexport const later = () => import('./lib/later');\n`);
  writeFileSync(join(root, 'scripts', 'lib', 'later.ts'), `export const loaded = true;\n`);
  return root;
}

describe('the CLI, bundled from its TypeScript', () => {
  it('runs with each file finding what lies beside it, as if it were not bundled', async () => {
    const root = project('one');
    const cli = await import(pathToFileURL(await cliBundle(root)).href);
    expect(cli.answer).toBe('one');
    expect(cli.here).toBe(pathToFileURL(join(root, 'scripts', 'lib', 'beside.txt')).href);
    expect((await cli.later()).loaded).toBe(true);
  });

  it('is bundled again when a source changes, and reused while none does', async () => {
    const root = project('one');
    const first = await cliBundle(root);
    expect(await cliBundle(root)).toBe(first);
    writeFileSync(join(root, 'scripts', 'cli.ts'), `export const answer: string = 'two';\n`);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'scripts', 'cli.ts'), later, later);
    const second = await cliBundle(root);
    expect(second).not.toBe(first);
    expect((await import(pathToFileURL(second).href)).answer).toBe('two');
  });

  it('gives one bundle to processes that start together', async () => {
    const root = project('three');
    const entries = await Promise.all([cliBundle(root), cliBundle(root), cliBundle(root)]);
    expect(new Set(entries).size).toBe(1);
    expect((await import(pathToFileURL(entries[0]!).href)).answer).toBe('three');
  });
});
