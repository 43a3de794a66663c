import { describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../../test/helpers';
import { brochureHtml } from './brochure-html';

const SOURCE = `---
title: Notes
lang: en
---

# Part

A first claim[^source] in one paragraph.

A second claim[^other] in another, and the first again[^source].

[^other]: The other note.
[^source]: Where the first claim comes from.
`;

describe('footnotes in the brochure', () => {
  it('are numbered across the document in the order they are referred to, and set as notes that the references link to', async () => {
    const { publication } = await loadMarkdown(SOURCE);
    const { html } = brochureHtml(publication!, { stylesheets: [], sourceDir: '.', bleedMm: 0 });
    const references = [...html.matchAll(/<sup class="footnote-ref"><a href="#fn-(\d+)">(\d+)<\/a><\/sup>/g)].map((match) => [match[1], match[2]]);
    expect(references).toEqual([['1', '1'], ['2', '2'], ['1', '1']]);
    expect(html).toMatch(/<p class="footnote" id="fn-2"><span class="footnote-number">2<\/span> The other note\.<\/p>/);
    expect(html).toMatch(/<p class="footnote" id="fn-1"><span class="footnote-number">1<\/span> Where the first claim comes from\.<\/p>/);
  });
});
