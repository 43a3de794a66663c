import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TriptyqueError } from '../errors';
import { SOURCE_EXTENSION } from '../model/slug';

/** With no source named, every Markdown source of the project's `content/` (`.md`, `.qmd`, `.Rmd`, `.mdx`...), in name order. */
export async function resolveSources(sources: readonly string[], root: string): Promise<string[]> {
  // An empty argument (an unset shell variable, `""`) names no file: said as such, not as a missing file.
  if (sources.some((source) => source.trim() === '')) throw new TriptyqueError('USAGE', 'a SOURCE argument is empty: name a Markdown file, or none to build every content/*.md');
  if (sources.length > 0) return [...sources];
  const dir = join(root, 'content');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => SOURCE_EXTENSION.test(name)).sort().map((name) => join(dir, name));
}
