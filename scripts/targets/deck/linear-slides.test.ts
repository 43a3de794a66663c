import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marp } from '@marp-team/marp-core';
import { marpCli } from '@marp-team/marp-cli';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/helpers';
import { loadTheme } from '../../theme/load-theme';
import { loadDeckTheme, type DeckTheme } from './deck-theme';
import { exportHtml } from './export-html';
import { linearSlides } from './linear-slides.mjs';
import { MARP_OPTIONS, renderMarp } from './render-marp';

/** What Marpit's splitting reacts to: front matter, global and local directives, headers and footers, pagination, heading dividers, rules inside blocks. */
const DECK = `---
marp: true
theme: arifor
paginate: true
header: Rencontre annuelle
footer: 27 mai 2010
headingDivider: 2
---

<!-- _class: title -->
<!-- _paginate: false -->
<!-- _footer: "" -->

# Travailler en réseau

Rencontre annuelle

## Pourquoi un réseau ?

- Partager
- Mutualiser

<!-- Notes : dix secondes. -->

## Quelles réalités ?

<!-- _class: agenda -->
<!-- _header: Programme -->

> Une citation
>
> ---
>
> coupée par une règle dans la citation, qui ne sépare pas de diapositive.

---

<!-- backgroundColor: #eee -->
<!-- paginate: false -->

Un paragraphe **gras** sans titre.

* * *

### Un titre de niveau 3, sous le diviseur

1. un
2. deux

    ---

    règle dans un élément de liste
`;

const ENGINE = fileURLToPath(new URL('./marp-cli-engine.mjs', import.meta.url));
const marpitOptions = { ...MARP_OPTIONS, inlineSVG: false, script: false } as const;

let theme: DeckTheme;
beforeAll(async () => {
  theme = await loadDeckTheme(loadTheme('arifor'));
});
afterEach(() => vi.restoreAllMocks());

function marpOf(options: ConstructorParameters<typeof Marp>[0], linear: boolean): Marp {
  const marp = new Marp(options);
  marp.themeSet.add(theme.css);
  return linear ? marp.use(linearSlides) : marp;
}

describe('a deck split into slides in linear time', () => {
  it('gets the very slides, stylesheet and notes Marp renders', () => {
    const ours = renderMarp(DECK, theme);
    const marp = marpOf(marpitOptions, false).render(DECK, { htmlAsArray: true });
    expect(ours.sections).toHaveLength(5);
    expect(ours.sections).toEqual(marp.html);
    expect(ours.css).toBe(marp.css);
    expect(ours.notes).toEqual(marp.comments);
    // The deck exercises what it claims to: a local class, a local header, a background from a directive.
    expect(ours.sections[2]).toMatch(/<section id="3"[^>]*class="agenda"[^>]*>\s*<header>Programme<\/header>/);
    expect(ours.sections[3]).toContain('background-color:#eee');
  });

  it.each([
    ['numbered anchors', true],
    ['no anchors', false],
    ['anchors of its own', (i: number) => `diapo-${i + 1}`],
  ])('keeps Marpit’s tokens (maps, levels, attributes, slide numbers) with %s', (_, anchor) => {
    const tokensOf = (linear: boolean) => marpOf({ ...marpitOptions, anchor }, linear).markdown.parse(DECK, {});
    const linear = tokensOf(true);
    expect(linear).toEqual(tokensOf(false));
    const sections = linear.filter((token: { type: string }) => token.type === 'marpit_slide_open');
    expect(sections.map((token: { attrGet(name: string): string | null }) => token.attrGet('id'))).toEqual(
      anchor === false ? Array(5).fill(null) : Array.from({ length: 5 }, (_, i) => (anchor === true ? `${i + 1}` : `diapo-${i + 1}`)),
    );
  });

  it('gets the deck.html marp-cli writes without the fix', async () => {
    const dir = tempDir('triptyque-linear-slides-');
    const input = join(dir, 'deck.md');
    const css = join(dir, 'arifor.css');
    await writeFile(input, DECK);
    await writeFile(css, theme.css);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const write = async (output: string, engine: string[]) => {
      const argv = [input, '--no-stdin', '--no-config-file', ...engine, '--theme-set', css, '--template', 'bespoke', '-o', join(dir, output)];
      expect(await marpCli(argv)).toBe(0);
      return readFile(join(dir, output), 'utf8');
    };
    const linear = await write('linear.html', ['--engine', ENGINE]);
    expect(linear).toBe(await write('marpit.html', []));
    expect(linear.match(/<section\b/g)?.length).toBe(5);
  });

  it('renders and writes deck.html for a deck of 20 000 slides', async () => {
    const slides = Array.from({ length: 20_000 }, (_, i) => `## Diapositive ${i + 1}\n\nTexte ${i + 1}.\n`);
    const markdown = `---\nmarp: true\ntheme: arifor\npaginate: true\n---\n\n${slides.join('\n---\n\n')}`;
    const rendered = renderMarp(markdown, theme);
    expect(rendered.sections).toHaveLength(20_000);
    expect(rendered.sections[19_999]).toMatch(/^<section id="20000"[^>]*data-marpit-pagination="20000"[^>]*data-marpit-pagination-total="20000"/);
    expect(rendered.sections[19_999]).toContain('<h2 id="diapositive-20000">Diapositive 20000</h2>');
    const html = await exportHtml(markdown, theme);
    expect(html).toContain('Diapositive 20000</h2>');
  }, 120_000);
});
