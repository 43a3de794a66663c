import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { hyphenateFrench } from './hyphenate';
import { hyphenateHast, rehypeHyphenateFrench } from './rehype-hyphenate-french';

const SHY = '\u00AD';
/** Soft hyphens shown as "|" so expectations read like a dictionary. */
const visible = (text: string): string => text.replaceAll(SHY, '|');

describe('hyphenateFrench', () => {
  it('marks where long French words may break', () => {
    expect(visible(hyphenateFrench('les coopératives et le développement'))).toBe('les co|opé|ra|tives et le dé|ve|lop|pe|ment');
  });

  it('keeps two letters before a break and three after', () => {
    expect(visible(hyphenateFrench('activité'))).toBe('ac|ti|vité');
    expect(visible(hyphenateFrench('l’accompagnement'))).toBe('l’ac|com|pa|gne|ment');
  });

  it('leaves words shorter than six letters whole', () => {
    expect(hyphenateFrench('Les élus sont aussi là.')).toBe('Les élus sont aussi là.');
  });

  it('leaves acronyms, codes, numbers, URLs and e-mail addresses whole', () => {
    const text = 'La DIRECCTE et ARIFOR, le 3èmement, nom_fichier, https://www.exemple.fr/developpement et contact@developpement.fr';
    expect(hyphenateFrench(text)).toBe(text);
  });

  it('changes nothing the second time', () => {
    const once = hyphenateFrench('Né de la régionalisation de l’Association nationale, le réseau rassemble les acteurs');
    expect(once).toContain(SHY);
    expect(hyphenateFrench(once)).toBe(once);
  });
});

describe('hyphenating the brochure’s HTML', () => {
  const parse = (html: string): Root => unified().use(rehypeParse, { fragment: true }).parse(html);
  const textOf = (node: Root | Element): string =>
    node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

  it('hyphenates running text, including link text that is prose', () => {
    const tree = parse('<p>Les <a href="https://exemple.fr">coopératives</a> rassemblent</p>');
    hyphenateHast(tree);
    expect(visible(textOf(tree))).toBe('Les co|opé|ra|tives ras|semblent');
  });

  it('leaves headings, code, addresses shown as links, styles and no-hyphens elements whole', () => {
    const html = [
      '<h2>Coordination des Centres d’Information</h2>',
      '<pre><code>développement</code></pre>',
      '<p><code>coopératives</code></p>',
      '<p><a href="https://www.exemple.fr/developpement">www.exemple.fr/developpement</a></p>',
      '<style>.organisation { display: block }</style>',
      '<p class="signature no-hyphens">Guy Le Boterf, intervenant</p>',
    ].join('');
    const tree = parse(html);
    hyphenateHast(tree);
    expect(textOf(tree)).not.toContain(SHY);
  });

  it('works as a rehype plugin', () => {
    const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeHyphenateFrench);
    const tree = processor.runSync(processor.parse('<p>intergénérationnel</p>'));
    expect(visible(textOf(tree))).toBe('in|ter|gé|né|ra|tion|nel');
  });
});
