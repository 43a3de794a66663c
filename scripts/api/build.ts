import { isTriptyqueError } from '../errors';
import { join, resolve } from 'node:path';
import type { BuildReport, Diagnostic } from '../artifacts/report';
import { BrowserService } from '../browser/browser-service';
import { findProject } from '../config/load';
import { build as buildSources, type BuildResult, type ProgressEvent } from '../core/build';
import { EarlyDrawings } from '../gallery/thumbnails';
import { reportsInOutput, writeGallery } from '../gallery/write-gallery';
import type { TargetName } from '../model/types';
import type { ReadAs } from '../config/schema';
import { startRun, type Run } from './events';
import { diagnosticsOf, failureOf, type Failure } from './outcome';

export interface BuildOptions {
  /** Markdown files (from `cwd`); none: every `content/*.md` of the project. */
  sources?: readonly string[];
  /** Where the configuration is looked for, in this folder or its parents (default: the process's folder). */
  cwd?: string;
  /** The configuration file, instead of looking for one. */
  config?: string;
  /** Output folder (default: `output/` beside the configuration). */
  outDir?: string;
  /** Only these targets. */
  only?: readonly TargetName[];
  /** Rebuild every artifact, even those whose inputs are unchanged. */
  force?: boolean;
  /** Write `outDir/index.html`, the gallery of every slide and page (default: true). */
  gallery?: boolean;
  /** `deck`: every source is read as a Marp deck, its slides the author's, as if its front matter said `marp: true`. */
  as?: ReadAs;
  signal?: AbortSignal;
}

export interface BuildOutcome {
  /** Every source built and every target written, with no error in a source. */
  ok: boolean;
  outDir: string;
  /** One per source: what was written, counts, timings (as in each `report.json`). */
  reports: BuildReport[];
  /** Problems in the sources and the configuration, each at its file, line and column. */
  diagnostics: Diagnostic[];
  /** The gallery, when written. */
  gallery?: string;
  /** Why nothing (or not everything) could be built, when it is not the sources' fault. */
  failure?: Failure;
}

export interface BuildEvents extends Record<string, unknown> {
  progress: ProgressEvent;
  artifact: { path: string };
}

/**
 * Builds the deck, the brochure and the digest of each source, and the gallery. Errors are
 * values: a source's problems are `diagnostics`, an operational failure is `failure`.
 */
export function build(options: BuildOptions = {}): Run<BuildOutcome, BuildEvents> {
  return startRun<BuildOutcome, BuildEvents>(async (emit) => {
    const cwd = options.cwd ?? process.cwd();
    let outDir = resolve(cwd, options.outDir ?? 'output');
    try {
      const project = findProject(cwd, options.config);
      if (options.outDir === undefined) outDir = join(project.root, 'output');
      const result = await buildWithGallery({ ...options, root: project.root, config: project.config, outDir, onProgress: (event) => emit('progress', event), onArtifact: (path) => emit('artifact', { path }) });
      return { ok: result.ok, outDir, reports: result.reports, diagnostics: diagnosticsOf(result.files), gallery: result.gallery };
    } catch (error) {
      return { ok: false, outDir, reports: [], diagnostics: [], failure: failureOf(error) };
    }
  });
}

export interface BuildWithGalleryOptions {
  sources?: readonly string[];
  root: string;
  config?: string;
  outDir: string;
  only?: readonly TargetName[];
  force?: boolean;
  gallery?: boolean;
  as?: ReadAs;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  onArtifact?: (path: string) => void;
}

/** One build with one browser, then the gallery drawn from the printed PDFs while the browser closes. */
export async function buildWithGallery(options: BuildWithGalleryOptions): Promise<BuildResult & { gallery?: string; galleryError?: string }> {
  const gallery = options.gallery !== false;
  const browser = new BrowserService();
  // The thumbnails of a PDF are drawn from the moment it is written, while the other targets finish.
  const early = gallery ? new EarlyDrawings() : undefined;
  const onArtifact = (path: string) => {
    early?.artifactWritten(path);
    options.onArtifact?.(path);
  };
  let result: BuildResult;
  try {
    result = await buildSources({ sources: options.sources ?? [], root: options.root, config: options.config, outDir: options.outDir, only: options.only, force: options.force, as: options.as, signal: options.signal, onProgress: options.onProgress, browser, onArtifact });
  } catch (error) {
    await browser.close();
    throw error;
  }
  // The gallery draws from the printed PDFs, not in the browser: it is written while the browser
  // closes, once the pages kept for a next source are closed (their renderers' memory with them).
  await browser.releasePages();
  const closing = browser.close();
  try {
    if (gallery && result.reports.length > 0) {
      options.onProgress?.({ slug: 'gallery', message: 'thumbnails of every slide and page' });
      // A gallery that may not be written (an index.html no build wrote is there) is said, not thrown: the publications are built.
      return await writeGallery({ outDir: options.outDir, reports: await reportsInOutput(options.outDir, result.reports), root: options.root, early }).then(
        (written) => ({ ...result, gallery: written.path }),
        (error: unknown) => {
          if (!isTriptyqueError(error)) throw error;
          return { ...result, galleryError: error.message };
        },
      );
    }
    return result;
  } finally {
    await closing;
  }
}
