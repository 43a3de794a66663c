import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../source/processor';
import { writeSource } from '../../test/helpers';
import { parseCitations } from './citation-syntax';

async function parse(markdown: string, path = 'essai.md') {
  const file = new VFile({ path, value: markdown });
  const tree = await parseMarkdown(file, { lang: 'fr' });
  const json = JSON.stringify(tree.children, (key, value) => (key === 'position' ? undefined : value));
  // French typography's no-break spaces read as spaces here.
  const spaced = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');
  // The words a reader gets, block by block: a plugin may leave them in several text nodes.
  const text = tree.children.map((node) => spaced(toString(node))).join('\n');
  return { tree, file, json: spaced(json), text, rules: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`) };
}

const PANDOC = '---\ntitle: Essai\ndialect: pandoc\nlang: fr\n---\n\n';

describe('math', () => {
  it('reads $$ display math in every dialect, keeping \\\\ as written', async () => {
    const { tree } = await parse('# T\n\n$$\na \\\\ b\n$$\n');
    expect(tree.children.find((node) => node.type === 'math')).toMatchObject({ value: 'a \\\\ b' });
  });

  it('leaves single dollars to prose outside pandoc-like dialects, and French prices as dollars in them', async () => {
    expect((await parse('Prix $x$ ici.')).json).not.toContain('inlineMath');
    const { json } = await parse(`${PANDOC}Prix 5 $ et 10 $, puis $x^2$ et $5 ou $6.`);
    expect(json.match(/"inlineMath"/g)?.length).toBe(1);
    expect(json).toContain('"value":"x^2"');
    expect(json).toContain('5 $ et 10 $');
    // A pandoc source read before does not lend its `$` to the next plain one.
    expect((await parse('Prix $x$ ici.')).json).not.toContain('inlineMath');
  });

  it('ends an equation at a labelled closer and numbers it for @eq: references', async () => {
    const { tree, json } = await parse(`${PANDOC}$$\nE = mc^2\n$$ {#eq:energy}\n\nSee @eq:energy.\n\nLast words.\n`);
    expect(tree.children.map((node) => node.type)).toEqual(['yaml', 'math', 'paragraph', 'paragraph']);
    expect(json).toContain('E = mc^2\\n\\\\tag{1}');
    expect(toString(tree.children[2]!)).toBe('See équation (1).');
    expect(json).toContain('Last words.');
  });

  it('reads R Markdown\'s \\(...\\) and \\[...\\], keeping \\\\ and escaped characters in the TeX', async () => {
    const { tree, json } = await parse('---\ntitle: T\ndialect: rmarkdown\n---\n\nSoit \\(a_1 \\\\ \\{b\\}\\) et \\(x\\), puis \\[not closed.\n\n\\[\nE = mc^2\n\\]\n');
    expect(json).toContain('"type":"inlineMath","value":"a_1 \\\\\\\\ \\\\{b\\\\}"');
    expect(json).toContain('"type":"inlineMath","value":"x"');
    expect(json).toContain('puis [not closed.');
    expect(tree.children.at(-1)).toMatchObject({ type: 'math', value: 'E = mc^2' });
    expect((await parse('Soit \\(x\\).')).json).toContain('Soit (x).');
  });

  it('reports TeX that KaTeX cannot read where it stands', async () => {
    const { rules } = await parse('# T\n\n$$\n\\frac{a}{\n$$\n');
    expect(rules).toContain('3:1 math-invalid');
  });
});

describe('raw LaTeX', () => {
  it('makes \\newpage a page break, drops \\index, keeps the words of other commands with one warning each', async () => {
    const { json, rules } = await parse(`${PANDOC}Un \\index{mot} mot \\textbf{gras} et \\textbf{encore}.\n\n\\newpage\n\nSuite.\n`);
    expect(json).toContain('"pageBreak":true');
    expect(json).toContain('Un mot gras et encore.');
    expect(rules.filter((rule) => rule.endsWith('raw-latex'))).toEqual(['7:20 raw-latex']);
  });
});

describe('a page break in plain Markdown', () => {
  it('is a \\newpage alone in its paragraph; other LaTeX stays text outside pandoc-like dialects', async () => {
    const { json, rules } = await parse('# T\n\nUn \\textbf{mot}.\n\n\\newpage\n\nSuite.\n');
    expect(json).toContain('"pageBreak":true');
    expect(json).toContain('Un \\\\textbf{mot}.');
    expect(rules.filter((rule) => rule.endsWith('raw-latex'))).toEqual([]);
  });
});

describe('inline notes', () => {
  it('become a footnote defined after their paragraph, formatting and brackets kept', async () => {
    const { tree } = await parse(`${PANDOC}Texte^[Une note *vive* [entre crochets].] fin.\n`);
    const [, paragraph, definition] = tree.children;
    expect(paragraph).toMatchObject({ type: 'paragraph', children: [{ value: 'Texte' }, { type: 'footnoteReference' }, { value: ' fin.' }] });
    expect(definition).toMatchObject({ type: 'footnoteDefinition', children: [{ children: [{ value: 'Une note ' }, { type: 'emphasis' }, { value: ' [entre crochets].' }] }] });
  });
});

describe('citations', () => {
  it('are parsed as pandoc writes them, leaving e-mails, cross-references and bookdown alone', () => {
    const parts = parseCitations('Voir [see @doe99, p. 33; -@roe2001] et @smith2005 [chap. 2], a@b.org, @fig:x, @ref(intro).');
    const citations = parts.filter((part) => typeof part !== 'string');
    expect(citations).toEqual([
      { items: [{ key: 'doe99', prefix: 'see', suffix: ', p. 33' }, { key: 'roe2001', suppressAuthor: true }], inText: false, written: '[see @doe99, p. 33; -@roe2001]' },
      { items: [{ key: 'smith2005', suffix: 'chap. 2' }], inText: true, written: '@smith2005 [chap. 2]' },
    ]);
  });

  it('are printed readably without a bibliography, with one located warning', async () => {
    const { text, rules } = await parse(`${PANDOC}Selon [@kemnitzer2005] et @doe_2010, puis [@x1; @kemnitzer2005, p. 3].\n`);
    expect(text).toContain('Selon (Kemnitzer 2005) et Doe (2010), puis (x1 ; Kemnitzer 2005, p. 3).');
    expect(rules.filter((rule) => rule.endsWith('citation-unresolved'))).toEqual(['7:1 citation-unresolved']);
  });

  it('are resolved from the BibTeX file beside the source, in the document language, with the references at the end', async () => {
    const source = writeSource(`${PANDOC.replace('lang: fr', 'lang: fr\nbibliography: refs.bib')}# Texte\n\nSelon [@kemnitzer2005, p. 3] et @kemnitzer2005.\n`);
    writeFileSync(join(dirname(source), 'refs.bib'), '@book{kemnitzer2005, author = {Kemnitzer, Martin}, title = {Le travail en réseau}, publisher = {Éditions X}, address = {Paris}, year = {2005}}\n');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nEnfin [@kemnitzer2005; @absent2020].\n`);
    const { text, rules, tree } = await parse(readFileSync(source, 'utf8'), source);
    expect(text).toContain('Selon (Kemnitzer, 2005, p.');
    expect(text).toContain('Enfin (Kemnitzer, 2005 ; Absent 2020).');
    expect(text).toContain('Kemnitzer (2005)');
    expect(tree.children.at(-2)).toMatchObject({ type: 'heading', depth: 1, children: [{ value: 'Bibliographie' }] });
    expect(toString(tree.children.at(-1)!)).toContain('Kemnitzer, M. (2005). Le travail en réseau');
    expect(tree.children.at(-1)).toMatchObject({ children: [{ type: 'text' }, { type: 'emphasis', children: [{ value: 'Le travail en réseau' }] }, { type: 'text' }] });
    expect(rules.filter((rule) => rule.includes('citation') || rule.includes('bibliography'))).toEqual(['12:1 citation-unresolved']);
  });
});

describe('cross-references', () => {
  it("link bookdown's \\@ref() to a chapter by its {#id} or by pandoc's identifier of its title", async () => {
    const { tree } = await parse(`${PANDOC}# Introduction {#intro}\n\nChapitres \\@ref(intro) et \\@ref(methods), figure \\@ref(fig:absente).\n\n# Methods\n\nTexte.\n`);
    const paragraph = tree.children[2]!;
    expect(toString(paragraph).replace(/[\u00a0\u202f]/gu, ' ')).toBe('Chapitres Introduction et Methods, figure ??.');
    expect(tree.children[3]).toMatchObject({ type: 'heading', data: { hProperties: { id: 'methods' } } });
    expect(tree.children[1]).toMatchObject({ type: 'heading', children: [{ value: 'Introduction' }], data: { hProperties: { id: 'intro' } } });
  });

  it('number labelled figures and tables and name sections in the document language', async () => {
    const { json, rules, tree } = await parse(
      `${PANDOC}# Méthode {#sec:methode}\n\nVoir @fig:chat, [@tbl:t], @Fig:chat, \\@ref(fig:chat) et @sec:methode ; @fig:absente.\n\n![Un chat](chat.png){#fig:chat}\n\n| a |\n|---|\n| 1 |\n\n: Les données {#tbl:t}\n`,
    );
    const paragraph = tree.children[2]!;
    expect(toString(paragraph).replace(/[\u00a0\u202f]/gu, ' ')).toBe('Voir figure 1, tableau 1, Figure 1, 1 et section « Méthode » ; figure ??.');
    expect(paragraph.type === 'paragraph' && paragraph.children.flatMap((node) => (node.type === 'link' ? [node.url] : []))).toEqual(['#fig-chat', '#tbl-t', '#fig-chat', '#fig-chat', '#sec:methode']);
    expect(json).toContain('"hProperties":{"id":"fig-chat"}');
    expect(json).toContain('Figure 1 : Un chat');
    expect(json).toContain('Tableau 1 : Les données');
    expect(rules.filter((rule) => rule.endsWith('cross-reference-unresolved'))).toHaveLength(1);
  });
});
