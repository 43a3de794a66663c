import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { blocksMissingFromDeck, brochureWords, deckSlides, digestWords } from './artifact-words';
import { FRONT_MATTER, tempDir, writeSource } from './helpers';
import { comparableWords, compareWords, pandocUnits } from './pandoc-oracle';

const WORDS = ['réseau', 'partenariat', 'coopérer', 'l’école', 'jeunes', 'mission', 'territoire', 'Pôle', 'CIO', '3e', '10', 'points', 'été', 'œuvre', 'à', 'a', 'y'];
const PUNCTUATION = ['', '', '', ' ?', ' :', ' ;', ' !', ',', '.'];

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 18 }), fc.constantFrom(...PUNCTUATION))
  .map(([words, end]) => `${words.join(' ')}${end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.join(' '));
const list = fc
  .array(fc.tuple(sentence, fc.array(sentence, { maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((items) => items.map(([item, subs]) => [`- ${item}`, ...subs.map((sub) => `  - ${sub}`)].join('\n')).join('\n'));
const quote = paragraph.map((text) => `> ${text}`);
const block = fc.oneof({ weight: 4, arbitrary: paragraph }, { weight: 2, arbitrary: list }, { weight: 1, arbitrary: quote });
const heading = fc.tuple(fc.integer({ min: 1, max: 3 }), sentence).map(([depth, text]) => `${'#'.repeat(depth)} ${text.replace(/[ ?:;!,.]+$/u, '')}`);
const markdown = fc
  .array(fc.tuple(heading, fc.array(block, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 })
  .map((sections) => sections.map(([title, blocks]) => [title, ...blocks].join('\n\n')).join('\n\n'));

const browser = new BrowserService();
afterAll(() => browser.close());

describe('random Markdown within the accepted syntax', () => {
  it('loses no word of pandoc’s reading on the way to brochure.pdf, deck.html and digest.txt', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const source = writeSource(FRONT_MATTER + body);
        const outDir = tempDir('triptyque-property-');
        const built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
        expect(built.files.flatMap((file) => file.messages).filter((message) => message.fatal)).toEqual([]);
        const dir = join(outDir, readdirSync(outDir).find((name) => !name.includes('.'))!);
        // pandoc reads the source as a reader sees it: Triptyque's parse and model are not consulted.
        const units = pandocUnits(FRONT_MATTER + body);
        expect(compareWords(units.flatMap((unit) => comparableWords(unit.text)), await brochureWords(dir))).toEqual({ missing: [] });
        expect(blocksMissingFromDeck(units, deckSlides(dir))).toEqual([]);
        expect(compareWords(units.filter((unit) => unit.kind === 'heading').flatMap((unit) => comparableWords(unit.text)), digestWords(dir))).toEqual({ missing: [] });
      }),
      // Each run is a whole build (Chromium lays out the deck and prints both PDFs): a few varied sources.
      { numRuns: 6 },
    );
  }, 600_000);
});
