import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../artifacts/write-artifact';
import type { BrowserService } from '../browser/browser-service';
import { renderPdfPages } from './pdf-pages';
import { screenshotSlides } from './slide-shots';

export const THUMBS_DIR = 'thumbs';
const MANIFEST = 'manifest.json';

/** Widths in pixels: twice what the gallery shows, so they stay sharp on high-density screens. */
const SLIDE_WIDTH = 400;
const PAGE_WIDTH = 300;

export type ThumbnailKind = 'slides' | 'pages';

export interface ThumbnailSet {
  /** The artifact they were made from (`deck.html`, `brochure.pdf`). */
  from: string;
  /** Hash of what that artifact was made from: unchanged means the thumbnails are current. */
  key: string;
  /** Paths relative to the source's output folder, in order (`thumbs/slide-01.jpg`). */
  files: string[];
}

export interface Thumbnails {
  slides?: ThumbnailSet;
  pages?: ThumbnailSet;
  /** Why a set could not be made (a corrupt PDF...), for the gallery to say. */
  problems: string[];
}

interface Recipe {
  kind: ThumbnailKind;
  prefix: string;
  /**
   * Candidate artifacts, best first, with how to picture each; `keyFrom`, the file that fixes
   * what it looks like when the artifact itself differs from build to build (a PDF's dates).
   */
  sources: { name: string; keyFrom?: string; render: (browser: BrowserService, path: string, roots: readonly string[]) => Promise<Buffer[]> }[];
}

const RECIPES: Recipe[] = [
  {
    kind: 'slides',
    prefix: 'slide',
    sources: [
      { name: 'deck.html', render: (browser, path, roots) => screenshotSlides(browser, path, { width: SLIDE_WIDTH, allowedRoots: roots }) },
      { name: 'deck.pdf', render: (browser, path) => renderPdfPages(browser, path, { width: SLIDE_WIDTH }) },
    ],
  },
  { kind: 'pages', prefix: 'page', sources: [{ name: 'brochure.pdf', keyFrom: 'brochure.html', render: (browser, path) => renderPdfPages(browser, path, { width: PAGE_WIDTH }) }] },
];

/** The thumbnails last written for a source's output folder (nothing if none). */
export async function readThumbnails(slugDir: string): Promise<Thumbnails> {
  try {
    const saved = JSON.parse(await readFile(join(slugDir, THUMBS_DIR, MANIFEST), 'utf8')) as Partial<Thumbnails>;
    return { slides: saved.slides, pages: saved.pages, problems: saved.problems ?? [] };
  } catch {
    return { problems: [] };
  }
}

/**
 * Small JPEGs of every slide and every brochure page under `<slugDir>/thumbs/`. A set whose
 * artifact shows the same thing as when it was made (same content hash) is kept, so a rebuild
 * of one target, of another source, or a `--force` build that changed nothing costs nothing here.
 */
export async function updateThumbnails(browser: BrowserService, slugDir: string, allowedRoots: readonly string[]): Promise<Thumbnails> {
  const previous = await readThumbnails(slugDir);
  const next: Thumbnails = { problems: [] };
  await mkdir(join(slugDir, THUMBS_DIR), { recursive: true });
  for (const recipe of RECIPES) {
    const found = await firstExisting(slugDir, recipe.sources);
    const kept = previous[recipe.kind];
    if (!found) continue;
    if (kept && kept.from === found.name && kept.key === found.key && (await allExist(slugDir, kept.files))) {
      next[recipe.kind] = kept;
      continue;
    }
    const source = recipe.sources.find((candidate) => candidate.name === found.name)!;
    try {
      const images = await source.render(browser, join(slugDir, found.name), allowedRoots);
      const files = images.map((_, index) => `${THUMBS_DIR}/${recipe.prefix}-${String(index + 1).padStart(2, '0')}.jpg`);
      await Promise.all(images.map((image, index) => writeAtomic(join(slugDir, files[index]!), image)));
      next[recipe.kind] = { from: found.name, key: found.key, files };
    } catch (error) {
      next.problems.push(`${recipe.kind} of ${found.name}: ${(error as Error).message}`);
    }
  }
  await removeStale(slugDir, next);
  await writeAtomic(join(slugDir, THUMBS_DIR, MANIFEST), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

async function firstExisting(dir: string, sources: Recipe['sources']): Promise<{ name: string; key: string } | undefined> {
  for (const { name, keyFrom } of sources) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (!info?.isFile() || info.size === 0) continue;
    const keyFile = keyFrom === undefined ? name : keyFrom;
    const bytes = await readFile(join(dir, keyFile)).catch(() => readFile(join(dir, name)));
    return { name, key: createHash('sha256').update(bytes).digest('hex') };
  }
  return undefined;
}

async function allExist(dir: string, files: string[]): Promise<boolean> {
  const found = await Promise.all(files.map((file) => stat(join(dir, file)).then(() => true, () => false)));
  return found.every(Boolean);
}

/** A deck that lost slides must not keep showing the old last ones. */
async function removeStale(slugDir: string, current: Thumbnails): Promise<void> {
  const keep = new Set([...(current.slides?.files ?? []), ...(current.pages?.files ?? [])].map((file) => file.slice(THUMBS_DIR.length + 1)));
  const names = await readdir(join(slugDir, THUMBS_DIR)).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.endsWith('.jpg') && !keep.has(name)).map((name) => rm(join(slugDir, THUMBS_DIR, name), { force: true })));
}
