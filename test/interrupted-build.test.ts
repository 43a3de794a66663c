import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { REAL_SOURCE, tempDir } from './helpers';
import { BIN } from './run-cli';
import { tool } from './tools';

/**
 * A build stopped at any moment (killed outright, Ctrl-C, or told to terminate by a service
 * manager) leaves every artifact as the earlier build wrote it or as the new one wrote it whole.
 * The moments are the build's own events in its output folder (a temporary file opened, written,
 * renamed), spread over a whole build: inside artifact writes as much as between them.
 */

/** Every file under `dir`, by its path inside it. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return found;
}

/** A build's own temporary files and lock: left only by a process that was killed outright. */
const isScratch = (name: string) => /(^|\/)\.[^/]*\.tmp$/.test(name) || name.endsWith('.build.lock') || /(^|\/)\.(brochure|deck)-\d+-/.test(name);

/** Why `bytes`, the artifact `name`, is not whole, or undefined when it is. */
async function notWhole(name: string, bytes: Buffer, dir: string): Promise<string | undefined> {
  const text = () => bytes.toString('utf8');
  if (name.endsWith('.pdf')) {
    const check = spawnSync(tool('qpdf'), ['--check', join(dir, name)], { encoding: 'utf8' });
    return check.status === 0 ? undefined : `qpdf --check: ${check.stdout.slice(-200)}${check.stderr.slice(-200)}`;
  }
  if (name.endsWith('.pptx')) {
    const zip = await JSZip.loadAsync(bytes).catch((error: Error) => error);
    return zip instanceof Error ? zip.message : zip.file('ppt/presentation.xml') ? undefined : 'no ppt/presentation.xml';
  }
  if (name.endsWith('.html')) return /<\/html>\s*$/i.test(text()) ? undefined : 'does not end with </html>';
  if (name.endsWith('.json')) {
    try {
      JSON.parse(text());
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (name.endsWith('.eml')) return /\r\n\r\n[\s\S]+\r\n--[^\r\n]+--\r?\n?$/.test(text()) ? undefined : 'does not end with its closing MIME boundary';
  if (name.endsWith('.jpg')) return bytes.subarray(-2).equals(Buffer.from([0xff, 0xd9])) ? undefined : 'no JPEG end marker';
  return undefined;
}

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The folder events seen before the signal was sent. */
  events: number;
}

/** `triptyque build` into `outDir`, stopped with `signal` at the folder's `at`-th event (never, when undefined). */
function buildStoppedAt(args: string[], outDir: string, at: number | undefined, signal: NodeJS.Signals): Promise<Stopped> {
  mkdirSync(outDir, { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', ...args, '--out', outDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let events = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const watcher = watch(outDir, { recursive: true }, () => {
      events += 1;
      if (events === at) child.kill(signal);
    });
    child.on('close', (code, received) => {
      watcher.close();
      resolve({ code, signal: received, stderr, events });
    });
  });
}

describe('a build stopped at any moment', () => {
  const work = tempDir('triptyque-interrupted-');
  const source = join(work, 'essai.md');
  const earlierDir = join(work, 'earlier');
  const newDir = join(work, 'new');
  // Three chapters of the seed: every target, the gallery and its thumbnails, in a few seconds.
  const seed = readFileSync(REAL_SOURCE, 'utf8');
  const earlierSource = seed.slice(0, seed.indexOf('### Pôle coopération'));
  const newSource = earlierSource.replace(/^(Un plan de formation.*)$/m, '$1 Une phrase ajoutée depuis la dernière édition.');
  let earlier: Map<string, Buffer>;
  let reference: Map<string, Buffer>;
  let total: number;

  beforeAll(async () => {
    expect(newSource).not.toBe(earlierSource);
    writeFileSync(source, earlierSource);
    const first = await buildStoppedAt([source], earlierDir, undefined, 'SIGKILL');
    expect(first.code, first.stderr).toBe(0);
    earlier = files(earlierDir);
    // The same build once to its end: how many events a whole build makes, and the new artifacts.
    writeFileSync(source, newSource);
    cpSync(earlierDir, newDir, { recursive: true });
    const whole = await buildStoppedAt([source], newDir, undefined, 'SIGKILL');
    expect(whole.code, whole.stderr).toBe(0);
    reference = files(newDir);
    total = whole.events;
    expect(total).toBeGreaterThan(30);
  }, 600_000);

  // Points spread over the whole build, each signal at early, middle and late ones.
  const points: [number, NodeJS.Signals][] = [
    [0.03, 'SIGTERM'],
    [0.15, 'SIGKILL'],
    [0.3, 'SIGINT'],
    [0.45, 'SIGTERM'],
    [0.6, 'SIGKILL'],
    [0.75, 'SIGINT'],
    [0.9, 'SIGKILL'],
    [0.97, 'SIGTERM'],
  ];

  it.each(points)('at %d of its folder events, by %s: every artifact is the earlier one or the new one whole', async (share, signal) => {
    const outDir = tempDir('triptyque-stopped-');
    cpSync(earlierDir, outDir, { recursive: true });
    const stopped = await buildStoppedAt([source], outDir, Math.max(1, Math.round(total * share)), signal);
    const now = files(outDir);
    const broken: string[] = [];
    for (const [name, before] of earlier) {
      const bytes = now.get(name);
      // A file the new build does not write either (a thumbnail of a slide it no longer has) may go.
      if (!bytes) {
        if (reference.has(name)) broken.push(`${name}: gone`);
      } else if (bytes.equals(before) || bytes.equals(reference.get(name) ?? Buffer.alloc(0))) continue;
      else {
        // Artifacts that carry a time (PDF dates, the .eml's Date and Message-ID, report timings) differ from run to run: checked whole by their format.
        const why = /\.(md|txt)$/.test(name) ? 'neither the earlier nor the new text' : await notWhole(name, bytes, outDir);
        if (why) broken.push(`${name}: ${why}`);
      }
    }
    expect(broken, stopped.stderr).toEqual([]);
    if (signal === 'SIGKILL') {
      // Killed outright, it cannot clean up: the next build takes over its lock and temporary files and succeeds.
      if (stopped.signal === 'SIGKILL') {
        const next = await buildStoppedAt([source], outDir, undefined, 'SIGKILL');
        expect(next.code, next.stderr).toBe(0);
        expect([...files(outDir).keys()].filter(isScratch)).toEqual([]);
      }
    } else {
      // Told to stop, it says so in one sentence, exits 130 and leaves no temporary file and no lock.
      // A signal that lands while Node is already exiting, its work done, ends the process by the
      // signal's default action: then every artifact is the new one, written whole.
      if (stopped.code === null) expect([...reference.keys()].filter((name) => !isScratch(name) && !now.get(name)?.length), stopped.stderr).toEqual([]);
      else if (stopped.code !== 0) {
        expect(stopped.code, stopped.stderr).toBe(130);
        expect(stopped.stderr).toMatch(/interrupted; earlier artifacts are left as they were\.|stopped/);
      }
      expect([...now.keys()].filter(isScratch)).toEqual([]);
      expect(existsSync(join(outDir, '.build.lock'))).toBe(false);
    }
  }, 600_000);
});
