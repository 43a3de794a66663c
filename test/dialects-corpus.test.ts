import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { pdfPageTexts } from '../scripts/targets/brochure/pdf-text';
import { overflowingSlides, pageText } from './deck-overflow';
import { comparableWords, DIALECTS, missingWordsOf, pandocReading, printedSyntax, type Reading } from './dialect-oracle';
import { tempDir } from './helpers';

/**
 * Real documents written by others for other tools (pandoc, Quarto, R Markdown, Docusaurus,
 * VitePress, VuePress, Hugo, Obsidian, Jekyll; see corpus/dialects/SOURCES.md), one folder per
 * dialect, taken as they are. CI builds a varied sample, `CORPUS=all` every one.
 */
const CORPUS = join(import.meta.dirname, 'corpus', 'dialects');
const SAMPLE = ['pandoc/enfants-de-simone-ag-constitutive.md', 'quarto/utilitr-import-tables-sas.qmd', 'docusaurus/leon-introduction.mdx', 'vuepress/etalab-juridique-obligation-open-data.md', 'hugo/hugo-installer.md'];
const ALL = Object.keys(DIALECTS).flatMap((dialect) =>
  readdirSync(join(CORPUS, dialect))
    .filter((name) => /\.(md|mdx|qmd|rmd)$/i.test(name))
    .sort()
    .map((name) => `${dialect}/${name}`),
);
const documents = process.env['CORPUS'] === 'all' ? ALL : SAMPLE;

const browser = new BrowserService();
afterAll(() => browser.close());

/** The text pdf.js reads from every page of `file`, with the words the brochure hyphenated across lines made whole again. */
async function pdfText(file: string): Promise<string> {
  // Chromium draws U+2010 where a soft hyphen broke a line.
  return (await pdfPageTexts(new Uint8Array(readFileSync(file)))).join('\n').replace(/\u00ad/g, '').replace(/\u2010[ \t]*\n/g, '');
}

describe.each(documents)('the document %s, written for another tool', (document) => {
  const dialect = DIALECTS[document.split('/')[0]!]!;
  const source = join(CORPUS, document);
  const outDir = tempDir('triptyque-dialects-');
  let built: Awaited<ReturnType<typeof build>>;
  let reading: Reading;
  const dir = () => join(outDir, built.reports[0]!.slug);
  beforeAll(() => {
    reading = pandocReading(source, dialect);
  });

  it('builds the deck, the brochure and the digest with no error', async () => {
    built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
    const messages = built.files.flatMap((file) => file.messages);
    expect(messages.filter((message) => message.fatal).map(String)).toEqual([]);
    const report = built.reports[0]!;
    expect(Object.entries(report.targets).filter(([, target]) => !target.ok).map(([target, { error }]) => `${target}: ${error}`)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 600_000);

  it('has no slide that overflows, measured in deck.html', async () => {
    const { count, overflowing } = await overflowingSlides(browser, dir());
    expect(count).toBe(built.reports[0]!.targets.deck!.counts['slides']);
    expect(overflowing).toEqual([]);
  }, 120_000);

  it('keeps in the brochure every word pandoc reads in the source', async () => {
    const brochure = await pageText(browser, dir(), 'brochure.html');
    expect(missingWordsOf(comparableWords(reading.text), comparableWords(brochure))).toEqual([]);
  }, 120_000);

  it("prints none of the dialect's syntax in brochure.pdf", async () => {
    const printed = await pdfText(join(dir(), 'brochure.pdf'));
    // The text layer is the one searched: it holds the document (all but what pdf.js misreads of kerned or hyphenated words).
    const words = comparableWords(reading.text);
    expect(missingWordsOf(words, comparableWords(printed)).length).toBeLessThan(words.length * 0.1);
    expect(printedSyntax(printed, reading, dialect.syntax)).toEqual([]);
  }, 120_000);

  it("prints none of the dialect's syntax in deck.pdf", async () => {
    const printed = await pdfText(join(dir(), 'deck.pdf'));
    // Paragraphs may go to the notes, so only that the slides' text layer holds some of the document.
    const words = comparableWords(reading.text);
    expect(missingWordsOf(words, comparableWords(printed)).length).toBeLessThan(words.length);
    expect(printedSyntax(printed, reading, dialect.syntax)).toEqual([]);
  }, 120_000);
});
