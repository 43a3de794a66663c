import { readdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readReport } from '../artifacts/report';
import { TriptyqueError } from '../errors';
import { operations } from '../messages/operations';
import type { AssignedSlug } from '../model/slug';

/**
 * The output folder may not be, or contain, a folder a source is read from: every artifact is
 * written inside it, and `deck.md` over an author's `deck/deck.md` is a lost source.
 * `sourceDirs` are the sources' folders (`content/` when every `content/*.md` is built).
 */
export async function checkOutputPlace(outDir: string, sourceDirs: readonly string[]): Promise<void> {
  const out = await realFolder(outDir);
  for (const dir of new Set(sourceDirs)) {
    const real = await realFolder(dir);
    if (real === out || real.startsWith(out.endsWith(sep) ? out : `${out}${sep}`)) throw new TriptyqueError('USAGE', operations.outputHoldsSources(outDir, dir));
  }
}

/** The real path of `path`, or of its deepest existing folder with the rest appended. */
async function realFolder(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realFolder(parent), relative(parent, absolute));
  }
}


/**
 * The folder of `outDir` this source writes into: its slug's, unless that folder holds another
 * source's publication (its report.json names another source) or files no build wrote (no
 * report.json, no lock); then the next free `slug-2`, `slug-3`... `taken` tells the slugs other
 * sources of this build have. A folder a build of this source wrote is its own again.
 */
export async function claimSlug(outDir: string, source: string, assigned: AssignedSlug, taken: (slug: string) => boolean): Promise<AssignedSlug> {
  const base = assigned.slug;
  let why: 'other-source' | 'not-ours' | undefined;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (n > 1 && taken(slug)) continue;
    const found = await owner(join(outDir, slug), source);
    if (found === 'free' || found === 'this') return why ? { ...assigned, slug, moved: { base, why } } : assigned;
    why ??= found;
  }
}

async function owner(dir: string, source: string): Promise<'free' | 'this' | 'other-source' | 'not-ours'> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'free' : 'not-ours';
  }
  if (entries.length === 0) return 'free';
  const report = await readReport(dir);
  if (report) return resolve(report.source) === resolve(source) ? 'this' : 'other-source';
  // A first build killed before its report still left its lock: the folder is a build's.
  return entries.includes('.build.lock') ? 'this' : 'not-ours';
}
