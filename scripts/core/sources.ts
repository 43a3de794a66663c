import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** With no source named, every `content/*.md` of the project, in name order. */
export async function resolveSources(sources: readonly string[], root: string): Promise<string[]> {
  if (sources.length > 0) return [...sources];
  const dir = join(root, 'content');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.md')).sort().map((name) => join(dir, name));
}
