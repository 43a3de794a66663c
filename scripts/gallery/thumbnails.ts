import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import pLimit from 'p-limit';
import { writeAtomic } from '../artifacts/write-artifact';
import { renderPdfPages } from './pdf-pages';

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
  /** The printed PDF the pictures are drawn from. */
  from: string;
  /** The file that fixes what the PDF looks like: the PDF itself differs from build to build (its dates). */
  keyFrom: string;
  width: number;
}

const RECIPES: Recipe[] = [
  { kind: 'slides', prefix: 'slide', from: 'deck.pdf', keyFrom: 'deck.html', width: SLIDE_WIDTH },
  { kind: 'pages', prefix: 'page', from: 'brochure.pdf', keyFrom: 'brochure.html', width: PAGE_WIDTH },
];

/**
 * Thumbnails drawn as soon as the build has written a PDF they come from, while the other targets
 * finish: the gallery takes them then, instead of drawing every set after the build.
 */
export class EarlyDrawings {
  private readonly drawings = new Map<string, Promise<Buffer[]>>();
  // Two at a time, whatever the number of sources: each drawing is a worker with pdf.js in it.
  private readonly limit = pLimit(2);

  /** Starts drawing `path` if the gallery draws from a file of that name. */
  artifactWritten(path: string): void {
    const recipe = RECIPES.find((candidate) => basename(path) === candidate.from);
    if (!recipe) return;
    const drawing = this.limit(() => renderPdfPages(path, { width: recipe.width }));
    // A drawing the gallery does not take (its set was current) must not count as unhandled.
    drawing.catch(() => undefined);
    this.drawings.set(path, drawing);
  }

  /** The drawing of `path` started early, if any; taken once. */
  take(path: string): Promise<Buffer[]> | undefined {
    const drawing = this.drawings.get(path);
    this.drawings.delete(path);
    return drawing;
  }
}

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
 * Small JPEGs of every slide and every brochure page under `<slugDir>/thumbs/`, drawn from the
 * PDFs the build printed, both at once. A set whose PDF shows the same thing as when it was made
 * (same content hash) is kept, so a rebuild of one target, of another source, or a `--force`
 * build that changed nothing costs nothing here.
 */
export async function updateThumbnails(slugDir: string, early?: EarlyDrawings): Promise<Thumbnails> {
  const previous = await readThumbnails(slugDir);
  await mkdir(join(slugDir, THUMBS_DIR), { recursive: true });
  const made = await Promise.all(RECIPES.map((recipe) => thumbnailSet(slugDir, recipe, previous[recipe.kind], early)));
  const next: Thumbnails = { problems: [] };
  for (const [index, recipe] of RECIPES.entries()) {
    const set = made[index];
    if (typeof set === 'string') next.problems.push(set);
    else if (set) next[recipe.kind] = set;
  }
  await removeStale(slugDir, next);
  await writeAtomic(join(slugDir, THUMBS_DIR, MANIFEST), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/** The recipe's set, kept or drawn again; nothing when its PDF is not built; a problem's text when it cannot be drawn. */
async function thumbnailSet(slugDir: string, recipe: Recipe, kept: ThumbnailSet | undefined, early?: EarlyDrawings): Promise<ThumbnailSet | string | undefined> {
  const key = await contentKey(slugDir, recipe);
  if (key === undefined) return undefined;
  if (kept && kept.from === recipe.from && kept.key === key && (await allExist(slugDir, kept.files))) return kept;
  try {
    const pdf = join(slugDir, recipe.from);
    const images = await (early?.take(pdf) ?? renderPdfPages(pdf, { width: recipe.width }));
    const files = images.map((_, index) => `${THUMBS_DIR}/${recipe.prefix}-${String(index + 1).padStart(2, '0')}.jpg`);
    await Promise.all(images.map((image, index) => writeAtomic(join(slugDir, files[index]!), image)));
    return { from: recipe.from, key, files };
  } catch (error) {
    return `${recipe.kind} of ${recipe.from}: ${(error as Error).message}`;
  }
}

async function contentKey(dir: string, recipe: Recipe): Promise<string | undefined> {
  const info = await stat(join(dir, recipe.from)).catch(() => undefined);
  if (!info?.isFile() || info.size === 0) return undefined;
  const bytes = await readFile(join(dir, recipe.keyFrom)).catch(() => readFile(join(dir, recipe.from)));
  return createHash('sha256').update(bytes).digest('hex');
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
