import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../config/schema';
import { loadSource } from '../source/load-source';
import { FRONT_MATTER, RAW_SEED, loadMarkdown, messagesOf } from '../../test/helpers';

async function rulesFor(markdown: string): Promise<string[]> {
  return messagesOf((await loadMarkdown(markdown)).file);
}

describe('lint rules, each on a small input', () => {
  it('heading-increment: a heading that skips a level', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\nTexte.\n\n### Trois\n\nTexte.\n`)).toEqual(['10:1 heading-increment']);
  });

  it('heading-emphasis: a heading wrapped in bold', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# **Gras**\n\nTexte.\n`)).toEqual(['6:1 heading-emphasis']);
  });

  it('emphasis-as-heading: a paragraph that is all bold', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n**Un faux titre**\n\nTexte.\n`)).toEqual(['8:1 emphasis-as-heading']);
  });

  it('emphasis-as-heading: an italic line before the text, not a caption above or below a picture', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n*Un faux titre*\n\nTexte.\n`)).toEqual(['8:1 emphasis-as-heading']);
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\nTexte.\n\n*Figure 1 Le réseau*\n\n![Le réseau](https://example.org/reseau.png)\n\nTexte.\n`)).toEqual([]);
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\nTexte.\n\n![Le réseau](https://example.org/reseau.png)\n\n*Figure 1 Le réseau*\n\nTexte.\n`)).toEqual([]);
  });

  it('pseudo-bullet: Word’s "o" and pasted bullet characters', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n- premier\n  - o second\n\n• collé\n`)).toEqual(['9:5 pseudo-bullet', '11:1 pseudo-bullet']);
  });

  it('template-tag: a Liquid tag left in the text, not in code (a Hugo shortcode is read, and said when left out)', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\nVoir {{< figure src="a.png" >}} et {% include note.html %}.\n\n\`{{< code >}}\`\n`)).toEqual(['8:1 hugo-shortcode', '8:36 template-tag']);
  });

  it('template-tag: placed where it was written, after an entity and a cross-reference that changed the text before it', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n![Un chat](chat.png){#fig:chat}\n\nLa @fig:chat &amp; {% include note.html %}.\n`)).toEqual(['8:1 missing-image', '10:20 template-tag']);
  });

  it('pandoc-attributes: a [span]{.class}, a heading\'s {#id .class} and a fenced div only where the dialect does not read them', async () => {
    const body = '# Un {#un .unnumbered}\n\nTexte [souligné]{.underline}.\n\n::: {.note}\nUne note.\n:::\n';
    expect(await rulesFor(`${FRONT_MATTER}${body}`)).toEqual([]);
    const commonmark = '---\ntitle: Essai\ndate: 2024-01-15\ndialect: commonmark\n---\n\n';
    expect((await rulesFor(`${commonmark}${body}`)).filter((message) => !message.endsWith(' dialect'))).toEqual(['7:1 pandoc-attributes', '11:1 pandoc-attributes', '9:7 pandoc-attributes']);
  });

  it('broken-paragraph: a paragraph cut mid-sentence by a page break', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\nUne phrase assez longue, coupée par un saut de page au niveau du\n\nréseau régional.\n`)).toEqual(['8:1 broken-paragraph']);
  });

  it('empty-section: a heading with nothing under it', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n# Deux\n\nTexte.\n`)).toEqual(['6:1 empty-section']);
  });

  it('raw-html: HTML written into the source', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n<div>bloc</div>\n\nLe 3<sup>e</sup> axe.\n`)).toEqual(['8:1 raw-html', '10:5 raw-html', '10:11 raw-html']);
  });

  it('missing-image: an image that does not exist is a warning (a placeholder stands in)', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n![Logo](absent.png)\n`)).toEqual(['8:1 missing-image']);
  });

  it('missing-metadata: no front matter, or no title, is a warning: the build goes on', async () => {
    expect(await rulesFor('# Un\n\nTexte.\n')).toEqual(['1:1 missing-metadata']);
    expect(await rulesFor('---\ndate: 2024-01-15\n---\n\n# Un\n\nTexte.\n')).toEqual(['2:1 missing-metadata']);
  });

  it('front-matter-invalid: a wrong type is placed at its key', async () => {
    expect(await rulesFor('---\ntitle: Essai\nsubtitle: [un, deux]\n---\n\n# Un\n\nTexte.\n')).toEqual(['3:11 front-matter-invalid error']);
  });

  it('front-matter-date: a date written in words is read in the document’s language; one that is no calendar day is a warning and the source is undated', async () => {
    const words = await loadMarkdown('---\ntitle: Essai\ndate: 12 mars 2024\n---\n\n# Un\n\nTexte en français.\n');
    expect(messagesOf(words.file)).toEqual([]);
    expect(words.publication?.meta.date).toBe('2024-03-12');
    const numeric = await loadMarkdown('---\ntitle: Essai\nlang: fr\ndate: 11/03/2024\n---\n\n# Un\n\nTexte.\n');
    expect(messagesOf(numeric.file)).toEqual(['4:7 front-matter-date']);
    expect(numeric.publication?.meta.date).toBe('2024-03-11');
    const american = await loadMarkdown('---\ntitle: Essai\nlang: en-US\ndate: 11/03/2024\n---\n\n# One\n\nText.\n');
    expect(american.publication?.meta.date).toBe('2024-11-03');
    const vague = await loadMarkdown('---\ntitle: Essai\ndate: printemps 2024\n---\n\n# Un\n\nTexte.\n');
    expect(messagesOf(vague.file)).toEqual(['3:7 front-matter-date']);
    expect(vague.publication?.meta.date).toBeUndefined();
    expect(vague.publication?.meta.title).toBe('Essai');
  });

  it('no-headings: publishable, with a warning', async () => {
    const { file, publication } = await loadMarkdown(`${FRONT_MATTER}Un texte sans titre.\n`);
    expect(messagesOf(file)).toEqual(['1:1 no-headings']);
    expect(publication?.preamble).toHaveLength(1);
  });

  it('passes a clean source without a message', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\nTexte.\n\n## Deux\n\n- a\n- b\n`)).toEqual([]);
  });
});

describe('the raw seed, as received from the PDF', () => {
  it('reports each structural problem on its line', async () => {
    const { file } = await loadSource(RAW_SEED, settingsSchema.parse({}));
    const byRule = (rule: string) => file.messages.filter((m) => m.ruleId === rule).map((m) => m.line);
    expect(byRule('missing-metadata')).toEqual([1]);
    expect(byRule('emphasis-as-heading')).toEqual([9]);
    expect(byRule('empty-section')).toEqual([12]);
    expect(byRule('heading-emphasis')).toEqual([50, 67]);
    expect(byRule('pseudo-bullet')).toEqual([62, 63, 64, 65]);
    expect(byRule('broken-paragraph')).toEqual([193, 207, 213]);
    expect(new Set(byRule('raw-html'))).toEqual(new Set([34, 108]));
  });
});

describe('lint rules for hostile or broken sources', () => {
  it('an image outside the source folder is not read: a warning at its place, never a refusal', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n![x](../../etc/passwd)\n\n![y](/img/logo.png)\n`)).toEqual(['8:1 image-outside-folder', '10:1 image-outside-folder']);
  });

  it('unsafe-url: a file: image is refused; a javascript: link loses its link and keeps its text', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n![x](file:///etc/passwd)\n\n[clic](javascript:alert(1))\n`)).toEqual(['10:1 link-scheme', '8:1 unsafe-url error']);
  });

  it('unclosed-directive: a container that never ends', async () => {
    expect(await rulesFor(`${FRONT_MATTER}# Un\n\n:::deck\nTexte.\n`)).toEqual(['8:1 unclosed-directive error']);
  });

  it('list-depth, wide-table and long-paragraph warn but let the source build', async () => {
    const deep = Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n');
    const table = `| ${'a | '.repeat(8)}\n| ${'- | '.repeat(8)}\n| ${'1 | '.repeat(8)}`;
    const { file, publication } = await loadMarkdown(`${FRONT_MATTER}# Un\n\n${deep}\n\n${table}\n\n${'mot '.repeat(1000)}\n`);
    // Info notes (the guessed language of this filler text) are not warnings.
    expect(file.messages.filter((m) => m.fatal !== undefined).map((m) => m.ruleId)).toEqual(['list-depth', 'long-paragraph', 'wide-table']);
    expect(file.messages.every((m) => !m.fatal)).toBe(true);
    expect(publication).toBeDefined();
  });
});
