import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../scripts/targets/deck/inline-markdown';
import { planSlides } from '../scripts/targets/deck/plan-slides';
import { unitText } from '../scripts/targets/deck/timing';
import { FRONT_MATTER, loadMarkdown } from './helpers';

const BADGES = '<a href="https://ci.example.org"><img src="https://img.shields.io/build.svg" alt="Build Status"></a> <a href="https://npmjs.com/x"><img src="https://img.shields.io/npm.svg" alt="npm version" /></a>';

async function deckOf(markdown: string) {
  const { publication } = await loadMarkdown(FRONT_MATTER + markdown);
  const slides = planSlides(publication!);
  const shown = slides.flatMap((slide) => slide.units.flatMap((unit) => (unit.visible ? [unitText(unit.visible)] : [])));
  const notes = slides.flatMap((slide) => slide.units.flatMap((unit) => unit.notes));
  return { publication: publication!, shown: shown.join('\n'), notes: notes.join('\n') };
}

describe('raw HTML on the deck: what a reader of the source saw', () => {
  it('shows a paragraph of HTML badges as their alt text, in the placeholders a Markdown badge gets', async () => {
    const { publication, shown } = await deckOf(`# Intro\n\nA paragraph first.\n\n${BADGES}\n`);
    const badges = publication.sections[0]!.blocks[1]!;
    expect(badges.type).toBe('paragraph');
    const markdown = inlineMarkdown(badges.type === 'paragraph' ? badges.children : []);
    expect(markdown).toBe('<span class="image-placeholder-inline" title="img.shields.io">Build Status</span> <span class="image-placeholder-inline" title="img.shields.io">npm version</span>');
    expect(shown).toContain('Build Status npm version');
    expect(shown).not.toContain('<img');
  });

  it('puts the text and image alt text of an HTML block (a centred logo and title) in the notes', async () => {
    const { notes, shown } = await deckOf('# Intro\n\n<p align="center">\n  <img src="https://example.org/logo.png" alt="The logo">\n  <b>Fast</b> parser\n</p>\n\nA paragraph.\n');
    expect(notes).toMatch(/The logo\s+Fast parser/);
    expect(shown).not.toContain('The logo');
  });
});
