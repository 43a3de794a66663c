import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_SOURCE, tempDir } from '../../test/helpers';
import type { BuildResult } from './build';
import { watch, type WatchedBuild } from './watch';

/** One watch loop for the whole file, digest only (the fastest target), on a copy of the real source. */
const root = tempDir('triptyque-watch-');
const source = join(root, 'synthese.md');
const config = join(root, 'triptyque.config.yaml');
const original = readFileSync(REAL_SOURCE, 'utf8');
const builds: { result: BuildResult; info: WatchedBuild; pid?: number }[] = [];
const waiters: (() => void)[] = [];
const stop = new AbortController();
let watching: Promise<void>;

function nextBuild(): Promise<(typeof builds)[number]> {
  const count = builds.length;
  return new Promise((resolve) => {
    const check = () => (builds.length > count ? resolve(builds[count]!) : waiters.push(check));
    check();
  });
}

beforeAll(async () => {
  copyFileSync(REAL_SOURCE, source);
  copyFileSync(join(import.meta.dirname, '..', '..', 'triptyque.config.yaml'), config);
  const first = nextBuild();
  watching = watch({
    root,
    sources: [source],
    outDir: join(root, 'out'),
    only: ['digest'],
    signal: stop.signal,
    debounceMs: 100,
    onBuild: async (result, info) => {
      const pid = (await info.browser.browser()).process()?.pid;
      builds.push({ result, info, pid });
      for (const waiter of waiters.splice(0)) waiter();
    },
  });
  await first;
});

afterAll(async () => {
  stop.abort();
  await watching;
});

describe('watch mode', () => {
  it('builds once at the start', () => {
    expect(builds).toHaveLength(1);
    expect(builds[0]!.result.ok).toBe(true);
    expect(builds[0]!.info.changed).toEqual([]);
    expect(builds[0]!.result.reports[0]!.targets.digest?.ok).toBe(true);
  });

  it('rebuilds the source that changed, and keeps going after a source with errors', async () => {
    let built = nextBuild();
    writeFileSync(source, Buffer.concat([Buffer.from(original.slice(0, 200)), Buffer.from([0]), Buffer.from(original.slice(200))]));
    const broken = await built;
    expect(broken.info.changed).toEqual([source]);
    expect(broken.result.ok).toBe(false);
    expect(broken.result.reports[0]!.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'source-binary', line: expect.any(Number) }));

    built = nextBuild();
    writeFileSync(source, original.replace('title: Synthèse de la journée du 27 mai 2010', 'title: Synthèse réécrite'));
    const fixed = await built;
    expect(fixed.result.ok).toBe(true);
    expect(readFileSync(join(root, 'out', 'synthese', 'digest.txt'), 'utf8')).toContain('SYNTHÈSE RÉÉCRITE');
  });

  it('rebuilds everything when the configuration changes, with the same warm browser', async () => {
    const built = nextBuild();
    writeFileSync(config, readFileSync(config, 'utf8').replace('keyPoints: 3', 'keyPoints: 2'));
    const rebuilt = await built;
    expect(rebuilt.info.changed).toEqual([config]);
    expect(rebuilt.result.reports.map((report) => report.slug)).toEqual(['synthese']);
    expect(rebuilt.result.reports[0]!.targets.digest?.cached).toBeFalsy();
    expect(new Set(builds.map((build) => build.info.browser)).size).toBe(1);
    expect(new Set(builds.map((build) => build.pid)).size).toBe(1);
  });

  it('stops when its signal aborts, and closes the browser', async () => {
    const pid = builds[0]!.pid!;
    stop.abort();
    await watching;
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
