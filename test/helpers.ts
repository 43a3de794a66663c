import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingsSchema } from '../scripts/config/schema';
import { loadSource } from '../scripts/source/load-source';

export const REAL_SOURCE = join(import.meta.dirname, '..', 'content', '2010-05-27-travailler-en-reseau.md');
export const RAW_SEED = join(import.meta.dirname, 'fixtures', 'seed', 'synthese-rencontre-2010-05-27.md');

export const FRONT_MATTER = '---\ntitle: Essai\ndate: 2024-01-15\n---\n\n';

export function tempDir(prefix = 'triptyque-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `markdown` to a fresh temporary file and returns its path. */
export function writeSource(markdown: string | Uint8Array, name = 'essai.md'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, markdown);
  return path;
}

export async function loadMarkdown(markdown: string) {
  return loadSource(writeSource(markdown), settingsSchema.parse({}));
}

/** `line:column rule` for each message, the form a test can compare. */
export function messagesOf(file: { messages: { line?: number | null; column?: number | null; ruleId?: string | null; fatal?: boolean | null }[] }): string[] {
  return file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}${m.fatal ? ' error' : ''}`);
}

/** Words of plain text: the targets may re-space, hyphenate (soft hyphens), curl quotes or split sentences. */
export function wordsOfText(text: string): string[] {
  return text
    .replace(/\u00ad/g, '')
    .replace(/[‘’]/gu, "'")
    .replace(/[“”]/gu, '"')
    .split(/[\s\u00a0\u202f]+/u)
    .map((word) => word.replace(/[«»?:;!,.…()–—"'-]/gu, ''))
    .filter(Boolean);
}

/** Words of an HTML fragment: inline tags join their text, other tags and entities separate words. */
export function words(html: string): string[] {
  return wordsOfText(
    html
      .replace(/<\/?(sup|em|strong|span|a)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' '),
  );
}

/** The words of `expected` (HTML) not found in `actual` (HTML), counting repeats. */
export function missingWords(expected: string, actual: string, split: (text: string) => string[] = words): string[] {
  const available = new Map<string, number>();
  for (const word of split(actual)) available.set(word, (available.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of split(expected)) {
    const count = available.get(word) ?? 0;
    if (count === 0) missing.push(word);
    else available.set(word, count - 1);
  }
  return missing;
}
