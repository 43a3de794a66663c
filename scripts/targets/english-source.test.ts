import { describe, expect, it } from 'vitest';
import { loadTheme } from '../theme/load-theme';
import { loadMarkdown } from '../../test/helpers';
import { brochureHtml } from './brochure/brochure-html';
import { deckMarkdown } from './deck/marp-markdown';
import { DEFAULT_PLAN_OPTIONS, planSlides } from './deck/plan-slides';
import { loadDigestCss } from './digest/digest-css';
import { buildDigestEdition } from './digest/digest-edition';
import { renderDigestHtml } from './digest/digest-html';

const ENGLISH = `---
title: "The group's report"
date: 2021-05-01
lang: en
---

Opening words: "welcome" to all!

# First part

## A theme

Note: the results are "good"; aren't they?

## Another theme

Text of the second theme.

# Second part

Its text.
`;

const NARROW_NO_BREAK_SPACE = '\u202F';
const NO_BREAK_SPACE_BEFORE_COLON = '\u00A0:';

describe('an English source', async () => {
  const { publication, settings } = await loadMarkdown(ENGLISH);
  const theme = loadTheme(settings!.theme);

  it('gets English typography in the brochure, with English labels and lang="en"', () => {
    const { html } = brochureHtml(publication!, { stylesheets: [], sourceDir: '.', bleedMm: 0 });
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('>Contents<');
    expect(html).not.toContain('Sommaire');
    expect(html).toContain('Note: the re\u00ADsults are “good”; aren’t they?');
    expect(html).toContain('The group’s report');
    expect(html).toContain('May 1, 2021');
    expect(html).not.toContain(NARROW_NO_BREAK_SPACE);
    expect(html).not.toContain(NO_BREAK_SPACE_BEFORE_COLON);
    expect(html).not.toContain('«');
  });

  it('gets English labels in the deck markdown: Contents, Part 1, (continued), Speaking time', () => {
    const slides = planSlides(publication!, DEFAULT_PLAN_OPTIONS);
    const continued = { ...slides.at(-1)!, continuation: 1 };
    const markdown = deckMarkdown([...slides, continued], { meta: publication!.meta, theme: 'arifor', footer: 'x', notesHeader: () => 'Speaking time: 1 min' });
    expect(markdown).toContain('# Contents');
    expect(markdown).toContain('Part 1');
    expect(markdown).toContain('Second part (continued)');
    expect(markdown).toContain('Opening words: “welcome” to all!');
    expect(markdown).toContain('May 1, 2021');
    expect(markdown).not.toMatch(/Sommaire|Partie|\(suite\)|Temps de parole/);
    expect(markdown).not.toContain(NARROW_NO_BREAK_SPACE);
  });

  it('gets English words in the digest', () => {
    const html = renderDigestHtml(buildDigestEdition(publication!, settings!), loadDigestCss(theme));
    expect(html).toContain('lang="en"');
    expect(html).toContain('This letter gives only the essentials: the full text is in the brochure.');
    // No organisation configured: the footer names nobody.
    expect(html).toContain('You receive this digest because you subscribed to it.');
    expect(html).toContain('May 1, 2021');
    expect(html).not.toMatch(/brochure complète|Vous recevez|Sommaire/);
    expect(html).not.toContain(NARROW_NO_BREAK_SPACE);
  });

  it('an undated source prints no date and no empty separator', async () => {
    const { publication: undated, settings: undatedSettings } = await loadMarkdown('# Notes\n\nSome text.\n\n## More\n\nMore text.\n');
    const { html } = brochureHtml(undated!, { stylesheets: [], sourceDir: '.', bleedMm: 0 });
    expect(html).not.toMatch(/cover-date|undefined|Invalid Date/);
    const titleSlide = planSlides(undated!, DEFAULT_PLAN_OPTIONS)[0]!;
    // Neither a date nor an organisation (none configured): no line at all under the title.
    expect(titleSlide.lines).toEqual([]);
    const digest = renderDigestHtml(buildDigestEdition(undated!, undatedSettings!), loadDigestCss(loadTheme(undatedSettings!.theme)));
    expect(digest).not.toMatch(/class="date"|undefined|Invalid Date/);
  });
});
