import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { blocksMissingFromDeck, brochureWords, deckSlides, digestWords } from './artifact-words';
import { REAL_SOURCE, tempDir } from './helpers';
import { comparableWords, compareWords, pandocUnits, type Unit } from './pandoc-oracle';

/**
 * Nothing lost, measured against pandoc's reading of the source, never against Triptyque's own
 * parse: a paragraph the parser dropped or mislabelled would be missing from both the model and
 * a test that trusted it.
 */
const browser = new BrowserService();
afterAll(() => browser.close());

describe('the seed source, read by pandoc, is whole in every artifact', () => {
  const outDir = tempDir('triptyque-nothing-lost-');
  const dir = join(outDir, '2010-05-27-travailler-en-reseau');
  let units: Unit[];

  beforeAll(async () => {
    units = pandocUnits(readFileSync(REAL_SOURCE, 'utf8'));
    const built = await build({ sources: [REAL_SOURCE], root: PACKAGE_ROOT, outDir, browser });
    expect(built.ok).toBe(true);
  });

  it('brochure.pdf holds every word of the source, as many times and in the order written', async () => {
    const expected = units.filter((unit) => unit.kind !== 'note').flatMap((unit) => comparableWords(unit.text));
    expect(expected.length).toBeGreaterThan(3000);
    expect(compareWords(expected, await brochureWords(dir))).toEqual({ missing: [] });
  });

  it('deck.html holds every paragraph, list item, heading and cell on a slide or in its notes, in the order written', () => {
    const slides = deckSlides(dir);
    expect(slides.length).toBeGreaterThan(10);
    expect(blocksMissingFromDeck(units, slides)).toEqual([]);
  });

  it('digest.txt has every section, by its heading, in the order written', () => {
    const headings = units.filter((unit) => unit.kind === 'heading').flatMap((unit) => comparableWords(unit.text));
    expect(compareWords(headings, digestWords(dir))).toEqual({ missing: [] });
  });
});
