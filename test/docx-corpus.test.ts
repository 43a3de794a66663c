import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../scripts/core/check';
import { hasErrors } from '../scripts/source/load-source';
import { importDocument, type ImportedDocument } from '../scripts/import/import-document';
import { tempDir } from './helpers';
import { corpusSample } from './corpus-sample';
import { importedScripts, importedText, keptShare, oracleScripts, oracleText, ORACLE_FILTER, wordsOf } from './import-oracle';

async function importOrThrow(input: string, output: string): Promise<ImportedDocument> {
  const imported = await importDocument(input, output);
  if ('failure' in imported) throw new Error(imported.failure);
  return imported;
}

/** Real Word files from the test suites of docx readers and writers (see corpus/docx/SOURCES.md). */
const CORPUS = join(import.meta.dirname, 'corpus', 'docx');

/** What the import does not do yet, each a failing case that says so (and fails the suite once it passes). */
const KNOWN_GAPS: Record<string, string> = {
  // Its second equation is Word's linear format left unbuilt (`\int_{0}^{1}x` typed as runs): mathml-to-latex writes
  // its bare `_` and `^` as \underline and \hat with nothing under or over them, KaTeX refuses that, so the
  // equation is kept as its typed text (with a note). Nothing is lost, but pandoc reads math there, whose signs
  // the oracle counts one by one (`i n t`), against the word `int` of the text.
  'docx2python-equations.docx': 'a linear-format equation no converter builds is kept as its typed text, where pandoc has math',
};

const only = process.env['CORPUS_ONLY'];
const every = readdirSync(CORPUS).filter((name) => /\.(docx|odt)$/.test(name) && (!only || name.includes(only))).sort();
const documents = only ? every : corpusSample('docx corpus', every, Object.keys(KNOWN_GAPS));
const work = tempDir('triptyque-docx-corpus-');
const filter = join(work, 'oracle.lua');
writeFileSync(filter, ORACLE_FILTER);


// pandoc is the oracle: without it the suite fails, naming the package, rather than skipping.

describe.each(documents)('the Word file %s, imported', (name) => {
  (KNOWN_GAPS[name] ? it.fails : it)(KNOWN_GAPS[name] ?? 'keeps pandoc\'s words and scripts, and builds', async () => {
    const dir = join(work, name.replace(/\W+/g, '-'));
    mkdirSync(join(dir, 'content'), { recursive: true });
    const output = join(dir, 'content', 'imported.md');
    const imported = await importOrThrow(join(CORPUS, name), output);
    writeFileSync(output, imported.markdown);
    const result = await check({ sources: [output], root: dir });
    const errors = result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`));
    const expected = wordsOf(oracleText(join(CORPUS, name), filter));
    const { share, missing } = keptShare(expected, wordsOf(importedText(imported.markdown, filter)));
    const scripts = { oracle: oracleScripts(join(CORPUS, name)), imported: importedScripts(imported.markdown) };
    if (process.env['IMPORT_REPORT']) console.log(JSON.stringify({ name, errors: errors.length, share: Number(share.toFixed(3)), scripts, missing: missing.slice(0, 12), firstError: errors[0] }));
    if (expected.length === 0) {
      // Text in headers and footers only (or a field pandoc does not read): it builds, or the one error says there is nothing to publish.
      expect(errors.filter((error) => error.split(' ')[1] !== 'empty-source')).toEqual([]);
      return;
    }
    expect(errors).toEqual([]);
    expect(result.files.some(hasErrors)).toBe(false);
    expect(share, `missing: ${missing.slice(0, 30).join(' ')}`).toBeGreaterThanOrEqual(0.98);
    expect(scripts.imported).toBeGreaterThanOrEqual(scripts.oracle);
    expect(imported.markdown).not.toMatch(/(?<!!)\[\]\(|^---\n\{\}/m);
  });
});
