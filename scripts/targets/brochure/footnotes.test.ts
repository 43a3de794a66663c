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
  it('are set apart as notes where they are defined, each led by the number its references show', async () => {
    const { publication } = await loadMarkdown(SOURCE);
    const { html } = brochureHtml(publication!, { stylesheets: [], sourceDir: '.', bleedMm: 0 });
    const notes = [...html.matchAll(/<p class="footnote">(.*?)<\/p>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').replace(/\u00ad/g, ''));
    expect(notes).toEqual(['2 The other note.', '1 Where the first claim comes from.']);
    expect(html.match(/<p>[^]*?claim[^]*?<\/p>/g)!.map((p) => [...p.matchAll(/<sup class="footnote-marker">(\d+)<\/sup>/g)].map((m) => m[1]))).toEqual([['1'], ['2', '1']]);
  });
});
