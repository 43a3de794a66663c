import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/**
 * A source `factor` times the size of the real one: the same front matter, then its body repeated,
 * each copy's headings numbered "(copie 2)", "(copie 3)"... so slugs, slides and chapters stay distinct.
 */
export function syntheticSource(source: string, factor: number): string {
  const frontMatter = FRONT_MATTER.exec(source)?.[0] ?? '';
  const body = source.slice(frontMatter.length).trim();
  const copies = [body];
  for (let copy = 2; copy <= factor; copy++) copies.push(numberHeadings(body, copy));
  return `${frontMatter}\n${copies.join('\n\n')}\n`;
}

function numberHeadings(body: string, copy: number): string {
  let fenced = false;
  return body
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,6} /.test(line) ? `${line.trimEnd()} (copie ${copy})` : line;
    })
    .join('\n');
}

/** Writes `<name>-x<factor>.md` for each factor into `dir` (the 1x is a plain copy) and returns the paths. */
export async function writeScaledSources(realSource: string, factors: readonly number[], dir: string): Promise<Map<number, string>> {
  await mkdir(dir, { recursive: true });
  const text = await readFile(realSource, 'utf8');
  const name = basename(realSource).replace(/\.md$/, '');
  const paths = new Map<number, string>();
  for (const factor of factors) {
    const path = join(dir, `${name}-x${factor}.md`);
    await writeFile(path, factor === 1 ? text : syntheticSource(text, factor));
    paths.set(factor, path);
  }
  return paths;
}

/**
 * The "one-paragraph edit" of the warm rebuild: a sentence appended to the first long plain paragraph,
 * numbered so every edit really changes the source.
 */
export function editOneParagraph(source: string, revision: number): string {
  const frontMatter = FRONT_MATTER.exec(source)?.[0] ?? '';
  const lines = source.slice(frontMatter.length).split('\n');
  const index = lines.findIndex((line) => line.length > 120 && /^\p{L}/u.test(line) && line.endsWith('.'));
  if (index < 0) throw new Error('no paragraph to edit in the source');
  lines[index] = `${lines[index]} Révision ${revision} de ce paragraphe.`;
  return frontMatter + lines.join('\n');
}
