import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown';

describe('notes of an imported page become Markdown footnotes', () => {
  it('takes mammoth\'s note calls and list of notes, without the links back', async () => {
    const markdown = await htmlToMarkdown(
      '<p>Les acteurs se sont réunis.<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> Et encore<sup><a href="#footnote-2" id="footnote-ref-2">[2]</a></sup>.</p>' +
        '<ol><li id="footnote-1"><p>Compte rendu des animateurs. <a href="#footnote-ref-1">↑</a></p></li><li id="footnote-2"><p>Voir <em>la charte</em>. <a href="#footnote-ref-2">↑</a></p></li></ol>',
    );
    expect(markdown).toBe('Les acteurs se sont réunis.[^1] Et encore[^2].\n\n[^1]: Compte rendu des animateurs.\n\n[^2]: Voir *la charte*.\n');
  });

  it('takes the GitHub and remark-rehype markup, dropping the notes\' own heading', async () => {
    const markdown = await htmlToMarkdown(
      '<p>Un fait<sup><a href="#user-content-fn-a" id="user-content-fnref-a" data-footnote-ref aria-describedby="footnote-label">1</a></sup>.</p>' +
        '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-a"><p>Sa source. <a href="#user-content-fnref-a" data-footnote-backref class="data-footnote-backref" aria-label="Back to reference 1">↩</a></p></li></ol></section>',
    );
    expect(markdown).toBe('Un fait[^1].\n\n[^1]: Sa source.\n');
  });

  it('leaves superscript links to anything but a note as links, and uncalled lists as lists', async () => {
    const markdown = await htmlToMarkdown('<p>Voir<sup><a href="#haut">haut</a></sup>.</p><ol><li id="un">premier</li><li id="deux">second</li></ol><p><a href="#un">le premier</a></p>');
    expect(markdown).toBe('Voir<sup>[haut](#haut)</sup>.\n\n1. premier\n2. second\n\n[le premier](#un)\n');
  });
});
