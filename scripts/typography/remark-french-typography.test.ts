import { readFileSync } from 'node:fs';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkFrenchTypography from './remark-french-typography';
import { isSuperscript } from './superscript';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const typography = unified().use(remarkFrenchTypography);

function typeset(markdown: string): Root {
  return typography.runSync(parser.parse(markdown)) as Root;
}

/** The inline content of the first paragraph, without positions, to compare shapes. */
function firstParagraph(markdown: string): PhrasingContent[] {
  const paragraph = typeset(markdown).children.find((node): node is Paragraph => node.type === 'paragraph');
  return JSON.parse(JSON.stringify(paragraph?.children ?? [], (key, value: unknown) => (key === 'position' ? undefined : value)));
}

async function html(markdown: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkGfm).use(remarkFrenchTypography).use(remarkRehype).use(rehypeStringify).process(markdown);
  return String(file);
}

describe('remarkFrenchTypography on the text of a document', () => {
  it('typesets headings, paragraphs, list items and table cells', () => {
    const tree = typeset(
      [
        '### Raisons d\'être des réseaux',
        '',
        'Pourquoi et comment travailler en réseau ?',
        '',
        '- valeur générique de l\'économie sociale et solidaire ;',
        '',
        '| Constat | Part |',
        '|---|---|',
        '| sortent au niveau V | 50 % |',
      ].join('\n'),
    );
    const text = toString(tree, { includeHtml: false });
    expect(text).toContain('Raisons d’être des réseaux');
    expect(text).toContain(`travailler en réseau${NNBSP}?`);
    expect(text).toContain(`l’économie sociale et solidaire${NNBSP};`);
    expect(text).toContain(`50${NBSP}%`);
  });

  it('keeps the seed\'s quotation together inside its guillemets', () => {
    expect(firstParagraph('la responsabilité de chacun, « on est acteur et on est décideur, 1 personne = 1 voix ».')).toEqual([
      { type: 'text', value: `la responsabilité de chacun, «${NNBSP}on est acteur et on est décideur, 1${NBSP}personne = 1${NBSP}voix${NNBSP}».` },
    ]);
  });

  it('binds numbers to what they count', () => {
    expect(toString(typeset('une charte commune en 10 points, 80 coopératives et plus de 130 000 sites'))).toBe(
      `une charte commune en 10${NBSP}points, 80${NBSP}coopératives et plus de 130${NNBSP}000${NBSP}sites`,
    );
  });
});

describe('ordinals as superscripts', () => {
  it('raises the suffix in a superscript node that targets can recognise', () => {
    const children = firstParagraph('conformément au 3ème axe de la charte');
    expect(children).toEqual([
      { type: 'text', value: 'conformément au 3' },
      { type: 'superscript', data: { hName: 'sup' }, children: [{ type: 'text', value: 'e' }] },
      { type: 'text', value: `${NBSP}axe de la charte` },
    ]);
    expect(children.filter(isSuperscript)).toHaveLength(1);
  });

  it('renders as <sup> in HTML', async () => {
    expect(await html('à l\'issue de la 3ème, en 2nde, le XXe siècle, la 1ère fois')).toBe(
      `<p>à${NBSP}l’issue de la 3<sup>e</sup>, en 2<sup>nde</sup>, le XX<sup>e</sup> siècle, la 1<sup>re</sup>${NBSP}fois</p>`,
    );
  });

  it('reads as plain "3e" for titles and plain-text targets', () => {
    expect(toString(typeset('## Le 3ème axe'))).toBe(`Le 3e${NBSP}axe`);
  });
});

describe('context across inline formatting', () => {
  it('spaces a mark that follows emphasis, outside the emphasis', () => {
    expect(firstParagraph('*Pourquoi*? **Constat**: la nation')).toEqual([
      { type: 'emphasis', children: [{ type: 'text', value: 'Pourquoi' }] },
      { type: 'text', value: `${NNBSP}? ` },
      { type: 'strong', children: [{ type: 'text', value: 'Constat' }] },
      { type: 'text', value: `${NBSP}: la nation` },
    ]);
  });

  it('pairs straight quotes around emphasis', () => {
    expect(toString(typeset('il ne suffit pas de dire "*ça va se faire*" pour que'))).toBe(
      `il ne suffit pas de dire «${NNBSP}ça va se faire${NNBSP}» pour que`,
    );
  });

  it('sees numbers, elisions and one-letter words split from their word by formatting', () => {
    expect(toString(typeset('**10** points, l\'*activité*, à *Paris*'))).toBe(`10${NBSP}points, l’activité, à${NBSP}Paris`);
  });
});

describe('what stays as written', () => {
  it('leaves code blocks, inline code and HTML alone', () => {
    const tree = typeset(['Voir `l\'option ?` puis <span title="a ?">ici</span>', '', '```', 'Pourquoi ? l\'activité...', '```', '', '<div>Quoi ?</div>'].join('\n'));
    expect(JSON.stringify(tree)).toContain('"value":"l\'option ?"');
    expect(JSON.stringify(tree)).toContain('"value":"<span title=\\"a ?\\">"');
    expect(JSON.stringify(tree)).toContain('"value":"Pourquoi ? l\'activité..."');
    expect(JSON.stringify(tree)).toContain('"value":"<div>Quoi ?</div>"');
  });

  it('leaves the front matter alone', () => {
    const [yaml] = typeset('---\ntitle: Pourquoi travailler en réseau ?\n---\n\nTexte').children;
    expect(yaml).toMatchObject({ type: 'yaml', value: 'title: Pourquoi travailler en réseau ?' });
  });

  it('leaves link addresses alone and typesets link text', () => {
    expect(firstParagraph('[la charte d\'ARIFOR](https://exemple.fr/charte?v=1...)')).toEqual([
      { type: 'link', title: null, url: 'https://exemple.fr/charte?v=1...', children: [{ type: 'text', value: 'la charte d’ARIFOR' }] },
    ]);
  });

  it('leaves autolinks, bare URLs and e-mail addresses alone', async () => {
    expect(await html('Voir <https://exemple.fr/a?b=1> ou www.exemple.fr/l\'offre... ou <contact@arifor.fr>')).toBe(
      '<p>Voir <a href="https://exemple.fr/a?b=1">https://exemple.fr/a?b=1</a> ou <a href="http://www.exemple.fr/l&#x27;offre">www.exemple.fr/l\'offre</a>… ou <a href="mailto:contact@arifor.fr">contact@arifor.fr</a></p>',
    );
    const withoutGfm = unified().use(remarkParse).use(remarkFrenchTypography);
    const tree = withoutGfm.runSync(withoutGfm.parse('Voir https://exemple.fr/a?b=1... et www.exemple.fr/x:y'));
    expect(toString(tree)).toBe('Voir https://exemple.fr/a?b=1… et www.exemple.fr/x:y');
  });

  it('leaves times as written', () => {
    expect(toString(typeset('Rendez-vous à **10**:30 ou 14:00 précises.'))).toBe(`Rendez-vous à${NBSP}10:30 ou 14:00 précises.`);
  });
});

describe('running twice', () => {
  it('changes nothing the second time, on the whole seed', () => {
    const seed = readFileSync(new URL('../../test/fixtures/seed/synthese-rencontre-2010-05-27.md', import.meta.url), 'utf8');
    const once = typeset(seed);
    const twice = typography.runSync(structuredClone(once)) as Root;
    expect(twice).toEqual(once);
    const text = toString(once);
    expect(text).not.toMatch(/\p{L}'\p{L}/u);
    expect(text).not.toMatch(/ [?!;:]/);
    expect(text).toContain(`Pourquoi et comment travailler en réseau${NNBSP}?`);
    expect(text).toContain(`avec l’élu local`);
  });
});
