import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { check } from '../scripts/core/check';
import { importDocument } from '../scripts/import/import-document';
import { tempDir } from './helpers';

/**
 * A Word file made by `write` (at the path it is given), imported into `content/NAME.md` of a fresh
 * project and checked there as a user's next step would: the Markdown it became, which must check clean.
 */
export async function importedWordFile(name: string, write: (path: string) => Promise<void>) {
  const dir = tempDir();
  mkdirSync(join(dir, 'content'));
  const docx = join(dir, `${name}.docx`);
  await write(docx);
  const output = join(dir, 'content', `${name}.md`);
  const imported = await importDocument(docx, output);
  if ('failure' in imported) throw new Error(imported.failure);
  writeFileSync(output, imported.markdown);
  const result = await check({ sources: [output], root: dir });
  expect(result.ok).toBe(true);
  return { imported, source: imported.markdown, dir, output };
}
