import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { check } from '../scripts/core/check';
import { importDocument, type ImportedDocument } from '../scripts/import/import-document';
import { PACKAGE_ROOT } from '../scripts/paths';
import { REAL_SOURCE, tempDir } from './helpers';
import { tool } from './tools';
import { ORACLE_FILTER, oracleText, pandoc, wordsOf } from './import-oracle';

/** The share of `expected`'s words found in `actual` in the same order (longest common subsequence). */
function inOrderShare(expected: string[], actual: string[]): number {
  if (expected.length === 0) return 1;
  let previous = new Uint32Array(actual.length + 1);
  let current = new Uint32Array(actual.length + 1);
  for (const word of expected) {
    for (let j = 1; j <= actual.length; j++) current[j] = word === actual[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[actual.length]! / expected.length;
}

const headingsOf = (markdown: string) => {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, '')) as Root;
  return tree.children.filter((node) => node.type === 'heading').map((node) => toString(node).replace(/[’']/g, "'").replace(/\s+/g, ' ').trim());
};

/** The text of a source as a reader reads it: pandoc's plain text of its Markdown, title block included. */
const plainWords = (markdown: string) => wordsOf(pandoc(['-f', 'gfm+footnotes+yaml_metadata_block', '-t', 'plain', '-s', '--wrap=none'], markdown.replace(/<\/?(sup|sub)>|<br\s*\/?>/g, ' ')));

async function importPdf(pdf: string): Promise<{ imported: ImportedDocument; errors: string[] }> {
  const dir = tempDir('triptyque-pdf-import-');
  mkdirSync(join(dir, 'content'));
  const output = join(dir, 'content', 'imported.md');
  const imported = await importDocument(pdf, output);
  if ('failure' in imported) throw new Error(imported.failure);
  writeFileSync(output, imported.markdown);
  const result = await check({ sources: [output], root: dir });
  return { imported, errors: result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${message.line}:${message.column} ${message.ruleId}`)) };
}

const browser = new BrowserService();
afterAll(() => browser.close());

describe('a PDF imported back to Markdown', () => {
  it('the project\'s own brochure: its headings, its words in order, no running head or page number', async () => {
    const out = tempDir('triptyque-pdf-brochure-');
    await build({ sources: [REAL_SOURCE], root: PACKAGE_ROOT, outDir: out, browser, only: ['brochure'] });
    const pdf = join(out, '2010-05-27-travailler-en-reseau', 'brochure.pdf');
    const { imported, errors } = await importPdf(pdf);
    expect(errors).toEqual([]);
    const source = readFileSync(REAL_SOURCE, 'utf8');
    const expectedHeadings = headingsOf(source);
    const found = headingsOf(imported.markdown);
    expect(expectedHeadings.filter((heading) => !found.includes(heading))).toEqual([]);
    // A running head repeats a chapter's title: the import has each title as often as the source.
    const count = (text: string, what: string) => text.split(what).length - 1;
    const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/[’']/g, "'");
    for (const heading of expectedHeadings) expect(count(body(imported.markdown), heading), heading).toBe(count(body(source), heading));
    expect(imported.markdown).not.toMatch(/^\s*\d+\s*$/m);
    expect(imported.markdown).not.toContain('\u2010');
    expect(inOrderShare(plainWords(source), plainWords(imported.markdown))).toBeGreaterThanOrEqual(0.97);
  });

  it('a two-column PDF with a running head and page numbers: read column by column', async () => {
    const pdf = join(import.meta.dirname, 'corpus', 'pdf', 'two-columns-hyphen-readme.pdf');
    const { imported, errors } = await importPdf(pdf);
    expect(errors).toEqual([]);
    // The page Chromium printed (hyphen's README, laid out in two columns).
    const printed = join(import.meta.dirname, 'corpus', 'pdf', 'two-columns-hyphen-readme.html');
    expect(headingsOf(imported.markdown)).toEqual(expect.arrayContaining(['Factory function', 'Predefined functions', 'Alternatives', 'Migration']));
    expect(imported.markdown).not.toContain('text hyphenation in JavaScript\n');
    expect(imported.markdown).not.toMatch(/^\s*\d+\s*$/m);
    expect(inOrderShare(wordsOf(pandoc([printed, '-f', 'html', '-t', 'plain', '--wrap=none'])), plainWords(imported.markdown))).toBeGreaterThanOrEqual(0.97);
  });

  it('a LibreOffice export of a corpus document: its headings and its words in order', async () => {
    const dir = tempDir('triptyque-pdf-soffice-');
    const docx = join(import.meta.dirname, 'corpus', 'docx', 'docx4j-toc.docx');
    copyFileSync(docx, join(dir, 'declaration.docx'));
    spawnSync(tool('soffice'), ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'declaration.docx')]);
    const pdf = join(dir, 'declaration.pdf');
    expect(existsSync(pdf)).toBe(true);
    const { imported, errors } = await importPdf(pdf);
    expect(errors).toEqual([]);
    const filter = join(dir, 'oracle.lua');
    writeFileSync(filter, ORACLE_FILTER);
    const docxHeadings = headingsOf(pandoc([docx, '-t', 'gfm']));
    const found = headingsOf(imported.markdown);
    expect(docxHeadings.filter((heading) => heading !== 'Contents' && !found.includes(heading))).toEqual([]);
    expect(imported.markdown).not.toMatch(/^\s*\d+\s*$/m);
    expect(inOrderShare(wordsOf(oracleText(docx, filter)), plainWords(imported.markdown))).toBeGreaterThanOrEqual(0.97);
  });
});
