import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONT_MATTER, tempDir, writeSource } from '../test/helpers';

const BIN = join(import.meta.dirname, '..', 'bin', 'triptyque.mjs');

function triptyque(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? tempDir(),
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const NO_STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe('triptyque on the command line', () => {
  it('prints help for the tool and for each command', () => {
    expect(triptyque(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Commands:') });
    expect(triptyque(['build', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--only LIST') });
    expect(triptyque(['check', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Exit codes') });
    for (const command of ['build', 'check', 'preview']) expect(triptyque([command, '--help']).stdout).toContain('--as deck');
  });

  it('exits 2 on bad usage, with one line that says what is wrong', () => {
    const unknown = triptyque(['publish']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "publish"');
    const badOption = triptyque(['build', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
    const badReading = triptyque(['check', '--as', 'slides']);
    expect(badReading.code).toBe(2);
    expect(badReading.stderr).toContain('--as takes deck; got "slides"');
    const badTarget = triptyque(['build', '--only', 'slides']);
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('--only takes a comma-separated list of deck, brochure, digest');
    for (const command of ['build', 'check']) {
      const empty = triptyque([command, '']);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('a SOURCE argument is empty');
      expect(empty.stderr).not.toContain('internal error');
    }
  });

  it('check exits 1 on a bad source and prints file, line, column and rule like a compiler', () => {
    const source = writeSource('---\ntitle: [a, b]\n---\n\n# Un\n\nTexte.\n', 'mauvais-titre.md');
    const result = triptyque(['check', source]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mauvais-titre.md');
    expect(result.stderr).toMatch(/2:8\s+error\s+`title`.*front-matter-invalid/);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('check exits 0 on a clean source, warnings allowed', () => {
    const source = writeSource(`${FRONT_MATTER}# Un\n\nTexte.\n\n# Deux\n\n**Un faux titre**\n\nSuite.\n`);
    const result = triptyque(['check', source]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning.*emphasis-as-heading/);
  });

  it('a build of a bad source fails, writes a report saying why, and keeps earlier artifacts', () => {
    const cwd = tempDir();
    const out = join(cwd, 'out');
    const source = join(cwd, 'essai.md');
    writeFileSync(source, '---\ntitle: 42\n---\n\n# Un\n\nTexte.\n');
    const earlier = join(out, 'essai', 'brochure.pdf');
    triptyque(['build', source, '--out', out, '--only', 'digest'], { cwd });
    writeFileSync(earlier, 'earlier build');
    const result = triptyque(['build', source, '--out', out], { cwd });
    expect(result.code).toBe(1);
    expect(readFileSync(earlier, 'utf8')).toBe('earlier build');
    const report = JSON.parse(readFileSync(join(out, 'essai', 'report.json'), 'utf8'));
    expect(report.ok).toBe(false);
    expect(report.diagnostics.find((d: { severity: string }) => d.severity === 'error')).toMatchObject({ line: 2, column: 8, severity: 'error', ruleId: 'front-matter-invalid' });
  });

  it('ends a build with a summary: each target, its time and each artifact with its size', () => {
    const cwd = tempDir();
    const source = writeSource(`${FRONT_MATTER}# Un\n\nTexte.\n`);
    const result = triptyque(['build', source, '--out', join(cwd, 'out'), '--only', 'digest', '--no-gallery'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ essai in \d+\.\d s -> /m);
    expect(result.stdout).toMatch(/^ {2}digest {3}\d+\.\d s {2}digest\.html [\d.]+ k?B, digest\.txt [\d.]+ k?B, digest\.eml [\d.]+ k?B$/m);
    expect(result.stderr).toContain('essai digest: rendering');
  });

  it('says in one sentence how to get a browser when the configured one is missing', () => {
    const source = writeSource(`${FRONT_MATTER}# Un\n\nTexte.\n`);
    const cwd = tempDir();
    const result = triptyque(['build', source, '--out', join(cwd, 'out'), '--only', 'brochure'], { cwd, env: { CHROME_PATH: '/nonexistent/chrome' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHROME_PATH points to /nonexistent/chrome, which does not exist');
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(existsSync(join(cwd, 'out', 'essai', 'brochure.pdf'))).toBe(false);
  });
});

describe('colours', () => {
  it('are for a terminal only, off with NO_COLOR, on with FORCE_COLOR', async () => {
    const { useColor } = await import('./cli');
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
  });
});

describe('triptyque init', () => {
  it('starts a project in the language asked, that checks clean, and never overwrites one', () => {
    const dir = tempDir();
    const created = triptyque(['init', 'site', '--lang', 'fr'], { cwd: dir });
    expect(created.code).toBe(0);
    const config = readFileSync(join(dir, 'site', 'triptyque.config.yaml'), 'utf8');
    expect(config.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+triptyque\.config\.schema\.json$/);
    expect(config).toContain('lang: fr');
    expect(readFileSync(join(dir, 'site', 'content', 'premiere-publication.md'), 'utf8')).toContain('lang: fr');
    expect(readFileSync(join(dir, 'site', '.gitignore'), 'utf8')).toBe('output/\n');
    expect(existsSync(join(dir, 'site', 'themes', 'README.md'))).toBe(true);
    // From a folder inside the project, the configuration above is found; from outside, named with --config.
    expect(triptyque(['check'], { cwd: join(dir, 'site', 'content') })).toMatchObject({ code: 0, stderr: '' });
    expect(triptyque(['check', '--config', join('site', 'triptyque.config.yaml')], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });

    writeFileSync(join(dir, 'site', 'content', 'premiere-publication.md'), 'mine\n');
    const again = triptyque(['init', 'site'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nothing was written');
    expect(readFileSync(join(dir, 'site', 'content', 'premiere-publication.md'), 'utf8')).toBe('mine\n');
  });
});
