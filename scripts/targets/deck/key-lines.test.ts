import { describe, expect, it } from 'vitest';
import { FRONT_MATTER, loadMarkdown } from '../../../test/helpers';
import type { Inline } from '../../model/types';
import { plainText } from './inline-text';
import { KeyLines, keyLineCandidates, keyLineInline } from './key-lines';
import { DEFAULT_PLAN_OPTIONS, planSlides } from './plan-slides';
import { unitText } from './timing';
import { slideWords } from './word-budget';

const text = (value: string): Inline[] => [{ type: 'text', value }];
const line = (keyLines: KeyLines, value: string, around: string[] = [], wordsPerLine = 15) => {
  const children = text(value);
  return plainText(keyLineInline(children, keyLines.pick(children, around, { wordsPerLine }).range));
};

describe('the key line of a paragraph', () => {
  const paragraphs = [
    'Le réseau régional rassemble les missions locales. Il organise des rencontres mensuelles entre les directeurs, les animateurs et les partenaires de la région, afin de partager les pratiques.',
    'Les missions locales accompagnent les jeunes de 16 à 25 ans vers l’emploi et la formation.',
  ];
  const keyLines = new KeyLines(paragraphs, 'fr');

  it('is the paragraph itself when it fits a line, without the separator that ends a list item', () => {
    expect(line(keyLines, 'valoriser la personne accompagnée ;')).toBe('valoriser la personne accompagnée');
  });

  it('is a whole sentence when one fits, the lead preferred', () => {
    expect(line(keyLines, paragraphs[0]!)).toBe('Le réseau régional rassemble les missions locales.');
  });

  it('ends where a clause ends, never inside one, never with an ellipsis', () => {
    const long = 'Il organise des rencontres mensuelles entre les directeurs des missions locales de la région, afin de partager les pratiques et de construire des positions communes avec les partenaires.';
    const shown = line(keyLines, long);
    expect(shown).toBe('Il organise des rencontres mensuelles entre les directeurs des missions locales de la région');
    expect(shown).not.toMatch(/…$/u);
  });

  it('keeps the first complete clause whole when no part of the sentence fits a line', () => {
    const unpunctuated = 'Le réseau national des coopératives accompagne depuis des années les créateurs qui portent un projet de création d’entreprise dans toutes les régions de France et même au-delà des frontières';
    expect(line(keyLines, unpunctuated)).toBe(unpunctuated);
    const { candidates, firstClause } = keyLineCandidates(`${unpunctuated}, avec des partenaires.`, 'fr', 15);
    expect(candidates).toEqual([]);
    expect(firstClause).toEqual([0, unpunctuated.length]);
  });

  it('never ends inside a quotation or a parenthesis', () => {
    const quoted = 'Les principes de fonctionnement sont la liberté d’adhésion et la responsabilité de chacun « on est acteur et on est décideur, 1 personne = 1 voix » selon la charte du pôle.';
    const { candidates } = keyLineCandidates(quoted, 'fr', 15);
    for (const { range } of candidates) expect((quoted.slice(...range).match(/«/g) ?? []).length).toBe((quoted.slice(...range).match(/»/g) ?? []).length);
  });

  it('leaves out the stop words of the language: French ones are no content words', () => {
    expect(keyLines.terms('Le réseau et les partenaires de la région')).toEqual(['réseau', 'partenaires', 'région']);
    expect(new KeyLines([], 'en').terms('The network and the partners of the region')).toEqual(['network', 'partners', 'region']);
  });
});

describe('a deck to speak to, planned', () => {
  it('shows a quote by its key line and its speaker, the whole of it in the notes', async () => {
    const said = 'Quand on parle de travail en réseau, on est dans le plus, on est dans une logique positive et constructive pour tous les acteurs du territoire. Mais il faut aussi savoir ce que l’on abandonne.';
    const { publication } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\n## Citations\n\n> ${said}\n>\n> — Guy Le Boterf\n`);
    const slides = planSlides(publication!, { ...DEFAULT_PLAN_OPTIONS, style: 'talk' });
    const unit = slides.flatMap((slide) => slide.units).find((each) => each.visible?.type === 'quote')!;
    const shown = unitText(unit.visible!);
    expect(shown).toMatch(/— Guy Le Boterf$/u);
    expect(shown.split('\n')[0]!.split(/\s+/u).length).toBeLessThanOrEqual(15);
    expect(unit.notes.join(' ')).toContain('Mais il faut aussi savoir ce que l’on abandonne.');
  });

  it('holds at most the word budget on each slide, in "(suite)" slides, the prose whole in the notes', async () => {
    const items = Array.from({ length: 12 }, (_, index) => `- Point numéro ${index + 1} de la liste, qui prend une ligne ou presque sur la diapositive.`).join('\n');
    const { publication } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\n## Une longue liste\n\n${items}\n`);
    const slides = planSlides(publication!, { ...DEFAULT_PLAN_OPTIONS, style: 'talk', wordsPerSlide: 30 }).filter((slide) => slide.kind === 'content');
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.map(slideWords).every((words) => words <= 30)).toBe(true);
    expect(slides.slice(1).every((slide) => slide.continuation > 0)).toBe(true);
    // French typography sets some spaces as no-break ones.
    const notes = slides.flatMap((slide) => slide.units.flatMap((unit) => unit.notes)).join('\n').replace(/\s+/gu, ' ');
    for (let index = 1; index <= 12; index += 1) expect(notes).toContain(`Point numéro ${index} de la liste, qui prend une ligne ou presque sur la diapositive.`);
  });
});
