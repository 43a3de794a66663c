import { describe, expect, it } from 'vitest';
import { loadMarkdown, messagesOf } from '../../test/helpers';
import { brochureHtml } from '../targets/brochure/brochure-html';
import { DEFAULT_PLAN_OPTIONS, planSlides } from '../targets/deck/plan-slides';

describe('metadata as other tools write it', () => {
  it('reads pandoc’s % title block: title, authors split at semicolons, a date in words', async () => {
    const { file, publication } = await loadMarkdown('% Le réseau en pratique\n% Jeanne Martin; Paul Durand\n% 27 mai 2010\n\n# Un\n\nTexte.\n\n# Deux\n\nTexte.\n');
    expect(publication?.meta.title).toBe('Le réseau en pratique');
    expect(publication?.meta.authors.map((person) => person.name)).toEqual(['Jeanne Martin', 'Paul Durand']);
    expect(publication?.meta.date).toBe('2010-05-27');
    expect(messagesOf(file)).not.toContain('1:1 missing-metadata');
    expect(JSON.stringify(publication?.sections)).not.toContain('%');
  });

  it('reads a YAML block closed by pandoc’s `...`, and the lists and quotes after it stay lists and quotes', async () => {
    const { publication } = await loadMarkdown('---\ntitle: Compte rendu\nlang: fr\n...\n\n* un\n* deux\n\n> une citation\n\n# A\n\nTexte.\n\n# B\n\nTexte.\n');
    expect(publication?.meta.title).toBe('Compte rendu');
    expect(publication?.preamble.map((block) => block.type)).toEqual(['list', 'quote']);
  });

  it('takes authors as objects with their affiliations (pandoc, Quarto, Jekyll, CSL names) and shows them on the cover and the title slide', async () => {
    const { publication } = await loadMarkdown(
      '---\ntitle: Rapport\nlang: fr\nauthor:\n  - name: Jeanne Martin\n    affiliation: Université de Reims\n  - name: { given: Paul, family: Durand }\n    affiliations:\n      - name: GIP\n      - Région\n---\n\n# A\n\nTexte.\n\n# B\n\nTexte.\n',
    );
    expect(publication?.meta.authors).toEqual([
      { name: 'Jeanne Martin', affiliation: 'Université de Reims' },
      { name: 'Paul Durand', affiliation: 'GIP, Région' },
    ]);
    expect(publication?.meta.author).toBe('Jeanne Martin, Paul Durand');
    const { html } = brochureHtml(publication!, { stylesheets: [], sourceDir: '.', bleedMm: 0 });
    expect(html).toMatch(/class="cover-author-name">Jeanne Martin<\/span><span class="cover-author-affiliation">Université de Reims</);
    expect(planSlides(publication!, DEFAULT_PLAN_OPTIONS)[0]!.lines).toContain('Jeanne Martin, Paul Durand');
  });

  it('takes pandoc’s abstract, Hugo’s summary or Jekyll’s excerpt as the description', async () => {
    const { publication } = await loadMarkdown('---\ntitle: Rapport\nabstract: Ce que dit le rapport.\n---\n\nTexte.\n');
    expect(publication?.meta.description).toBe('Ce que dit le rapport.');
  });
});

describe('the structure of a document whose only top-level heading is its title', () => {
  const README = '---\nlang: en\n---\n\n# The project\n\nWhat it is.\n\n## Install\n\nRun it.\n\n## Use\n\nCall it.\n';

  it('takes that heading as the title: its text opens the body and its subsections are the body’s sections', async () => {
    const { publication } = await loadMarkdown(README);
    expect(publication?.meta.title).toBe('The project');
    expect(publication?.sections.map((section) => [section.titleText, section.depth])).toEqual([
      ['Install', 2],
      ['Use', 2],
    ]);
    expect(publication?.preamble).toHaveLength(1);
  });

  it('gives a document of one part no contents page, no contents slide and no “Part 1” divider', async () => {
    const { publication } = await loadMarkdown('---\ntitle: Note\nlang: en\n---\n\n# Context\n\nWhat happened.\n\n## Detail\n\nMore.\n');
    expect(publication?.sections).toHaveLength(1);
    const { html, contents } = brochureHtml(publication!, { stylesheets: [], sourceDir: '.', bleedMm: 0 });
    expect(contents).toEqual([]);
    expect(html).not.toContain('class="contents');
    const slides = planSlides(publication!, DEFAULT_PLAN_OPTIONS);
    expect(slides.map((slide) => slide.kind)).not.toContain('agenda');
    expect(slides.map((slide) => slide.kicker ?? '')).not.toContain('Part 1');
  });
});
