import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { tempDir } from './helpers';
import { tool } from './tools';

/** bookdown's own demo chapters (corpus/rmarkdown/SOURCES.md): math, inline notes with math, \@ref(), citations without the book's bibliography. */
const CORPUS = join(import.meta.dirname, 'corpus', 'rmarkdown');
const CHAPTERS = ['bookdown-demo-01-intro.Rmd', 'bookdown-demo-03-method.Rmd'];
const SYNTAX = ['$', '\\frac', '\\sqrt', '[@', '@ref(', '\\@', '^['];

const browser = new BrowserService();
afterAll(() => browser.close());

describe("bookdown's demo chapters, taken as they are", () => {
  it('build in every target with no R Markdown syntax in the text of brochure.pdf and deck.pdf, and one warning for the citations', async () => {
    const outDir = tempDir('triptyque-rmarkdown-');
    const result = await build({ sources: CHAPTERS.map((name) => join(CORPUS, name)), root: PACKAGE_ROOT, outDir, browser });
    for (const [index, report] of result.reports.entries()) {
      expect([report.targets.deck?.ok, report.targets.brochure?.ok, report.targets.digest?.ok], report.slug).toEqual([true, true, true]);
      for (const pdf of ['brochure.pdf', 'deck.pdf']) {
        const printed = execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', join(outDir, report.slug, pdf), '-'], { encoding: 'utf8' });
        expect(SYNTAX.filter((syntax) => printed.includes(syntax)), `${report.slug}/${pdf}`).toEqual([]);
      }
      const rules = result.files[index]!.messages.map((message) => message.ruleId);
      expect(rules.filter((rule) => rule === 'citation-unresolved').length).toBe(index === 0 ? 1 : 0);
    }
    const intro = execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', join(outDir, result.reports[0]!.slug, 'brochure.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
    expect(intro).toContain('Chapter Introduction');
    expect(intro).toContain('(R-bookdown)');
    expect(intro).toContain('(Xie 2015)');
  }, 300_000);
});
