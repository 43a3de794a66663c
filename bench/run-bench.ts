/**
 * `npm run bench`: Triptyque's cold and warm builds against marp-cli + pagedjs-cli on the real content
 * and on sources 5x and 20x its size. Prints the table and saves it as bench/results.md.
 *
 * Env: BENCH_RUNS ("5,3,3" per scale, or one number for all), BENCH_SCALES ("1,5,20"),
 * BENCH_BUDGET_S (540: a measurement that is not expected to end in time is not started; one cold
 * build of the largest source always runs, for the growth), BENCH_TIMEOUT_S (300, per process).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import type { BuildReport } from '../scripts/artifacts/report';
import { findBrowser } from '../scripts/browser/find-browser';
import { PACKAGE_ROOT } from '../scripts/paths';
import { median, medianMs, type BenchResults, type Machine, type Sample, type ScaleResult, type WarmSamples } from './bench-results';
import { formatResults } from './format-table';
import { measureProcess, type ProcessRun } from './measure-process';
import { peerJobs, runPeer, type PeerJob } from './peers';
import { writeScaledSources } from './synthetic-source';
import type { WarmResult } from './warm-rebuild';

const REAL_SOURCE = join(PACKAGE_ROOT, 'content', '2010-05-27-travailler-en-reseau.md');
const CLI = join(PACKAGE_ROOT, 'bin', 'triptyque.mjs');
const TSX = join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const scales = (process.env['BENCH_SCALES'] ?? '1,5,20').split(',').map(Number);
const runsSetting = (process.env['BENCH_RUNS'] ?? '5,3,3').split(',').map(Number);
const budgetMs = Number(process.env['BENCH_BUDGET_S'] ?? 540) * 1000;
const timeoutMs = Number(process.env['BENCH_TIMEOUT_S'] ?? 300) * 1000;

/** What is still worth measuring, and the time left for it. */
interface Schedule {
  deadline: number;
  jobs: PeerJob[];
  scales: ScaleResult[];
  sources: Map<number, string>;
  work: string;
}

async function main(): Promise<void> {
  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'triptyque-bench-'));
  const machine = await describeMachine();
  const results: ScaleResult[] = [];
  try {
    const sources = await writeScaledSources(REAL_SOURCE, scales, join(work, 'sources'));
    for (const factor of scales) results.push(emptyScale(factor, (await stat(sources.get(factor)!)).size));
    const schedule: Schedule = { deadline: started + budgetMs, jobs: await peerJobs(work), scales: results, sources, work };
    // By priority: the 1x carries most targets; one cold build of the largest source gives the growth;
    // the rest (more runs, peers and warm rebuilds of the larger sources) as long as time is left.
    // The 1x gets at most half the budget when larger sources follow.
    const [first, ...larger] = results;
    if (first) await measureScale(schedule, first, larger.length ? started + budgetMs / 2 : schedule.deadline, { firstRunAlways: true });
    const largest = larger.at(-1);
    if (largest) await coldRun(schedule, largest, undefined);
    for (const scale of larger) await measureScale(schedule, scale, schedule.deadline, { firstRunAlways: false });
    for (const scale of results) if (!scale.cold.length) scale.skipped = `over the ${budgetMs / 1000} s budget`;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const table = formatResults({ machine: { ...machine, loadAfter: loadavg() }, scales: results, elapsedMs: performance.now() - started } satisfies BenchResults);
  await writeFile(join(PACKAGE_ROOT, 'bench', 'results.md'), table);
  process.stdout.write(`\n${table}\nSaved to bench/results.md\n`);
}

/**
 * The warm rebuilds, then cold build and each peer run after run, so that load from the rest of the
 * machine falls on both alike. Nothing starts that is not expected to end before the deadline.
 */
async function measureScale(schedule: Schedule, scale: ScaleResult, deadline: number, options: { firstRunAlways: boolean }): Promise<void> {
  const runs = runsSetting[scales.indexOf(scale.factor)] ?? runsSetting.at(-1) ?? 3;
  await warmScale(schedule, scale, runs, deadline);
  log(`${scale.factor}x: cold builds and peers`);
  for (let run = 1; run <= runs; run++) {
    // The 1x always gets one complete run: the comparison with the peers rests on it.
    const always = options.firstRunAlways && run === 1;
    const outDir = scale.cold.length < run ? await coldRun(schedule, scale, always ? undefined : deadline) : lastColdDir(schedule, scale);
    if (!outDir) break;
    for (const job of schedule.jobs) {
      const peer = (scale.peers[job.name] ??= { runs: [] });
      if (peer.runs.length >= run) continue;
      const estimate = estimateMs(schedule, scale, (s) => medianMs(s.peers[job.name]?.runs ?? []));
      if (!always && !fits(deadline, estimate)) break;
      const result = await runPeer(job, outDir, join(schedule.work, `x${scale.factor}`), always ? timeoutMs : timeoutFor(deadline));
      if ('missing' in result) peer.missing = result.missing;
      else peer.runs.push(sample(result, result.exitCode === 0));
    }
    log(`  ${scale.factor}x peers ${run}: ${Object.entries(scale.peers).map(([name, peer]) => `${name} ${peer.missing ? 'n/a' : peer.runs.length < run ? 'not run' : `${Math.round(peer.runs.at(-1)!.ms)} ms`}`).join(', ')}`);
  }
}

/**
 * Warm-up build + up to `runs` edits. The worker gets at most a third of the time left (the cold
 * builds and peers need the rest) and always makes one edit.
 */
async function warmScale(schedule: Schedule, scale: ScaleResult, runs: number, deadline: number): Promise<void> {
  const left = deadline - performance.now();
  const perBuild = estimateMs(schedule, scale, (s) => median(s.warm?.allMs ?? []));
  if (perBuild !== undefined && 2 * perBuild > left) return;
  log(`${scale.factor}x: warm rebuilds`);
  scale.warm = await warmRebuilds(scale.factor, schedule.sources.get(scale.factor)!, join(schedule.work, `x${scale.factor}`, 'warm'), runs, left / 3);
}

/**
 * One cold build into a fresh folder; returns the folder of its artifacts (kept for the peers).
 * Without a deadline it always runs (the comparison needs the 1x, the growth one build of the largest source).
 */
async function coldRun(schedule: Schedule, scale: ScaleResult, deadline: number | undefined): Promise<string | undefined> {
  if (deadline !== undefined && !fits(deadline, estimateMs(schedule, scale, (s) => medianMs(s.cold)))) return undefined;
  const run = scale.cold.length + 1;
  const outDir = join(schedule.work, `x${scale.factor}`, `cold-${run}`);
  const source = schedule.sources.get(scale.factor)!;
  const timeout = deadline === undefined ? Math.max(timeoutFor(schedule.deadline), 180_000) : timeoutFor(deadline);
  const cold = await measureProcess(process.execPath, [CLI, 'build', source, '--out', outDir, '--force', '--no-gallery'], { cwd: PACKAGE_ROOT, timeoutMs: timeout });
  const report = await readReport(outDir);
  scale.cold.push(sample(cold, report?.ok));
  log(`  ${scale.factor}x cold ${run}: ${Math.round(cold.ms)} ms${cold.timedOut ? ' (timed out)' : report?.ok ? '' : ` (not ok: ${cold.stderrTail.trim().split('\n').slice(-3).join(' | ')})`}`);
  if (report) recordReport(scale, report, cold.ms);
  // Only the latest build's artifacts are kept: the peers start from them.
  if (run > 1) await rm(join(schedule.work, `x${scale.factor}`, `cold-${run - 1}`), { recursive: true, force: true });
  return report ? join(outDir, report.slug) : undefined;
}

function lastColdDir(schedule: Schedule, scale: ScaleResult): string | undefined {
  const slug = Object.keys(scale.artifacts).length ? basename(schedule.sources.get(scale.factor)!).replace(/\.md$/, '') : undefined;
  return slug && join(schedule.work, `x${scale.factor}`, `cold-${scale.cold.length}`, slug);
}

/**
 * The expected duration of a measurement: its median at this scale, else at the nearest smaller
 * scale grown in proportion to the size (undefined when nothing is known yet: then it just runs).
 */
function estimateMs(schedule: Schedule, scale: ScaleResult, of: (scale: ScaleResult) => number | undefined): number | undefined {
  const own = of(scale);
  if (own !== undefined) return own;
  const smaller = schedule.scales.filter((other) => other.factor < scale.factor && of(other) !== undefined).at(-1);
  return smaller && (of(smaller)! * scale.factor) / smaller.factor;
}

function fits(deadline: number, estimate: number | undefined): boolean {
  return performance.now() + (estimate ?? 0) <= deadline;
}

/** A process may run to the deadline, within BENCH_TIMEOUT_S, and never less than a minute. */
function timeoutFor(deadline: number): number {
  return Math.min(timeoutMs, Math.max(60_000, deadline - performance.now()));
}

function recordReport(scale: ScaleResult, report: BuildReport, wallMs: number): void {
  scale.coldStartupMs.push(wallMs - report.durationMs);
  for (const [name, target] of Object.entries(report.targets)) {
    if (target.ok) (scale.coldTargetMs[name] ??= []).push(target.durationMs);
    scale.artifacts[name] = target.artifacts.map((artifact) => artifact.name);
  }
}

async function warmRebuilds(factor: number, source: string, outDir: string, edits: number, budget: number): Promise<WarmSamples> {
  const args = [TSX, join(PACKAGE_ROOT, 'bench', 'warm-rebuild.ts'), source, outDir, String(edits), String(Math.round(budget))];
  const run = await measureProcess(process.execPath, args, { cwd: PACKAGE_ROOT, timeoutMs: Math.max(budget, 2 * timeoutMs) });
  const empty: WarmSamples = { htmlMs: [], allMs: [], targetMs: {}, htmlArtifacts: [], timeline: [], peak: run.peak, ok: false };
  const line = run.stdout.trim().split('\n').at(-1);
  if (run.exitCode !== 0 || !line) return { ...empty, note: run.timedOut ? 'timed out' : `failed: ${run.stderrTail.trim().split('\n').at(-1) ?? ''}` };
  const warm = JSON.parse(line) as WarmResult;
  const targetMs: Record<string, number[]> = {};
  for (const edit of warm.runs) for (const [name, ms] of Object.entries(edit.targetMs)) (targetMs[name] ??= []).push(ms);
  const ok = warm.runs.every((edit) => edit.ok);
  log(`  ${factor}x warm: ${warm.runs.map((edit) => `html ${edit.htmlMs === undefined ? 'n/a' : Math.round(edit.htmlMs)} ms, all ${Math.round(edit.allMs)} ms`).join('; ')}`);
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

async function readReport(outDir: string): Promise<BuildReport | undefined> {
  const [slug] = await readdir(outDir).catch(() => [] as string[]);
  if (!slug) return undefined;
  return readFile(join(outDir, slug, 'report.json'), 'utf8').then((text) => JSON.parse(text) as BuildReport, () => undefined);
}

function emptyScale(factor: number, sourceBytes: number): ScaleResult {
  return { factor, sourceBytes, cold: [], coldTargetMs: {}, coldStartupMs: [], artifacts: {}, peers: {} };
}

async function describeMachine(): Promise<Machine> {
  const browser = (await findBrowser()).executablePath;
  const chromium = execFileSync(browser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    node: process.version,
    chromium: chromium.replace(/ built on.*$/, ''),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadBefore: loadavg(),
    loadAfter: [],
    totalMemoryBytes: totalmem(),
  };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

await main();
