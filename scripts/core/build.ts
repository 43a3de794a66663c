import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import { modelCounts, readReport, toDiagnostic, type BuildReport, type TargetReport } from '../artifacts/report';
import { buildTime } from '../artifacts/build-time';
import { withOutputFaults } from '../artifacts/output-fault';
import { lockOutput } from '../artifacts/output-lock';
import { artifactWriter, removeDeadTemporaries, writeAtomic } from '../artifacts/write-artifact';
import { asBrowserFailure, BrowserService } from '../browser/browser-service';
import { loadConfig, readingAs } from '../config/load';
import type { ReadAs } from '../config/schema';
import { isTriptyqueError } from '../errors';
import { assignSlugs, type AssignedSlug } from '../model/slug';
import { TARGET_NAMES, type TargetName } from '../model/types';
import { BUILT_IN_THEMES_DIR, packageDir } from '../paths';
import { operations } from '../messages/operations';
import { hasErrors, loadSource } from '../source/load-source';
import { BROWSER_TARGETS, TARGETS } from '../targets/registry';
import type { TargetContext } from '../targets/target';
import { inputFingerprint } from './input-fingerprint';
import { checkOutputPlace, claimSlug } from './output-place';
import { printTurns } from '../targets/print-turns';
import { resolveSources } from './sources';
import { TOOL_VERSION } from '../artifacts/tool-version';
import { fontPackageDirs, loadThemeAt, themeDir } from '../theme/load-theme';
import { EMOJI_PACKAGE } from '../theme/emoji-font';
import { KATEX_DIST } from '../math/katex';
import { themeContrastWarnings } from '../theme/contrast';
import type { Theme } from '../theme/theme-schema';

export interface BuildOptions {
  sources: readonly string[];
  /** The project's folder: its `content/` (when no source is named), its `themes/` and, unless `config` names one, its configuration. */
  root: string;
  /** The configuration file, when it is not the one in `root`. */
  config?: string;
  outDir: string;
  only?: readonly TargetName[];
  /** Progress lines for a person watching ("deck: rendering"). */
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Rebuild every artifact even when its inputs are unchanged. */
  force?: boolean;
  /** A browser to reuse (watch mode keeps one warm); otherwise one is launched and closed here. */
  browser?: BrowserService;
  /** The targets' pages stay open for the next build (watch, preview), not only for the next source of this one. */
  keepPages?: boolean;
  /** Every target writes its HTML before any starts printing: someone is looking at the HTML (watch, preview). */
  htmlFirst?: boolean;
  /** Each artifact as soon as it is in place (its full path), for work that can start on it before the build ends. */
  onArtifact?: (path: string) => void;
  /** `deck`: every source is read as a Marp deck (`--as deck`), whatever the configuration's `as` says. */
  as?: ReadAs;
}

export interface ProgressEvent {
  slug: string;
  target?: TargetName;
  message: string;
}

export interface BuildResult {
  files: VFile[];
  reports: BuildReport[];
  ok: boolean;
}

/** Source -> model -> targets -> artifacts + report, for each source, with one browser for all. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const config = loadConfig(options.root, options.config);
  const files: VFile[] = config.file.messages.length > 0 ? [config.file] : [];
  if (hasErrors(config.file)) return { files, reports: [], ok: false };
  const browser = options.browser ?? new BrowserService();
  const reports: BuildReport[] = [];
  try {
    const sources = await resolveSources(options.sources, options.root);
    const sourceDirs = sources.map((source) => dirname(resolve(source)));
    await checkOutputPlace(options.outDir, options.sources.length > 0 ? sourceDirs : [join(options.root, 'content'), ...sourceDirs]);
    await withOutputFaults(options.outDir, () => mkdir(options.outDir, { recursive: true }));
    const slugs = await outputSlugs(sources, options.outDir);
    // Sources build side by side, as many as the cores allow, in one browser; reports keep the sources' order.
    const limit = pLimit(sourceConcurrency(sources.length));
    let waiting = sources.length;
    const outcomes = await Promise.allSettled(
      sources.map((source) =>
        limit(async () => {
          options.signal?.throwIfAborted();
          waiting -= 1;
          // A source still waiting will take the pages this one leaves.
          const keepPages = options.keepPages === true || waiting > 0;
          return buildSource(source, slugs.get(resolve(source))!, readingAs(config.settings, options.as), browser, keepPages, options).catch((error: unknown) => {
            // One source that breaks the build in an unforeseen way must not cost the others theirs.
            if ((error as Error).name === 'AbortError' || isTriptyqueError(error)) throw error;
            return failedSource(source, slugs.get(resolve(source))!.slug, error);
          });
        }),
      ),
    );
    const thrown = outcomes.find((outcome) => outcome.status === 'rejected');
    if (thrown) throw thrown.reason;
    for (const outcome of outcomes) {
      if (outcome.status !== 'fulfilled') continue;
      files.push(outcome.value.file);
      reports.push(outcome.value.report);
    }
  } finally {
    if (!options.browser) await browser.close();
  }
  return { files, reports, ok: reports.every((report) => report.ok) && !files.some(hasErrors) };
}

/** Each source's folder: its slug's, unless another source's publication or files no build wrote are there. */
async function outputSlugs(sources: readonly string[], outDir: string): Promise<Map<string, AssignedSlug>> {
  const assigned = assignSlugs(sources.map((source) => resolve(source)));
  const bases = new Set([...assigned.values()].map((slug) => slug.slug));
  const claimed = new Set<string>();
  for (const [path, slug] of assigned) {
    const own = await claimSlug(outDir, path, slug, (candidate) => claimed.has(candidate) || bases.has(candidate));
    claimed.add(own.slug);
    assigned.set(path, own);
  }
  return assigned;
}

/**
 * Each source already keeps a core busy with its three targets' pages; more sources at once than cores
 * only adds memory (a renderer per page). Capped so a large machine does not open dozens of pages.
 */
function sourceConcurrency(count: number): number {
  return Math.max(1, Math.min(count, availableParallelism(), 4));
}

async function buildSource(
  source: string,
  assigned: AssignedSlug,
  projectSettings: Parameters<typeof loadSource>[1],
  browser: BrowserService,
  keepPages: boolean,
  options: BuildOptions,
): Promise<{ report: BuildReport; file: VFile }> {
  const started = performance.now();
  const { slug } = assigned;
  const loaded = await loadSource(source, projectSettings, slug);
  const { file, publication, settings } = loaded;
  if (assigned.moved) file.message(operations.slugMoved(slug, assigned.moved.base, assigned.moved.why), { place: { line: 1, column: 1 }, ruleId: 'slug-renamed', source: 'triptyque' });
  if (assigned.sharedWith) {
    file.message(`another source of this build is also named ${assigned.sharedWith}: this one is written to ${slug}/`, { place: { line: 1, column: 1 }, ruleId: 'slug-renamed', source: 'triptyque' });
  }
  const report: BuildReport = {
    source,
    slug,
    tool: { name: 'triptyque', version: TOOL_VERSION },
    builtAt: buildTime(),
    ok: false,
    durationMs: 0,
    targets: {},
    diagnostics: [],
  };
  const outDir = resolve(options.outDir, slug);
  const unlock = await withOutputFaults(outDir, async () => {
    await mkdir(outDir, { recursive: true });
    return lockOutput(outDir, {
      signal: options.signal,
      onWait: (pid) => options.onProgress?.({ slug, message: operations.buildWaiting(pid, outDir) }),
      onTakeover: (note) => file.info(note, { ruleId: 'lock-taken-over', source: 'triptyque' }),
    });
  });
  try {
    await removeDeadTemporaries(outDir);
    if (publication && settings && !hasErrors(file)) {
      report.model = modelCounts(publication);
      reportThemeWarnings(file, settings.theme, themeDir(settings.theme, options.root));
      const earlierReport = await readReport(outDir);
      const previous = options.force ? undefined : earlierReport;
      const sourceDir = dirname(resolve(source));
      const selected = options.only?.length ? TARGET_NAMES.filter((name) => options.only!.includes(name)) : TARGET_NAMES;
      const turns = printTurns(selected, options.htmlFirst ?? false);
      const write = artifactWriter(outDir);
      const projectThemeDir = themeDir(settings.theme, options.root);
      const context = (target: TargetName): TargetContext => ({
        publication,
        settings,
        file,
        outDir,
        earlier: earlierReport?.targets[target],
        sourceDir,
        themeDir: projectThemeDir,
        allowedRoots: [sourceDir, BUILT_IN_THEMES_DIR, projectThemeDir, ...themeFontDirs(settings.theme, projectThemeDir), packageDir(EMOJI_PACKAGE), KATEX_DIST, outDir],
        browser,
        keepPages,
        write: async (name, data) => {
          const record = await write(name, data);
          options.onArtifact?.(record.path);
          return record;
        },
        progress: (message) => options.onProgress?.({ slug, target, message }),
        turn: turns.get(target)!,
        signal: options.signal,
      });
      // `--only` rebuilds some targets: the report keeps what it said of the others.
      for (const name of TARGET_NAMES) {
        const earlier = earlierReport?.targets[name];
        if (!selected.includes(name) && earlier) report.targets[name] = { ...earlier, cached: true, durationMs: 0 };
      }
      // Every target settles before the lock is released: one failing must not leave another writing.
      const settled = await Promise.allSettled(
        selected.map(async (name) => {
          const turn = turns.get(name)!;
          try {
            const inputHash = await inputFingerprint({ target: name, sourcePath: source, sourceDir, publication, settings, themeDir: projectThemeDir });
            const kept = await upToDate(previous?.targets[name], inputHash, outDir);
            if (kept) {
              options.onProgress?.({ slug, target: name, message: 'up to date' });
              return { ...kept, cached: true, durationMs: 0 };
            }
            // Chromium starts (about a second on busy cores) and opens this target's page while its code loads.
            if (BROWSER_TARGETS.has(name)) browser.warmUp(1);
            return { ...(await runTarget(name, context(name))), inputHash };
          } finally {
            // A target up to date, failed or done holds no other's prints back.
            turn.htmlWritten();
          }
        }),
      );
      const failure = settled.find((outcome) => outcome.status === 'rejected');
      if (failure) throw failure.reason;
      const results = settled.map((outcome) => (outcome as PromiseFulfilledResult<TargetReport>).value);
      selected.forEach((name, index) => (report.targets[name] = results[index]));
    } else {
      options.onProgress?.({ slug, message: 'not built: the source has errors' });
    }
    report.durationMs = Math.round(performance.now() - started);
    report.diagnostics = file.messages.map((message) => toDiagnostic(message, file));
    report.ok = !hasErrors(file) && Object.values(report.targets).every((target) => target.ok);
    // The report of a source that could not even be parsed still lands, so a person can read why.
    await writeAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await unlock();
  }
  return { report, file };
}

/** The report of a source whose build threw something unforeseen: an error located at its first line. */
function failedSource(source: string, slug: string, error: unknown): { report: BuildReport; file: VFile } {
  const file = new VFile({ path: source });
  const reason = `could not be built: ${(error as Error).message ?? String(error)} (this is a bug in triptyque; run again with TRIPTYQUE_DEBUG=1 to see where)`;
  file.message(reason, { place: { line: 1, column: 1 }, ruleId: 'build-crashed', source: 'triptyque' }).fatal = true;
  if (process.env['TRIPTYQUE_DEBUG']) console.error((error as Error).stack);
  const report: BuildReport = { source, slug, tool: { name: 'triptyque', version: TOOL_VERSION }, builtAt: buildTime(), ok: false, durationMs: 0, targets: {}, diagnostics: [] };
  report.diagnostics = file.messages.map((message) => toDiagnostic(message, file));
  return { report, file };
}

/** The previous run of a target, if its inputs are the same and its artifacts are all still there. */
async function upToDate(previous: TargetReport | undefined, inputHash: string, outDir: string): Promise<TargetReport | undefined> {
  if (!previous?.ok || previous.inputHash !== inputHash || previous.artifacts.length === 0) return undefined;
  for (const artifact of previous.artifacts) {
    const size = await stat(join(outDir, artifact.name)).then((s) => s.size, () => -1);
    if (size !== artifact.bytes) return undefined;
  }
  return previous;
}

async function runTarget(name: TargetName, context: TargetContext): Promise<TargetReport> {
  const started = performance.now();
  context.progress('rendering');
  try {
    context.signal?.throwIfAborted();
    const target = await TARGETS[name]();
    const result = await target.render(context);
    const durationMs = Math.round(performance.now() - started);
    context.progress(`done in ${durationMs} ms`);
    return { ok: true, durationMs, artifacts: result.artifacts.map(({ name, bytes }) => ({ name, bytes })), counts: result.counts, details: result.details };
  } catch (thrown) {
    // A browser that stopped answering is an operational failure of this target, not a bug.
    const error = asBrowserFailure(thrown);
    if (!isTriptyqueError(error)) throw error;
    const durationMs = Math.round(performance.now() - started);
    context.progress(`failed: ${error.message}`);
    // A failed target fails the build; its other artifacts, and earlier builds' files, stay as they were.
    if (!hasErrors(context.file)) context.file.message(`${name}: ${error.message}`, { ruleId: `${name}-failed`, source: 'triptyque' }).fatal = true;
    return { ok: false, durationMs, artifacts: [], counts: {}, error: error.message };
  }
}

/** A brand font replaced by a local one and the like: said once per build of a source; a theme that cannot be read fails in each target. */
function reportThemeWarnings(file: VFile, theme: string, dir: string): void {
  let loaded: Theme;
  try {
    loaded = loadThemeAt(dir, theme);
  } catch {
    return;
  }
  for (const warning of loaded.warnings) file.message(warning, { ruleId: 'theme-font', source: 'triptyque' });
  for (const warning of themeContrastWarnings(loaded)) file.message(warning, { ruleId: 'theme-contrast', source: 'triptyque' });
}

/** The folders of the theme's font packages, wherever npm put them; none when the theme cannot be read (each target says why). */
function themeFontDirs(theme: string, dir: string): string[] {
  try {
    return fontPackageDirs(loadThemeAt(dir, theme));
  } catch {
    return [];
  }
}
