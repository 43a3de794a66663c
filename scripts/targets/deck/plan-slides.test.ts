import { describe, expect, it } from 'vitest';
import { FRONT_MATTER, loadMarkdown, REAL_SOURCE } from '../../../test/helpers';
import { settingsSchema } from '../../config/schema';
import type { Section } from '../../model/types';
import { loadSource } from '../../source/load-source';
import { planSlides } from './plan-slides';
import { sourcePieces } from './source-pieces';
import type { Slide } from './slide-plan';
import { unitText } from './timing';

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();

function slideCorpus(slides: readonly Slide[]): string {
  return normalise(slides.flatMap((slide) => [slide.title, ...slide.units.flatMap((unit) => [unit.visible ? unitText(unit.visible) : '', ...unit.notes])]).join('\n'));
}

async function plan(markdown: string) {
  const { publication, file } = await loadMarkdown(FRONT_MATTER + markdown);
  expect(file.messages.filter((m) => m.fatal)).toEqual([]);
  return planSlides(publication!);
}

describe('slides planned from the prose of the real source', async () => {
  const { publication } = await loadSource(REAL_SOURCE, settingsSchema.parse({}));
  const slides = planSlides(publication!);

  it('opens with a title slide dated in French, then the agenda of parts and sections', () => {
    expect(slides[0]).toMatchObject({ kind: 'title', title: publication!.meta.title });
    expect(slides[0]!.lines!.join(' ')).toContain('27\u00a0mai\u00a02010');
    const agenda = slides[1]!;
    expect(agenda.kind).toBe('agenda');
    expect(agenda.units.map((unit) => (unit.visible ? normalise(unitText(unit.visible)) : ''))).toEqual(
      publication!.sections.map((section) => normalise([section.titleText, ...section.children.map((child) => child.titleText)].join(' '))),
    );
  });

  it('gives each part a divider, and each section with text a content slide', () => {
    expect(slides.filter((slide) => slide.kind === 'divider').map((slide) => slide.title)).toEqual(publication!.sections.map((s) => s.titleText));
    const withText = (list: readonly Section[]): string[] => list.flatMap((s) => [...(s.blocks.length > 0 ? [s.titleText] : []), ...withText(s.children)]);
    expect(slides.filter((slide) => slide.kind === 'content').map((slide) => slide.title)).toEqual(withText(publication!.sections));
  });

  it('loses nothing: every paragraph and list item is on a slide or in its notes', () => {
    const corpus = slideCorpus(slides);
    const missing = sourcePieces(publication!).filter((piece) => !corpus.includes(piece));
    expect(missing).toEqual([]);
  });

  it('puts long paragraphs in the notes and shows a short gist of them', () => {
    for (const slide of slides) {
      for (const unit of slide.units) {
        if (unit.visible?.type === 'paragraph') expect(unitText(unit.visible).split(/\s+/).length).toBeLessThanOrEqual(45);
        if (unit.notes.length > 0 && unit.visible) expect(unitText(unit.visible).split(/\s+/).length).toBeLessThanOrEqual(30);
      }
    }
  });
});

describe('author control in the source', () => {
  const long = 'Une phrase assez longue pour ne pas tenir sur une diapositive sans peine. '.repeat(6).trim();

  it('sends `:::notes` to the notes of the current slide only', async () => {
    const slides = await plan(`# Partie\n\nVisible.\n\n:::notes\nÀ dire seulement.\n:::\n`);
    const content = slides.find((slide) => slide.kind === 'content')!;
    expect(content.units.flatMap((unit) => unit.notes).map(normalise)).toEqual(['À dire seulement.']);
    expect(content.units.filter((unit) => unit.visible).map((unit) => unitText(unit.visible!))).toEqual(['Visible.']);
  });

  it('starts a new slide at `::newslide`', async () => {
    const slides = await plan(`# Partie\n\nAvant.\n\n::newslide\n\nAprès.\n`);
    expect(slides.filter((slide) => slide.kind === 'content').map((slide) => slide.units.map((unit) => unitText(unit.visible!)))).toEqual([['Avant.'], ['Après.']]);
  });

  it('keeps a `:::keep` paragraph whole on the slide, and gives others their first sentence', async () => {
    const slides = await plan(`# Partie\n\n:::keep\n${long}\n:::\n\n${long}\n`);
    const [kept, gist] = slides.find((slide) => slide.kind === 'content')!.units;
    expect(kept).toMatchObject({ visible: { type: 'paragraph' }, notes: [] });
    expect(gist!.visible!.type).toBe('item');
    expect(unitText(gist!.visible!)).toBe('Une phrase assez longue pour ne pas tenir sur une diapositive sans peine.');
    expect(gist!.notes).toEqual([long]);
  });

  it('skips blocks meant for other targets', async () => {
    const slides = await plan(`# Partie\n\n:::brochure\nPour le papier.\n:::\n\nPour tous.\n`);
    expect(slideCorpus(slides)).not.toContain('Pour le papier');
    expect(slideCorpus(slides)).toContain('Pour tous');
  });
});

describe('no empty slides', () => {
  it('gives an empty section no slide, and a section of raw HTML only no slide of its own (its text joins the notes before)', async () => {
    const slides = await plan(`# Partie\n\n## Vide\n\n## Badges\n\n<p align="center"><img src="x.svg" alt="badge">Texte HTML</p>\n\n## Pleine\n\nDu texte.\n`);
    expect(slides.filter((slide) => slide.kind === 'content').map((slide) => slide.title)).toEqual(['Pleine']);
    expect(slides.every((slide) => slide.kind !== 'content' || slide.units.some((unit) => unit.visible))).toBe(true);
    expect(slideCorpus(slides)).toContain('Texte HTML');
  });
});

describe('the lead of a long paragraph', () => {
  it('ends at the first sentence found in the document’s language, not after “M.” or “etc.”, nor inside guillemets', async () => {
    const long = 'M. Dupont a dit « Pourquoi pas ? » puis il est parti, etc. et tout le monde a suivi. ' + 'Une autre phrase vient ensuite pour allonger le paragraphe bien au-delà de ce qu’une diapositive peut montrer. '.repeat(4);
    const slides = await plan(`# Partie\n\n${long.trim()}\n`);
    const unit = slides.find((slide) => slide.kind === 'content')!.units[0]!;
    expect(normalise(unitText(unit.visible!))).toBe(normalise('M. Dupont a dit « Pourquoi pas ? » puis il est parti, etc. et tout le monde a suivi.'));
    expect(unit.movedToNotes).toBe(true);
  });
});
