import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BuildReport } from '../scripts/artifacts/report';
import { BrowserService } from '../scripts/browser/browser-service';
import { build, type BuildResult } from '../scripts/core/build';
import { watch, type WatchedBuild } from '../scripts/core/watch';
import { sourceSlug } from '../scripts/model/slug';
import { readTheme } from '../scripts/theme/load-theme';
import { FRONT_MATTER, REAL_SOURCE, tempDir } from './helpers';
import { BIN, runCli } from './run-cli';

const browser = new BrowserService();
afterAll(() => browser.close());

const reportOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BuildReport;

describe('a build never writes over a source or a file it did not write (#27.4)', () => {
  it('an output folder that is or contains a source folder is refused in one sentence, and the source is left as it was', async () => {
    const dir = tempDir('triptyque-over-source-');
    mkdirSync(join(dir, 'deck'));
    const source = join(dir, 'deck', 'deck.md');
    const text = `${FRONT_MATTER}# Mon exposé\n\nLe texte de l’auteur.\n`;
    writeFileSync(source, text);
    for (const out of ['.', 'deck']) {
      const run = await runCli(['build', 'deck/deck.md', '--out', out, '--only', 'digest'], dir);
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toMatch(/the output folder .* is, or contains, the source folder .*deck: artifacts would be written over the sources; give --out a folder outside it/);
      expect(readFileSync(source, 'utf8')).toBe(text);
    }
  }, 180_000);

  it('a folder of the output that holds files no build wrote is left alone: the source goes to the next free folder, with a note', async () => {
    const dir = tempDir('triptyque-not-ours-');
    const source = join(dir, 'essai.md');
    writeFileSync(source, `${FRONT_MATTER}# Un\n\nTexte.\n`);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'essai'), { recursive: true });
    writeFileSync(join(out, 'essai', 'digest.html'), 'mon propre fichier');
    writeFileSync(join(out, 'index.html'), '<title>Mon site</title>');
    const run = await runCli(['build', 'essai.md', '--out', 'out', '--only', 'digest'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'essai', 'digest.html'), 'utf8')).toBe('mon propre fichier');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<title>Mon site</title>');
    expect(run.stderr).toMatch(/essai\/ in the output folder holds files no build wrote: this source is written to essai-2\/ .*slug-renamed/);
    expect(run.stderr).toMatch(/index\.html was not written by triptyque, so it was left as it is/);
    expect(reportOf(join(out, 'essai-2')).source).toBe('essai.md');
  }, 180_000);

  it('watch with its output inside content/ builds once, not its own output over and over', async () => {
    const root = tempDir('triptyque-watch-out-');
    mkdirSync(join(root, 'content'));
    const source = join(root, 'content', 'essai.md');
    writeFileSync(source, `${FRONT_MATTER}# Un\n\nTexte.\n`);
    const builds: WatchedBuild[] = [];
    const stop = new AbortController();
    let edited = false;
    let resolveEdit!: () => void;
    const editBuilt = new Promise<void>((resolve) => (resolveEdit = resolve));
    const watching = watch({
      root,
      sources: [],
      outDir: join(root, 'content', 'out'),
      only: ['deck'],
      browser,
      signal: stop.signal,
      onBuild: (_result: BuildResult, info) => {
        builds.push(info);
        if (builds.length === 1) {
          edited = true;
          writeFileSync(source, `${FRONT_MATTER}# Un\n\nTexte modifié.\n`);
        } else if (edited && info.changed.includes(source)) resolveEdit();
      },
    });
    await editBuilt;
    stop.abort();
    await watching;
    expect(builds.flatMap((info) => info.changed)).toEqual([source]);
    expect(readFileSync(join(root, 'content', 'out', 'essai', 'deck.md'), 'utf8')).toContain('Texte modifié.');
  }, 240_000);
});

describe('slugs keep every script, and one source never takes another’s folder (#27.5)', () => {
  it('file names in Cyrillic, Arabic or decomposed Latin keep their letters, in NFC', () => {
    expect(sourceSlug('/a/Отчёт за год.md')).toBe('Отчёт-за-год');
    expect(sourceSlug('/a/تقرير.md')).toBe('تقرير');
    expect(sourceSlug('/a/synthe\u0300se.md')).toBe('synth\u00e8se');
    expect(sourceSlug('/a/رپورٹ.md')).not.toBe(sourceSlug('/a/تقرير.md'));
  });

  it('two Russian-named sources built one after the other into one --out keep their own publications; a same-named source from elsewhere gets the next folder, with a note', async () => {
    const dir = tempDir('triptyque-scripts-');
    const out = join(dir, 'out');
    const write = (path: string, title: string) => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, `---\ntitle: ${title}\ndate: 2024-01-15\n---\n\n# ${title}\n\nТекст.\n`);
      return path;
    };
    const first = write(join(dir, 'доклад.md'), 'Первый');
    const second = write(join(dir, 'отчёт.md'), 'Второй');
    const other = write(join(dir, 'другой', 'доклад.md'), 'Третий');
    for (const source of [first, second, other]) expect((await build({ sources: [source], root: dir, outDir: out, only: ['digest'], browser })).ok).toBe(true);
    expect(reportOf(join(out, 'доклад')).source).toBe(first);
    expect(reportOf(join(out, 'отчёт')).source).toBe(second);
    const moved = reportOf(join(out, 'доклад-2'));
    expect(moved.source).toBe(other);
    expect(moved.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'slug-renamed', message: expect.stringContaining('holds the publication of another source: this source is written to доклад-2/') }));
    expect(readFileSync(join(out, 'доклад', 'digest.txt'), 'utf8')).toContain('ПЕРВЫЙ');
    // Built again, each source finds its own folder.
    expect((await build({ sources: [first], root: dir, outDir: out, only: ['digest'], browser })).reports[0]!.slug).toBe('доклад');
    expect((await build({ sources: [other], root: dir, outDir: out, only: ['digest'], browser })).reports[0]!.slug).toBe('доклад-2');
  }, 180_000);
});

describe('watch keeps watching a source that is deleted and written again (#27.8)', () => {
  it('a named source replaced (deleted, then re-created) is built again', async () => {
    const dir = tempDir('triptyque-replaced-');
    const source = join(dir, 'essai.md');
    writeFileSync(source, `${FRONT_MATTER}# Un\n\nAvant.\n`);
    const results: BuildResult[] = [];
    const stop = new AbortController();
    let resolveBack!: () => void;
    const back = new Promise<void>((resolve) => (resolveBack = resolve));
    const watching = watch({
      root: dir,
      sources: [source],
      outDir: join(dir, 'out'),
      only: ['digest'],
      browser,
      signal: stop.signal,
      onBuild: (result, info) => {
        results.push(result);
        if (info.changed.length === 0) {
          rmSync(source);
          // Long enough for the deletion to be seen apart from the new file, as an editor's save by replace or a checkout.
          setTimeout(() => writeFileSync(source, `${FRONT_MATTER}# Un\n\nAprès.\n`), 300);
        } else if (result.ok && readFileSync(join(dir, 'out', 'essai', 'digest.txt'), 'utf8').includes('Après.')) resolveBack();
      },
    });
    await back;
    stop.abort();
    await watching;
    expect(results.at(-1)!.ok).toBe(true);
  }, 180_000);
});

/** A named pipe nobody writes to: opening it to read blocks until a writer comes, for ever. */
function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('only regular files are read: a named pipe never hangs a build (#27.6)', () => {
  it('an image that is a named pipe is a located warning in check, a placeholder in the build, and the build ends', async () => {
    const dir = tempDir('triptyque-fifo-image-');
    writeFileSync(join(dir, 'essai.md'), `${FRONT_MATTER}# Un\n\nTexte.\n\n![Le tube](tube.png)\n`);
    fifo(join(dir, 'tube.png'));
    const check = await runCli(['check', 'essai.md'], dir);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/10:1\s+warning\s+image tube\.png is not used: tube\.png is a named pipe, not a regular file: only regular files are read \(a placeholder with its alt text is shown instead\)\s+image-not-file/);
    const built = await runCli(['build', 'essai.md', '--out', 'out', '--no-gallery'], dir);
    expect(built.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'essai', 'brochure.html'), 'utf8')).toMatch(/class="image-placeholder[^"]*"[^>]*>[^]*Le tube/);
    expect(existsSync(join(dir, 'out', 'essai', '.build.lock'))).toBe(false);
  }, 240_000);

  it('a source, a configuration or a theme file that is a named pipe is one located error, and the command ends', async () => {
    const dir = tempDir('triptyque-fifo-source-');
    fifo(join(dir, 'tube.md'));
    const source = await runCli(['build', 'tube.md', '--out', 'out', '--no-gallery'], dir);
    expect(source.code).toBe(1);
    expect(source.stderr).toMatch(/tube\.md\s*\n\s*1:1\s+error\s+.*tube\.md is a named pipe, not a regular file: only regular files are read\s+source-unreadable/);

    writeFileSync(join(dir, 'essai.md'), `${FRONT_MATTER}# Un\n\nTexte.\n`);
    fifo(join(dir, 'triptyque.config.yaml'));
    const config = await runCli(['check', 'essai.md'], dir);
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/1:1\s+error\s+.*triptyque\.config\.yaml is a named pipe, not a regular file: only regular files are read\s+config-unreadable/);

    const theme = tempDir('triptyque-fifo-theme-');
    fifo(join(theme, 'theme.json'));
    expect(() => readTheme(theme, 'tube')).toThrow(/theme\.json:1:1 .*theme\.json is a named pipe, not a regular file: only regular files are read \(theme-invalid\)/);
    expect(existsSync(join(dir, 'out', 'essai', '.build.lock'))).toBe(false);
  }, 240_000);
});

/** Whether this machine lets the test mount a small tmpfs (root in a container usually may): a real full disk. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the output lock is never left empty, and a lock left behind is taken over at once (#27.7)', () => {
  it('an empty lock (what a full disk used to leave) is taken over at once, with a note', async () => {
    const dir = tempDir('triptyque-empty-lock-');
    const source = join(dir, 'essai.md');
    writeFileSync(source, `${FRONT_MATTER}# Un\n\nTexte.\n`);
    mkdirSync(join(dir, 'out', 'essai'), { recursive: true });
    writeFileSync(join(dir, 'out', 'essai', '.build.lock'), '');
    const result = await build({ sources: [source], root: dir, outDir: join(dir, 'out'), only: ['digest'], browser });
    expect(result.ok).toBe(true);
    expect(result.reports[0]!.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'lock-taken-over', message: expect.stringMatching(/\.build\.lock: an empty lock \(left by a full disk or a crash\); taken over/) }));
    expect(existsSync(join(dir, 'out', 'essai', '.build.lock'))).toBe(false);
  }, 180_000);

  it('a lock naming a process that ended, or holding garbage, is taken over at once, with a note', async () => {
    const dir = tempDir('triptyque-dead-lock-');
    const source = join(dir, 'essai.md');
    writeFileSync(source, `${FRONT_MATTER}# Un\n\nTexte.\n`);
    mkdirSync(join(dir, 'out', 'essai'), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    for (const [content, note] of [[`${dead}\n`, `left by process ${dead}, which no longer runs`], ['\u0000\u0001garbage', 'an unreadable lock']] as const) {
      writeFileSync(join(dir, 'out', 'essai', '.build.lock'), content);
      const result = await build({ sources: [source], root: dir, outDir: join(dir, 'out'), only: ['digest'], browser });
      expect(result.ok).toBe(true);
      expect(result.reports[0]!.diagnostics.map((diagnostic) => diagnostic.message).join('\n')).toContain(note);
    }
  }, 180_000);

  // Tried once when the file is collected, and let go at once: each run mounts its own disk.
  const probe = tempDir('triptyque-full-disk-');
  const canMount = mountTmpfs(probe, '64k');
  if (canMount) execFileSync('umount', ['-l', probe]);

  it.skipIf(!canMount)('on a real full disk the build fails in one sentence and leaves no lock; once there is room the next build starts at once', async () => {
    const dir = tempDir('triptyque-full-disk-source-');
    const source = join(dir, 'essai.md');
    writeFileSync(source, `${FRONT_MATTER}# Un\n\nTexte.\n`);
    const mountPoint = tempDir('triptyque-full-disk-');
    expect(mountTmpfs(mountPoint, '256k')).toBe(true);
    onTestFinished(() => {
      execFileSync('umount', ['-l', mountPoint]);
    });
    const out = join(mountPoint, 'out');
    mkdirSync(join(out, 'essai'), { recursive: true });
    const filler = join(mountPoint, 'filler');
    // Fill the disk to the last byte: a write of a few bytes then fails with ENOSPC.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'ignore' });
    } catch {
      // dd stops with an error once the disk is full: that is the point.
    }
    const error = await build({ sources: [source], root: dir, outDir: out, only: ['digest'], browser }).then(() => undefined, (thrown: unknown) => thrown);
    expect((error as Error).message).toMatch(/no space left to write .*: free some space, or give --out another disk/);
    expect(readdirSync(join(out, 'essai'))).toEqual([]);
    rmSync(filler);
    const result = await build({ sources: [source], root: dir, outDir: out, only: ['digest'], browser });
    expect(result.ok).toBe(true);
    expect(result.reports[0]!.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'lock-taken-over')).toEqual([]);
  }, 180_000);
});

describe('a .docx zip bomb is refused before it is unpacked (#27.10)', () => {
  /** A real Word document (made by the docx package) whose parts are replaced or added to. */
  async function docxWith(parts: Record<string, Uint8Array>): Promise<Buffer> {
    const document = new Document({ sections: [{ children: [new Paragraph('Un paragraphe.')] }] });
    const entries = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
    return Buffer.from(zipSync({ ...entries, ...parts }, { level: 9 }));
  }

  it('a document.xml that unpacks to 40 MB of blanks, or 20,000 files inside, is one sentence naming the file and the part, and nothing is imported', async () => {
    const dir = tempDir('triptyque-zip-bomb-');
    const padding = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    writeFileSync(join(dir, 'bombe.docx'), await docxWith({ 'word/document.xml': padding }));
    const bomb = await runCli(['import', 'bombe.docx', '-o', 'bombe.md'], dir);
    expect(bomb.code).toBe(1);
    expect(bomb.stderr.trim()).toBe(`triptyque import: ${join(dir, 'bombe.docx')}: word/document.xml unpacks to more than 200 times its packed size: not a document this tool reads (a zip bomb?); nothing was imported`);
    expect(existsSync(join(dir, 'bombe.md'))).toBe(false);

    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`customXml/item${index}.xml`, new Uint8Array(0)]));
    writeFileSync(join(dir, 'nombreux.docx'), await docxWith(many));
    const crowded = await runCli(['import', 'nombreux.docx', '-o', 'nombreux.md'], dir);
    expect(crowded.code).toBe(1);
    expect(crowded.stderr).toMatch(/nombreux\.docx: more than 10000 files inside \(at customXml\/item\d+\.xml\): not a document this tool reads/);

    writeFileSync(join(dir, 'sain.docx'), await docxWith({}));
    const sound = await runCli(['import', 'sain.docx', '-o', 'sain.md'], dir);
    expect(sound.code).toBe(0);
    expect(readFileSync(join(dir, 'sain.md'), 'utf8')).toContain('Un paragraphe.');
  }, 240_000);
});

describe('deep nesting is one located error, in check and in build (#27.12)', () => {
  const body = '---\ntitle: Essai\ndate: 2024-01-15\n---\n\n# Un\n\n';
  const cases = {
    'citations.md': { text: `${body}${'> '.repeat(5000)}texte\n`, at: '8:201', what: 'Markdown', rule: 'nesting-too-deep' },
    'liste.md': { text: `${body}${Array.from({ length: 1000 }, (_, depth) => `${'  '.repeat(depth)}- point\n`).join('')}`, at: '108:201', what: 'Markdown', rule: 'nesting-too-deep' },
    'html.md': { text: `${body}${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}\n`, at: '8:501', what: 'HTML', rule: 'nesting-too-deep' },
    'yaml.md': { text: `---\ntitle: Essai\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n\n# Un\n\nTexte.\n`, at: '3:104', what: 'YAML', rule: 'front-matter-yaml' },
  };

  it('5,000 nested quotes, a list 1,000 deep, 5,000 nested elements or YAML brackets: check names the line and column', async () => {
    const dir = tempDir('triptyque-deep-');
    for (const [name, { text }] of Object.entries(cases)) writeFileSync(join(dir, name), text);
    for (const [name, { at, what, rule }] of Object.entries(cases)) {
      const run = await runCli(['check', name], dir);
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toMatch(new RegExp(`${at}\\s+error\\s+.*${what} nested more than 100 levels deep here .*flatten it\\s+${rule}`));
      expect(run.stderr, name).not.toMatch(/call stack|this is a bug/);
    }
  }, 240_000);

  it('a build of each fails that source alone, at its place, and writes no artifact', async () => {
    const dir = tempDir('triptyque-deep-build-');
    const sources = Object.entries(cases).map(([name, { text }]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const result = await build({ sources, root: dir, outDir: join(dir, 'out'), browser });
    expect(result.ok).toBe(false);
    for (const [index, { at, rule }] of Object.values(cases).entries()) {
      const report = result.reports[index]!;
      expect(report.targets).toEqual({});
      expect(report.diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`)).toContain(`${at} ${rule}`);
    }
  }, 240_000);
});

describe('the deck never fails on the slides it makes itself (#27.13)', () => {
  it('a 10,000-character heading (one word, or words) is shortened with an ellipsis on the contents, divider and its slide, whole in the notes; the deck builds', async () => {
    const dir = tempDir('triptyque-long-heading-');
    const word = 'x'.repeat(10_000);
    const words = Array.from({ length: 1200 }, (_, index) => ['développement', 'régional', 'formation', 'réseau'][index % 4]).join(' ').slice(0, 10_000);
    const source = join(dir, 'essai.md');
    writeFileSync(source, `---\ntitle: Essai\ndate: 2024-01-15\nlang: fr\n---\n\n# ${word}\n\nTexte.\n\n# ${words}\n\n## Sous-partie\n\nTexte.\n\n# Deux\n\nTexte.\n`);
    const result = await build({ sources: [source], root: dir, outDir: join(dir, 'out'), only: ['deck'], browser });
    expect(result.reports[0]!.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const deck = readFileSync(join(dir, 'out', 'essai', 'deck.md'), 'utf8');
    const visible = deck.replace(/<!--[^]*?-->/g, '');
    const longestLine = Math.max(...visible.split('\n').map((line) => line.length));
    expect(longestLine).toBeLessThan(400);
    expect(visible).toMatch(/x{300,}…/);
    expect(visible).toMatch(/(développement|régional|formation|réseau)…/);
    // Nothing lost: each heading is whole in the notes.
    const notes = deck.replace(/\s+/g, ' ');
    expect(notes).toContain(word);
    expect(notes).toContain(words);
  }, 240_000);
});

describe('a signal always stops a build, leaving no lock (#27.6)', () => {
  it('Ctrl-C twice ends a build at once with exit 130, saying so, and removes its lock', async () => {
    const dir = tempDir('triptyque-twice-');
    writeFileSync(join(dir, 'essai.md'), readFileSync(REAL_SOURCE, 'utf8'));
    const child = spawn(process.execPath, [BIN, 'build', 'essai.md', '--out', 'out', '--no-gallery'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('rendering')) resolve();
      });
    });
    // Its lock is taken before any target renders.
    expect(existsSync(join(dir, 'out', 'essai', '.build.lock'))).toBe(true);
    child.kill('SIGINT');
    // Two signals sent together may reach the process as one: the second comes while the first unwinds.
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(stderr).toMatch(/stopped at once|interrupted/);
    expect(existsSync(join(dir, 'out', 'essai', '.build.lock'))).toBe(false);
  }, 240_000);
});
