import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRONT_MATTER, loadMarkdown, missingWords } from './helpers';
import { publicationText } from '../scripts/model/plain-text';
import { brochureHtml } from '../scripts/targets/brochure/brochure-html';
import { DEFAULT_PLAN_OPTIONS, planSlides } from '../scripts/targets/deck/plan-slides';
import { unitText } from '../scripts/targets/deck/timing';

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

describe('random Markdown within the accepted syntax', () => {
  it('parses into a model without throwing, and loses no word on the way to the brochure and the deck', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const { publication, file } = await loadMarkdown(FRONT_MATTER + body);
        expect(file.messages.filter((message) => message.fatal)).toEqual([]);
        const text = publicationText(publication!);

        const brochure = brochureHtml(publication!, { stylesheets: [], sourceDir: '/nonexistent', bleedMm: 0 }).html;
        expect(missingWords(text, brochure)).toEqual([]);

        // A deck to read and a deck to speak to (whose notes alone hold every word of the prose).
        const slides = planSlides(publication!);
        const deckText = slides.flatMap((slide) => [slide.title, ...slide.units.flatMap((unit) => [unit.visible ? unitText(unit.visible) : '', ...unit.notes])]).join('\n');
        expect(missingWords(text, deckText)).toEqual([]);
        const talk = planSlides(publication!, { ...DEFAULT_PLAN_OPTIONS, style: 'talk' });
        const talkText = talk.flatMap((slide) => [slide.title, ...slide.units.flatMap((unit) => unit.notes)]).join('\n');
        expect(missingWords(text, talkText)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
