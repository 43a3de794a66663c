import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { overflowingSlides } from './deck-overflow';
import { blocksMissingFromDeck, brochureWords, deckSlides } from './artifact-words';
import { corpusSample } from './corpus-sample';
import { tempDir } from './helpers';
import { htmlPartBytes } from './mime-part';
import { comparableWords, compareWords, pandocUnits } from './pandoc-oracle';

/** Real READMEs from node_modules (see corpus/SOURCES.md); CI builds a seventh of them each day and those with a known loss, `CORPUS=all` every one. */
const CORPUS = join(import.meta.dirname, 'corpus');
/** What a reader of the brochure loses today, each a failing case that says so (and fails the suite once it passes). */
const KNOWN_LOSSES: Record<string, string> = {
  'diff.md': "a list item's paragraph written after its nested list is printed before it",
  'mammoth.md': "a list item's paragraph written after its nested list is printed before it, so two nested lists read as one",
  'chokidar.md': 'Devanagari and Urdu words are not in the text layer of brochure.pdf (no font for these scripts is shipped; the page shows boxes where the system has none)',
};
const every = readdirSync(CORPUS).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort();
const documents = corpusSample('README corpus', every, Object.keys(KNOWN_LOSSES));
/** A word check of `name`: expected to fail while its loss is known. */
const wordCheck = (name: string) => (name in KNOWN_LOSSES ? it.fails : it);

const browser = new BrowserService();
afterAll(() => browser.close());

describe.each(documents)('the README %s, taken as it is', (name) => {
  const source = join(CORPUS, name);
  const outDir = tempDir('triptyque-corpus-');
  const slug = name.replace(/\.md$/, '');
  const dir = join(outDir, slug);
  let built: Awaited<ReturnType<typeof build>>;

  it('builds the deck, the brochure and the digest with no error and no stack trace', async () => {
    built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
    const messages = built.files.flatMap((file) => file.messages);
    expect(messages.filter((message) => message.fatal).map(String)).toEqual([]);
    const report = built.reports[0]!;
    const said = [...messages.map((message) => message.reason), ...Object.values(report.targets).map((target) => target.error ?? '')];
    expect(said.filter((text) => /\n\s+at \S/.test(text))).toEqual([]);
    expect(Object.entries(report.targets).filter(([, target]) => !target.ok).map(([target, { error }]) => `${target}: ${error}`)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 600_000);

  it('has no slide that overflows, measured in deck.html', async () => {
    const { count, overflowing } = await overflowingSlides(browser, dir);
    expect(count).toBe(built.reports[0]!.targets.deck!.counts['slides']);
    expect(overflowing).toEqual([]);
  }, 120_000);

  wordCheck(name)(`keeps in brochure.pdf every word pandoc reads in the source, in the order written${name in KNOWN_LOSSES ? ` (known loss: ${KNOWN_LOSSES[name]})` : ''}`, async () => {
    // GitHub's reading: these are READMEs shown on GitHub and npm.
    const units = pandocUnits(readFileSync(source, 'utf8'), 'gfm');
    const expected = units.filter((unit) => unit.kind !== 'note').flatMap((unit) => comparableWords(unit.text));
    expect(compareWords(expected, await brochureWords(dir))).toEqual({ missing: [] });
  }, 120_000);

  it('puts every block pandoc reads in the source on a slide or in its notes, in the order written', () => {
    const units = pandocUnits(readFileSync(source, 'utf8'), 'gfm');
    expect(blocksMissingFromDeck(units, deckSlides(dir))).toEqual([]);
  });

  it('keeps the digest under its budget', () => {
    const counts = built.reports[0]!.targets.digest!.counts;
    console.info(`${name}: digest ${counts['encodedHtmlBytes']} of ${counts['budgetBytes']} bytes, ${counts['groups']} groups, ${counts['keyPoints']} key points`);
    // The HTML part as it travels, measured by another MIME parser than the build's.
    expect(htmlPartBytes(readFileSync(join(dir, 'digest.eml'))) + counts['greetingReserveBytes']!).toBeLessThanOrEqual(counts['budgetBytes']!);
  });
});
