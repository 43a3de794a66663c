/**
 * `npm run bench`: Triptyque's builds against marp-cli + pagedjs-cli on the real content, its growth on
 * sources 10x and 20x its size, ten sources in one build, and warm rebuilds after an edit. Prints the
 * table with the verdicts of the speed issue and saves it as bench/results.md.
 *
 * Env: BENCH_RUNS (3: cold builds and peer runs at 1x), BENCH_EDITS (5: warm rebuilds),
 * BENCH_SCALES ("10,20": the growth sources), BENCH_TIMEOUT_S (300, per process).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import type { BuildReport } from '../scripts/artifacts/report';
import { findBrowser } from '../scripts/browser/find-browser';
import { PACKAGE_ROOT } from '../scripts/paths';
import { type BenchResults, type ColdRun, type Machine, type PeerSamples, type Sample, type WarmSamples } from './bench-results';
import { formatResults } from './format-table';
import { measureProcess, type ProcessRun } from './measure-process';
import { peerJobs, runPeer } from './peers';
import { editOneParagraph, writeScaledSources } from './synthetic-source';
import type { WarmResult } from './warm-rebuild';

const REAL_SOURCE = join(PACKAGE_ROOT, 'content', '2010-05-27-travailler-en-reseau.md');
const CLI = join(PACKAGE_ROOT, 'bin', 'triptyque.mjs');
/** tsx's loader in the worker's own process: its CLI would add a parent process to the memory measured. */
const TSX_LOADER = ['--import', 'tsx'];

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const edits = Number(process.env['BENCH_EDITS'] ?? 5);
const growthFactors = (process.env['BENCH_SCALES'] ?? '10,20').split(',').map(Number).filter((factor) => factor > 1);
const timeoutMs = Number(process.env['BENCH_TIMEOUT_S'] ?? 300) * 1000;
const TEN = 10;

async function main(): Promise<void> {
  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'triptyque-bench-'));
  const machine = await describeMachine();
  try {
    const sources = await writeScaledSources(REAL_SOURCE, [1, ...growthFactors], join(work, 'sources'));
    const one = sources.get(1)!;
    const results: BenchResults = {
      machine,
      elapsedMs: 0,
      sourceBytes: (await stat(one)).size,
      defaultBuild: [],
      artifactsBuild: [],
      peers: {},
      growth: [],
      tenSources: [],
      artifacts: {},
    };

    log('1x: warm rebuilds');
    results.warm = await warmRebuilds(one, join(work, 'warm'), edits);

    // The CLI's bundle is made before any timed run (once after each change to the sources: a user pays it once, not every build).
    execFileSync(process.execPath, [CLI, '--help'], { cwd: PACKAGE_ROOT, stdio: 'ignore' });
    // Run after run, ours and the peers', so that load from the rest of the machine falls on both alike.
    const jobs = await peerJobs(work);
    for (let run = 1; run <= runs; run++) {
      results.defaultBuild.push(await coldBuild([one], join(work, `default-${run}`), []));
      const outDir = join(work, `artifacts-${run}`);
      const artifacts = await coldBuild([one], outDir, ['--no-gallery']);
      results.artifactsBuild.push(artifacts);
      const report = await readReports(outDir);
      for (const target of Object.entries(report[0]?.targets ?? {})) results.artifacts[target[0]] = target[1].artifacts.map((artifact) => artifact.name);
      for (const job of jobs) {
        const peer: PeerSamples = (results.peers[job.name] ??= { runs: [] });
        const result = await runPeer(job, join(outDir, report[0]?.slug ?? basename(one, '.md')), join(work, 'peers'), timeoutMs);
        if ('missing' in result) peer.missing = result.missing;
        else peer.runs.push(sample(result, result.exitCode === 0));
      }
      log(`  run ${run}: default ${seconds(results.defaultBuild.at(-1)!.ms)}, artifacts ${seconds(artifacts.ms)}, peers ${Object.entries(results.peers).map(([name, peer]) => `${name} ${peer.runs.at(-1) ? seconds(peer.runs.at(-1)!.ms) : 'n/a'}`).join(', ')}`);
      await rm(join(work, `default-${run}`), { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    }

    for (const factor of growthFactors) {
      log(`${factor}x: cold build`);
      const source = sources.get(factor)!;
      results.growth.push({ factor, sourceBytes: (await stat(source)).size, cold: await coldBuild([source], join(work, `x${factor}`), ['--no-gallery']) });
      await rm(join(work, `x${factor}`), { recursive: true, force: true });
    }

    // As many runs as of the 1x it is compared with, for a median of its own.
    log(`${TEN} sources in one build`);
    const folder = await writeTenSources(await readFile(one, 'utf8'), join(work, 'ten'));
    for (let run = 1; run <= runs; run++) {
      results.tenSources.push(await coldBuild(folder, join(work, `ten-out-${run}`), ['--no-gallery']));
      await rm(join(work, `ten-out-${run}`), { recursive: true, force: true });
    }

    results.elapsedMs = performance.now() - started;
    results.machine.loadAfter = loadavg();
    const table = formatResults(results);
    await writeFile(join(PACKAGE_ROOT, 'bench', 'results.md'), table);
    process.stdout.write(`\n${table}\nSaved to bench/results.md\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Ten past syntheses: the real one, each with a different paragraph edited, under ten names. */
async function writeTenSources(text: string, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let index = 1; index <= TEN; index++) {
    const path = join(dir, `synthese-${String(index).padStart(2, '0')}.md`);
    await writeFile(path, editOneParagraph(text, index));
    paths.push(path);
  }
  return paths;
}

/** One `triptyque build` process into a fresh folder, timed from spawn to exit, with what its reports say. */
async function coldBuild(sources: readonly string[], outDir: string, flags: readonly string[]): Promise<ColdRun> {
  const run = await measureProcess(process.execPath, [CLI, 'build', ...sources, '--out', outDir, ...flags], { cwd: PACKAGE_ROOT, timeoutMs });
  const reports = await readReports(outDir);
  const ok = reports.length === sources.length && reports.every((report) => report.ok) && run.exitCode === 0;
  const targetMs: Record<string, number> = {};
  let slides = 0;
  let pages = 0;
  for (const report of reports) {
    for (const [name, target] of Object.entries(report.targets)) targetMs[name] = (targetMs[name] ?? 0) + target.durationMs;
    slides += report.targets.deck?.counts['slides'] ?? 0;
    pages += report.targets.brochure?.counts['pages'] ?? 0;
  }
  // Sources may build side by side: what the process spent outside them is its wall time minus the longest.
  const longest = Math.max(0, ...reports.map((report) => report.durationMs));
  const cold: ColdRun = { ...sample(run, ok), targetMs, outsideMs: reports.length ? run.ms - longest : undefined, slides, pages };
  log(`  ${sources.length} source(s)${flags.length ? ` ${flags.join(' ')}` : ''}: ${seconds(run.ms)}${cold.ok ? '' : ` (not ok: ${cold.note})`}`);
  return cold;
}

async function warmRebuilds(source: string, outDir: string, count: number): Promise<WarmSamples> {
  const args = [...TSX_LOADER, join(PACKAGE_ROOT, 'bench', 'warm-rebuild.ts'), source, outDir, String(count)];
  const run = await measureProcess(process.execPath, args, { cwd: PACKAGE_ROOT, timeoutMs: 2 * timeoutMs });
  const empty: WarmSamples = { htmlMs: [], allMs: [], targetMs: {}, htmlArtifacts: [], timeline: [], peak: run.peak, ok: false };
  const line = run.stdout.trim().split('\n').at(-1);
  if (run.exitCode !== 0 || !line) return { ...empty, note: run.timedOut ? 'timed out' : `failed: ${run.stderrTail.trim().split('\n').at(-1) ?? ''}` };
  const warm = JSON.parse(line) as WarmResult;
  const targetMs: Record<string, number[]> = {};
  for (const edit of warm.runs) for (const [name, ms] of Object.entries(edit.targetMs)) (targetMs[name] ??= []).push(ms);
  const ok = warm.runs.every((edit) => edit.ok);
  log(`  warm: ${warm.runs.map((edit) => `html ${edit.htmlMs === undefined ? 'n/a' : Math.round(edit.htmlMs)} ms, all ${Math.round(edit.allMs)} ms`).join('; ')}`);
  return {
    htmlMs: warm.runs.flatMap((edit) => (edit.htmlMs === undefined ? [] : [edit.htmlMs])),
    allMs: warm.runs.map((edit) => edit.allMs),
    targetMs,
    htmlArtifacts: warm.htmlArtifacts,
    timeline: warm.runs.at(-1)?.timeline ?? [],
    peak: run.peak,
    ok,
    note: ok ? undefined : 'a rebuild reported errors',
  };
}

function sample(run: ProcessRun, ok: boolean | undefined): Sample {
  const error = run.stderrTail.split('\n').findLast((line) => /error|failed/i.test(line))?.trim();
  const note = run.timedOut ? `timed out after ${Math.round(run.ms / 1000)} s` : ok ? undefined : `exit code ${run.exitCode}${error ? `: ${error.slice(0, 200)}` : ''}`;
  return { ms: run.ms, peak: run.peak, ok: ok === true && !run.timedOut, timedOut: run.timedOut, note };
}

async function readReports(outDir: string): Promise<BuildReport[]> {
  const slugs = (await readdir(outDir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const reports = await Promise.all(slugs.map((slug) => readFile(join(outDir, slug, 'report.json'), 'utf8').then((text) => JSON.parse(text) as BuildReport, () => undefined)));
  return reports.filter((report): report is BuildReport => report !== undefined);
}

async function describeMachine(): Promise<Machine> {
  const browser = (await findBrowser()).executablePath;
  const chromium = execFileSync(browser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    node: process.version,
    chromium: `${chromium.replace(/ built on.*$/, '')} (${browser})`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadBefore: loadavg(),
    loadAfter: [],
    totalMemoryBytes: totalmem(),
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}


await main();
