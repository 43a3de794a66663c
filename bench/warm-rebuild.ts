/**
 * Child process of the bench: what the watch mode will do. One BrowserService stays warm; the source
 * gets a one-paragraph edit and `build()` runs again in-process. Prints one JSON line (WarmResult).
 *
 * Usage: tsx bench/warm-rebuild.ts SOURCE OUT_DIR RUNS [BUDGET_MS]
 * After the first edit, an edit is only made if it should end within BUDGET_MS of the start.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import type { BuildReport } from '../scripts/artifacts/report';
import { PACKAGE_ROOT } from '../scripts/paths';
import { editOneParagraph } from './synthetic-source';

export interface WarmRun {
  /** Edit saved -> the last HTML artifact (deck.html, brochure.html, digest.html) in place (its mtime). */
  htmlMs?: number;
  /** Edit saved -> build() resolved with every artifact written. */
  allMs: number;
  ok: boolean;
  targetMs: Record<string, number>;
  /** The build's progress events, timed from the edit: where the time goes inside each target. */
  timeline: TimelineEvent[];
}

export interface TimelineEvent {
  atMs: number;
  target?: string;
  message: string;
}

export interface WarmResult {
  htmlArtifacts: string[];
  runs: WarmRun[];
}

async function main(): Promise<void> {
  const started = performance.now();
  const [source, outDir, runsText, budgetText] = process.argv.slice(2);
  if (!source || !outDir) throw new Error('usage: warm-rebuild.ts SOURCE OUT_DIR RUNS [BUDGET_MS]');
  const deadline = started + Number(budgetText ?? Infinity);
  const browser = new BrowserService();
  const original = await readFile(source, 'utf8');
  try {
    const warmUp = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser, force: true, keepPages: true });
    const first = warmUp.reports[0];
    if (!first) throw new Error(`no report for ${source}`);
    const slugDir = join(outDir, first.slug);
    const htmlArtifacts = Object.values(first.targets).flatMap((target) => target.artifacts.map((artifact) => artifact.name).filter((name) => name.endsWith('.html')));
    const runs: WarmRun[] = [];
    for (let revision = 1; revision <= Number(runsText ?? 3); revision++) {
      const last = runs.at(-1);
      if (last && performance.now() + last.allMs > deadline) break;
      runs.push(await rebuildAfterEdit(source, original, revision, outDir, slugDir, htmlArtifacts, browser));
    }
    process.stdout.write(`${JSON.stringify({ htmlArtifacts, runs } satisfies WarmResult)}\n`);
  } finally {
    await writeFile(source, original);
    await browser.close();
  }
}

async function rebuildAfterEdit(
  source: string,
  original: string,
  revision: number,
  outDir: string,
  slugDir: string,
  htmlArtifacts: readonly string[],
  browser: BrowserService,
): Promise<WarmRun> {
  await writeFile(source, editOneParagraph(original, revision));
  const startedAt = Date.now();
  const started = performance.now();
  const timeline: TimelineEvent[] = [];
  const onProgress = ({ target, message }: { target?: string; message: string }) => timeline.push({ atMs: Math.round(performance.now() - started), target, message });
  const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser, htmlFirst: true, keepPages: true, onProgress });
  const allMs = performance.now() - started;
  const report: BuildReport | undefined = result.reports[0];
  const targetMs = Object.fromEntries(Object.entries(report?.targets ?? {}).map(([name, target]) => [name, target.durationMs]));
  // Artifacts are renamed into place once complete, so a file's mtime is when the user could see it.
  const rewritten = await Promise.all(htmlArtifacts.map((name) => stat(join(slugDir, name)).then((s) => s.mtimeMs, () => 0)));
  const htmlMs = htmlArtifacts.length > 0 && rewritten.every((mtime) => mtime >= startedAt) ? Math.max(...rewritten) - startedAt : undefined;
  return { htmlMs, allMs, ok: result.ok, targetMs, timeline };
}

await main();
