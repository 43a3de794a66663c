import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../scripts/core/build';
import { TriptyqueError } from '../scripts/errors';
import { TARGETS } from '../scripts/targets/registry';
import { chromiumLeftBehind, trackLaunches } from './chromium-processes';
import { FRONT_MATTER, REAL_SOURCE, tempDir, writeSource } from './helpers';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'triptyque.mjs');
const SMALL = `${FRONT_MATTER}# Un chapitre\n\nUn paragraphe assez court pour une page.\n\n## Une section\n\nEt un autre paragraphe.\n`;

async function pdfPages(path: string): Promise<number> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

/** Files a build may leave only while it runs: temporary artifacts, pages loaded from a file, and the lock. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp') || name === '.build.lock' || /^\.(brochure|deck)-\d+-/.test(name));

describe('no Chromium is left behind by a build', () => {
  let launches: ReturnType<typeof trackLaunches>;
  beforeAll(() => {
    launches = trackLaunches();
  });
  afterAll(() => launches.restore());

  const noneLeft = async () => {
    expect(launches.groups().length).toBeGreaterThan(0);
    expect(await chromiumLeftBehind({ groups: launches.groups() })).toEqual([]);
    launches.launched.length = 0;
  };

  it('that succeeds', async () => {
    const result = await build({ sources: [writeSource(SMALL)], root: ROOT, outDir: tempDir(), only: ['brochure'] });
    expect(result.ok).toBe(true);
    await noneLeft();
  });

  it('whose target fails, or breaks with a bug, after opening a page', async () => {
    const failing = (error: Error) =>
      vi.spyOn(TARGETS, 'brochure').mockResolvedValue({
        name: 'brochure',
        render: (context) => context.browser.withPage({ allowedRoots: context.allowedRoots }, async (page) => {
          await page.setContent('<p>avant la panne</p>');
          throw error;
        }),
      });
    const spy = failing(new TriptyqueError('RENDER_FAILED', 'brochure: the pages could not be laid out'));
    const failed = await build({ sources: [writeSource(SMALL)], root: ROOT, outDir: tempDir(), only: ['brochure'] });
    expect(failed.ok).toBe(false);
    expect(failed.reports[0]?.targets.brochure).toMatchObject({ ok: false, error: 'brochure: the pages could not be laid out' });
    await noneLeft();
    spy.mockRestore();
    const bug = failing(new Error('undefined is not a function'));
    // A bug fails its own source with a located error; the build goes on to the others.
    const crashed = await build({ sources: [writeSource(SMALL)], root: ROOT, outDir: tempDir(), only: ['brochure'] });
    expect(crashed.ok).toBe(false);
    expect(crashed.files.flatMap((file) => file.messages).find((message) => message.ruleId === 'build-crashed')?.reason).toContain('undefined is not a function');
    await noneLeft();
    bug.mockRestore();
  });

  it('that is interrupted half-way', async () => {
    const controller = new AbortController();
    const source = join(tempDir(), 'essai.md');
    copyFileSync(REAL_SOURCE, source);
    // Stopped while the brochure renders, its Chromium started: not after some delay, which a fast build outruns.
    let rendering = false;
    const onProgress = (event: { target?: string; message: string }) => void (rendering ||= event.target === 'brochure' && event.message === 'rendering');
    const running = build({ sources: [source], root: ROOT, outDir: tempDir(), only: ['brochure'], signal: controller.signal, onProgress });
    running.catch(() => undefined);
    while (!rendering || launches.launched.length === 0) await sleep(5);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await noneLeft();
  });
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
  /** Resolves as soon as the build's progress lines say `text`; fails if the build ends first. */
  said: (text: string) => Promise<void>;
}

/** `triptyque build` in its own process; its Chromium profile lands under `tmp` so we can find it. */
function cli(args: string[], tmp: string): Run {
  const child = spawn(process.execPath, [BIN, 'build', ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
    for (const listener of listeners) listener();
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  const said = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const listener = () => {
        if (!stderr.includes(text)) return;
        listeners.delete(listener);
        resolve();
      };
      listeners.add(listener);
      listener();
      void done.then(() => reject(new Error(`the build ended without saying "${text}": ${stderr}`)));
    });
  return { child, done, said };
}

describe('builds from the command line share an output folder safely', () => {
  const dir = tempDir();
  const tmp = join(dir, 'tmp');
  const source = join(dir, 'essai.md');
  const outDir = join(dir, 'out');
  const artifacts = join(outDir, 'essai');
  const profiles = `${tmp}/puppeteer_dev_chrome_profile`;

  beforeAll(() => {
    mkdirSync(tmp);
    copyFileSync(REAL_SOURCE, source);
  });

  it('two builds at once into the same folder both succeed and leave it complete', async () => {
    const args = [source, '--out', outDir, '--only', 'digest,brochure', '--no-gallery'];
    const [first, second] = await Promise.all([cli(args, tmp).done, cli(args, tmp).done]);
    expect(first, first.stderr).toMatchObject({ code: 0 });
    expect(second, second.stderr).toMatchObject({ code: 0 });
    const report = JSON.parse(readFileSync(join(artifacts, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ ok: true, targets: { digest: { ok: true }, brochure: { ok: true } } });
    for (const { name, bytes } of [...report.targets.digest.artifacts, ...report.targets.brochure.artifacts]) {
      expect(readFileSync(join(artifacts, name)).byteLength, name).toBe(bytes);
    }
    for (const pdf of ['brochure.pdf', 'brochure-booklet.pdf', 'brochure-print.pdf']) expect(await pdfPages(join(artifacts, pdf))).toBeGreaterThan(1);
    expect(leftovers(artifacts)).toEqual([]);
    expect(await chromiumLeftBehind({ marks: [profiles] })).toEqual([]);
  });

  it('a build killed half-way leaves the previous brochure whole, and no Chromium', async () => {
    const previous = readFileSync(join(artifacts, 'brochure.pdf'));
    const killed = cli([source, '--out', outDir, '--only', 'brochure', '--force', '--no-gallery'], tmp);
    // Half-way: the brochure is printed, its Chromium still up, and its PDFs are being made and written.
    await killed.said('brochure: printed once');
    killed.child.kill('SIGKILL');
    expect(await killed.done).toMatchObject({ code: null });
    const now = readFileSync(join(artifacts, 'brochure.pdf'));
    // The old file or a complete new one, never a truncated one.
    if (!now.equals(previous)) expect(await pdfPages(join(artifacts, 'brochure.pdf'))).toBeGreaterThan(1);
    for (const pdf of ['brochure-booklet.pdf', 'brochure-print.pdf']) expect(await pdfPages(join(artifacts, pdf))).toBeGreaterThan(1);
    JSON.parse(readFileSync(join(artifacts, 'report.json'), 'utf8'));
    expect(await chromiumLeftBehind({ marks: [profiles] })).toEqual([]);
    // The next build takes over the dead build's lock and succeeds.
    const next = await cli([source, '--out', outDir, '--only', 'digest', '--no-gallery'], tmp).done;
    expect(next, next.stderr).toMatchObject({ code: 0 });
  });

  it('Ctrl-C stops a build with one sentence: earlier artifacts intact, nothing truncated, the lock released, no Chromium', async () => {
    const before = Object.fromEntries(['brochure.pdf', 'digest.html', 'digest.eml'].map((name) => [name, readFileSync(join(artifacts, name))]));
    const stopped = cli([source, '--out', outDir, '--only', 'brochure,digest', '--force', '--no-gallery'], tmp);
    // While the brochure renders: its Chromium is up, and loading and printing the pages takes a second at least.
    const deadline = Date.now() + 60_000;
    while ((await chromiumLeftBehind({ marks: [profiles], settleMs: 0 })).length === 0 && Date.now() < deadline) await sleep(50);
    stopped.child.kill('SIGINT');
    const { code, stderr } = await stopped.done;
    expect(code).toBe(130);
    // Progress lines, then the one sentence.
    expect(stderr.trim().split('\n').filter((line) => line.startsWith('triptyque build:')), stderr).toEqual(['triptyque build: interrupted; earlier artifacts are left as they were.']);
    expect(stderr).not.toMatch(/bug|internal error|    at /);
    // Each artifact is the earlier one or a complete new one.
    const now = readFileSync(join(artifacts, 'brochure.pdf'));
    if (!now.equals(before['brochure.pdf']!)) expect(await pdfPages(join(artifacts, 'brochure.pdf'))).toBeGreaterThan(1);
    for (const pdf of ['brochure-booklet.pdf', 'brochure-print.pdf']) expect(await pdfPages(join(artifacts, pdf))).toBeGreaterThan(1);
    expect(readFileSync(join(artifacts, 'digest.eml'), 'utf8')).toMatch(/^[\s\S]*\r\n\r\n[\s\S]+--\S+--\r?\n?$/);
    JSON.parse(readFileSync(join(artifacts, 'report.json'), 'utf8'));
    expect(leftovers(artifacts)).toEqual([]);
    expect(existsSync(join(outDir, '.build.lock'))).toBe(false);
    expect(await chromiumLeftBehind({ marks: [profiles] })).toEqual([]);
  });
});

describe('an output folder that cannot be used is one sentence, exit 1', () => {
  const dir = tempDir();
  const source = join(dir, 'essai.md');
  beforeAll(() => writeFileSync(source, SMALL));

  const run = async (out: string) => {
    const { code, stderr } = await cli([source, '--out', out, '--only', 'digest', '--no-gallery'], dir).done;
    return { code, lines: stderr.trim().split('\n') };
  };

  it('--out that is a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'kept');
    const { code, lines } = await run(file);
    expect(code).toBe(1);
    expect(lines).toEqual([`triptyque build: ${file} is a file, not a folder: give --out a folder, or move the file away`]);
    expect(readFileSync(file, 'utf8')).toBe('kept');
  });

  it('a folder that cannot be written', async () => {
    // Root writes through any mode bits: a folder of /sys cannot be made even by root.
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const out = process.getuid?.() === 0 ? '/sys/triptyque-out' : join(locked, 'out');
    const { code, lines } = await run(out);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^triptyque build: /\\S*${out.startsWith('/sys') ? 'sys' : 'locked'}\\S* cannot be written \\(E[A-Z]+\\): make it writable, or give --out another folder$`));
  });
});
