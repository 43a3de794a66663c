/** A URL-safe anchor from a title: lower case, accents dropped, words joined by hyphens. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'section';
}

/**
 * Returns a function that hands out unique anchors, suffixing repeats with -2, -3... An anchor
 * the author gave (`{#id}`) is kept as written, so links to it work, unless an earlier one took it.
 */
export function uniqueSlugger(): (text: string, given?: string) => string {
  const seen = new Map<string, number>();
  return (text, given) => {
    const base = given || slugify(text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/** The endings of Markdown sources other tools write: pandoc's, Quarto's, R Markdown's, MDX. */
export const SOURCE_EXTENSION = /\.(md|markdown|qmd|rmd|mdx)$/i;

/**
 * A source's slug, its output folder's name: the file name without its Markdown ending, in NFC, kept to the
 * letters (with their marks) and digits of every script, `.`, `_` and `-`, never starting with a
 * dot, so never `.`, `..` or empty, and never one slug for two names that differ only in script.
 */
export function sourceSlug(path: string): string {
  const name = path.replace(/^.*[\\/]/, '').replace(SOURCE_EXTENSION, '').normalize('NFC');
  return [...name.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '')].slice(0, 100).join('') || 'source';
}

export interface AssignedSlug {
  slug: string;
  /** The slug the file name alone gave, when another source of the build had it too. */
  sharedWith?: string;
  /** The slug's folder in the output belonged to another source or to no build: the folder used instead. */
  moved?: { base: string; why: 'other-source' | 'not-ours' };
}

/** Slugs for one build's sources: sources with the same file name get their folder's name in front. */
export function assignSlugs(paths: readonly string[]): Map<string, AssignedSlug> {
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(sourceSlug(path), (counts.get(sourceSlug(path)) ?? 0) + 1);
  const taken = new Set<string>();
  const assigned = new Map<string, AssignedSlug>();
  for (const path of paths) {
    const base = sourceSlug(path);
    if (counts.get(base) === 1) {
      assigned.set(path, { slug: base });
      taken.add(base);
      continue;
    }
    const folder = sourceSlug(path.replace(/[\\/][^\\/]*$/, ''));
    let slug = `${folder}-${base}`;
    for (let n = 2; taken.has(slug) || counts.has(slug); n++) slug = `${folder}-${base}-${n}`;
    taken.add(slug);
    assigned.set(path, { slug, sharedWith: base });
  }
  return assigned;
}
