import { describe, expect, it } from 'vitest';
import { FRONT_MATTER, loadMarkdown } from '../../../test/helpers';
import { brochureHtml } from './brochure-html';

async function brochureOf(markdown: string): Promise<string> {
  const { publication } = await loadMarkdown(FRONT_MATTER + markdown);
  return brochureHtml(publication!, { stylesheets: [], sourceDir: '/tmp', bleedMm: 0 }).html.replace(/\u00ad/g, '');
}

const body = (html: string) => html.slice(html.indexOf('<main'));

describe('the brochure keeps what the source shows', () => {
  it('numbers footnotes through the whole document, the note led by the same number as its reference', async () => {
    const html = body(await brochureOf('# One\n\nFirst[^a] claim.\n\n# Two\n\nSecond[^b] and first again[^a].\n\n[^a]: The first note.\n\n[^b]: The second note.\n'));
    const markers = [...html.matchAll(/<sup class="footnote-marker">(\d+)<\/sup>/g)].map((match) => match[1]);
    // First¹, Second², again¹, then the notes ¹ and ².
    expect(markers).toEqual(['1', '2', '1', '1', '2']);
    expect(html).toMatch(/<sup class="footnote-marker">1<\/sup><\/a> The first note\./);
    expect(html).toMatch(/<sup class="footnote-marker">2<\/sup><\/a> The second note\./);
  });

  it('keeps inline HTML as the reader saw it: a line break breaks, a superscript is raised, a script is gone', async () => {
    const html = body(await brochureOf('# One\n\n| a | b |\n| - | - |\n| one.<br/>Two | ≥12<sup>(1)</sup> |\n\nText with <kbd>Ctrl</kbd> and <script>alert(1)</script> end.\n'));
    expect(html).toContain('one.<br>Two');
    expect(html).toContain('≥12<sup>(1)</sup>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).not.toContain('alert');
  });

  it('reads a web image placeholder as its alt text, then its host, as separate words', async () => {
    const html = body(await brochureOf('# One\n\n![Sample Slides](https://example.org/banner.png)\n'));
    expect(html).toMatch(/<span class="image-placeholder-alt">Sample Slides<\/span> <span class="image-placeholder-where">example\.org<\/span>/);
  });
});
