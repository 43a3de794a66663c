import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readReport, type BuildReport } from '../artifacts/report';
import { writeAtomic, type ArtifactRecord } from '../artifacts/write-artifact';
import { buildTime } from '../artifacts/build-time';
import { TriptyqueError } from '../errors';
import { operations } from '../messages/operations';
import { GALLERY_TITLE, galleryHtml } from './gallery-html';
import { readSourceView } from './source-view';
import { updateThumbnails, type EarlyDrawings } from './thumbnails';

export interface WriteGalleryOptions {
  /** The build's output folder: the gallery is `DIR/index.html`, thumbnails go to `DIR/<slug>/thumbs/`. */
  outDir: string;
  /** One report per source to show, in order. */
  reports: readonly BuildReport[];
  /** Diagnostics' file names are shown relative to this folder. */
  root?: string;
  /** Thumbnails begun while the build was still running. */
  early?: EarlyDrawings;
}

/** Writes `DIR/index.html`: every source's status, slide and page thumbnails, digest, files and diagnostics. */
export async function writeGallery(options: WriteGalleryOptions): Promise<ArtifactRecord> {
  const outDir = resolve(options.outDir);
  const views = [];
  for (const report of options.reports) {
    const slugDir = join(outDir, report.slug);
    await updateThumbnails(slugDir, options.early);
    views.push(await readSourceView(report, slugDir));
  }
  const path = join(outDir, 'index.html');
  // `--out` may be a folder of the person's own: an index.html the gallery did not write stays.
  const earlier = await readFile(path, 'utf8').catch(() => undefined);
  if (earlier !== undefined && !earlier.includes(GALLERY_TITLE)) throw new TriptyqueError('IO', operations.galleryNotOurs(path));
  const html = galleryHtml(views, { generatedAt: new Date(buildTime()).toUTCString(), root: options.root });
  return { name: 'index.html', path, bytes: await writeAtomic(path, html) };
}

/** The reports of this build first, then those earlier builds left in other folders of DIR: the gallery shows every source in DIR. */
export async function reportsInOutput(outDir: string, fresh: readonly BuildReport[]): Promise<BuildReport[]> {
  const slugs = new Set(fresh.map((report) => report.slug));
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const earlier: BuildReport[] = [];
  for (const entry of entries.filter((e) => e.isDirectory() && !slugs.has(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
    const report = await readReport(join(outDir, entry.name));
    if (report) earlier.push(report);
  }
  return [...fresh, ...earlier];
}
