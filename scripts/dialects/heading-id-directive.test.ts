import { describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../test/helpers';

describe('a heading id with a colon, as pandoc-crossref writes it', () => {
  it('is read whole although remark-directive takes `:name` for a directive: the title keeps no braces', async () => {
    const { publication } = await loadMarkdown('# Research containing a figure {#sec:research-figure}\n\n## Introduction\n\nText.\n\n## Method\n\nText.\n');
    expect(publication?.meta.title.replace(/\s+/gu, ' ')).toBe('Research containing a figure');
    const { publication: second } = await loadMarkdown('---\ntitle: Essai\n---\n\n# Méthode {#sec:methode}\n\nTexte.\n\n# Suite\n\nTexte.\n');
    expect(second?.sections.map((section) => [section.id, section.titleText])).toEqual([
      ['sec:methode', 'Méthode'],
      ['suite', 'Suite'],
    ]);
  });
});
