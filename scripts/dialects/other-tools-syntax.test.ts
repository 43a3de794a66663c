import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../config/schema';
import { blockText, inlineText, publicationText } from '../model/plain-text';
import type { Block } from '../model/types';
import { loadSource } from '../source/load-source';
import { FRONT_MATTER, loadMarkdown, messagesOf, writeSource } from '../../test/helpers';

async function blocksOf(markdown: string): Promise<Block[]> {
  const { publication } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\n${markdown}`);
  return publication!.sections[0]!.blocks;
}

/** The blocks of a source that says it is written in pandoc's Markdown. */
async function blocksOfDialect(markdown: string, dialect = 'pandoc'): Promise<Block[]> {
  const { publication } = await loadMarkdown(`---\ntitle: Essai\ndialect: ${dialect}\n---\n\n# Partie\n\n${markdown}`);
  return publication!.sections[0]!.blocks;
}

async function load(markdown: string, name: string) {
  return loadSource(writeSource(markdown, name), settingsSchema.parse({}));
}

describe('heading attributes', () => {
  it('leave the title and give the section the id written', async () => {
    const { publication, file } = await loadMarkdown(`${FRONT_MATTER}# Installer {#install .unnumbered}\n\nTexte.\n\n## Docusaurus {#custom-id}\n\nTexte.\n\n## kramdown {: #k .c}\n\nTexte.\n\n## Sans numéro {-}\n\nTexte.\n\n## Prix {en euros}\n\nTexte.\n`);
    const [part] = publication!.sections;
    expect(part).toMatchObject({ id: 'install', titleText: 'Installer' });
    expect(part!.children.map((section) => [section.id, section.titleText])).toEqual([
      ['custom-id', 'Docusaurus'],
      ['k', 'kramdown'],
      ['sans-numero', 'Sans numéro'],
      ['prix-en-euros', 'Prix {en euros}'],
    ]);
    expect(messagesOf(file).filter((message) => message.includes('pandoc-attributes'))).toEqual([]);
  });
});

describe('containers', () => {
  it('of pandoc, Quarto, VitePress and Docusaurus become callouts of their kind with their title', async () => {
    const blocks = await blocksOf(
      [
        '::: {.callout-note}\nNote Quarto.\n:::',
        '::: {.callout-warning title="Avant tout"}\nSauvegarder.\n:::',
        '::: tip Astuce VitePress\nUn conseil.\n:::',
        '::: warning\nAttention VitePress.\n:::',
        '::: details Cliquer\nDétails.\n:::',
        ':::note[Titre Docusaurus]\nCorps.\n:::',
        ':::tip Ancien titre\nCorps ancien.\n:::',
        '::: Warning\nPandoc.\n:::',
      ].join('\n\n'),
    );
    expect(blocks.map((block) => block.type === 'callout' && [block.kind, block.label, block.title && inlineText(block.title), blockText(block)])).toEqual([
      ['note', 'Remarque', undefined, 'Note Quarto.'],
      ['warning', 'Attention', 'Avant tout', 'Avant tout\nSauvegarder.'],
      ['tip', 'Conseil', 'Astuce VitePress', 'Astuce VitePress\nUn conseil.'],
      ['warning', 'Attention', undefined, 'Attention VitePress.'],
      ['details', 'Détails', 'Cliquer', 'Cliquer\nDétails.'],
      ['note', 'Remarque', 'Titre Docusaurus', 'Titre Docusaurus\nCorps.'],
      ['tip', 'Conseil', 'Ancien titre', 'Ancien titre\nCorps ancien.'],
      ['warning', 'Attention', undefined, 'Pandoc.'],
    ]);
  });

  it('nest with as many colons as their parent, as in pandoc, and hold lists without a blank line', async () => {
    const [outer] = await blocksOf('::: {.callout-note}\nAvant.\n\n::: {.callout-tip}\nDedans.\n:::\n\nAprès.\n- un\n- deux\n:::\n');
    expect(outer).toMatchObject({ type: 'callout', kind: 'note' });
    const inner = outer!.type === 'callout' ? outer.blocks : [];
    expect(inner.map((block) => block.type)).toEqual(['paragraph', 'callout', 'paragraph', 'list']);
  });

  it('of layout keep their content; an unknown kind its title in bold and an info note', async () => {
    const { publication, file } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\n::: {layout-ncol="2"}\nColonne A\n\nColonne B\n:::\n\n::: {#fig-plan}\nUne figure.\n:::\n\n::: lexique Terme\nSa définition.\n:::\n\n:::my-admonition Titre\nContenu.\n:::\n`);
    const blocks = publication!.sections[0]!.blocks;
    expect(blocks.map(blockText)).toEqual(['Colonne A', 'Colonne B', 'Une figure.', 'Terme Sa définition.', 'Titre Contenu.']);
    expect(messagesOf(file)).toEqual(['18:1 unknown-container', '22:1 unknown-container']);
  });

  it('never closed keep their content as text, so the sections after them stay sections, with a warning', async () => {
    const { publication, file } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\n::: tip Oublié\nConseil.\n\n# Suite\n\nTexte.\n`);
    expect(publication!.sections.map((section) => section.titleText)).toEqual(['Partie', 'Suite']);
    expect(messagesOf(file)).toEqual(['8:1 unclosed-directive']);
  });

  it('leave Triptyque’s own directives working, and read pandoc’s `::: notes` as speaker notes', async () => {
    const blocks = await blocksOf(':::notes\nPour l’orateur.\n:::\n\n::: notes\nAussi.\n:::\n\n:::print\nImprimé.\n:::\n\n::newslide\n');
    expect(blocks.map((block) => [block.type, block.targets.join(',')])).toEqual([
      ['notes', 'deck'],
      ['notes', 'deck'],
      ['paragraph', 'brochure'],
      ['slide-break', 'deck'],
    ]);
  });
});

describe('Obsidian', () => {
  it('callouts of every kind and fold, wikilinks as their text, embeds as pictures, %%comments%% hidden', async () => {
    const { publication, file } = await loadMarkdown(
      `${FRONT_MATTER}# Partie\n\n> [!tip]- Replié\n> Corps.\n\n> [!faq] Une question\n> Réponse.\n\n> [!recette] Gâteau\n> Farine.\n\nVoir [[Page]], [[Page|l’autre page]] et [[Page#Section]].%%secret%% Fin.\n\n%%\nBloc caché.\n%%\n\n![[schema.png]]\n`,
    );
    const blocks = publication!.sections[0]!.blocks;
    expect(blocks[0]).toMatchObject({ type: 'callout', kind: 'tip', title: [{ type: 'text', value: 'Replié' }] });
    expect(blocks[1]).toMatchObject({ type: 'callout', kind: 'question' });
    expect(blocks[2]).toMatchObject({ type: 'quote' });
    expect(blockText(blocks[2]!)).toBe('Gâteau Farine.');
    expect(blockText(blocks[3]!)).toBe('Voir Page, l’autre page et Page > Section. Fin.');
    expect(blocks[4]).toMatchObject({ type: 'image', url: 'schema.png' });
    expect(blocks).toHaveLength(5);
    expect(messagesOf(file)).toContain('14:1 unknown-container');
  });
});

describe('what no parser reads yet', () => {
  it('is printed as its words with one warning naming it, where it is: inline R', async () => {
    const { publication, file } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\nIl y a \`r nrow(x)\` lignes.\n`);
    expect(publication!.sections[0]!.blocks.map(blockText).join(' ').replace(/[\u00a0\u202f]/gu, ' ')).toBe('Il y a r nrow(x) lignes.');
    expect(messagesOf(file)).toEqual(['8:8 dialect-unsupported']);
  });
});

describe("pandoc's simple and multiline tables", () => {
  const rows = (block: Block | undefined) => (block?.type === 'table' ? block.rows.map((row) => row.map((cell) => inlineText(cell).replace(/[\u00a0\u202f]/gu, ' '))) : block?.type);

  it('are tables, with or without a header, a multiline cell one cell, a caption beside them; a fenced block of dashes stays code', async () => {
    const simple = '  Droite   Gauche\n-------   ------\n     12   douze\n    123   **cent**\n';
    const headless = '-------   ------\n     12   douze\n-------   ------\n';
    const multiline = '---------------------------\nPays      Villes\n          principales\n--------  -----------------\nFrance    Paris,\n          Lyon\n\nItalie    Rome\n---------------------------\n\n: Les villes.\n';
    const fenced = '```\nTitre\n-----  -----\nx      y\n```\n';
    const blocks = await blocksOf([simple, headless, multiline, fenced].join('\n'));
    expect(blocks.map(rows)).toEqual([
      [['Droite', 'Gauche'], ['12', 'douze'], ['123', 'cent']],
      [['', ''], ['12', 'douze']],
      [['Pays', 'Villes principales'], ['France', 'Paris, Lyon'], ['Italie', 'Rome']],
      'paragraph',
      'code',
    ]);
    expect(blockText(blocks[3]!)).toBe('Les villes.');
  });
});

describe('highlights', () => {
  it('==marked== text is set in bold, without its marks', async () => {
    const [paragraph] = await blocksOf('Un mot ==surligné== ici, et a == b.\n');
    expect(paragraph).toMatchObject({ type: 'paragraph', children: [{ value: 'Un mot ' }, { type: 'strong', children: [{ value: 'surligné' }] }, { value: ' ici, et a == b.' }] });
  });
});

describe('definition lists', () => {
  it('are terms with their definitions where the dialect has them (pandoc, Hugo), not in plain Markdown, where a line may open on French prose’s “ : ”', async () => {
    expect((await blocksOf('Les objectifs\n: accompagner les jeunes.\n')).map((block) => block.type)).toEqual(['paragraph']);
    const [list] = await blocksOfDialect('Terme un\n: Première définition\n: Seconde\n\nTerme deux\n:   Définition *deux*\n');
    expect(list).toMatchObject({ type: 'definitions' });
    const items = list!.type === 'definitions' ? list.items : [];
    expect(items.map((item) => [inlineText(item.term), ...item.definitions.map(inlineText)])).toEqual([
      ['Terme un', 'Première définition', 'Seconde'],
      ['Terme deux', 'Définition deux'],
    ]);
  });
});

describe('grid tables', () => {
  it('are tables, a cell’s lines kept, and keep their caption beside them', async () => {
    const blocks = await blocksOf('+-------+--------------+\n| Fruit | Prix         |\n+=======+==============+\n| Pomme | 1,5 €        |\n|       | le kilo      |\n+-------+--------------+\n| Poire | - deux       |\n|       | - trois      |\n+-------+--------------+\n\n: Prix des fruits\n');
    expect(blocks.map((block) => block.type)).toEqual(['table', 'paragraph']);
    expect(blockText(blocks[0]!).replace(/\s+/gu, ' ')).toBe('Fruit Prix Pomme 1,5 € le kilo Poire • deux• trois');
    expect(blockText(blocks[1]!)).toBe('Prix des fruits');
  });
});

describe('Quarto and R Markdown code chunks', () => {
  it('show as code in their language without options; a chunk with echo: false is left out with a note', async () => {
    const { publication, file } = await load(`${FRONT_MATTER}# Partie\n\n\`\`\`{r setup, include=FALSE}\nlibrary(x)\n\`\`\`\n\n\`\`\`{python}\n#| label: fig-plot\n#| fig-cap: Un tracé\nprint(1)\n\`\`\`\n\n\`\`\`{r}\n#| echo: false\nplot(x)\n\`\`\`\n`, 'rapport.qmd');
    const blocks = publication!.sections[0]!.blocks;
    expect(blocks).toEqual([expect.objectContaining({ type: 'code', lang: 'python', value: 'print(1)' })]);
    expect(messagesOf(file).filter((message) => !message.endsWith(' dialect'))).toEqual(['8:1 code-chunk-hidden', '18:1 code-chunk-hidden', '1:1 code-chunk-output']);
    // Each note names the option the author wrote.
    expect(file.messages.filter((message) => message.ruleId === 'code-chunk-hidden').map((message) => /`(\w+): false`/u.exec(message.reason)?.[1])).toEqual(['include', 'echo']);
  });
});

describe('cross-references in a document that does not say it is pandoc\'s', () => {
  it('read as words that link to the figure, table and section they name; a handle, an e-mail and an unlabelled @sec-x stay as written', async () => {
    const body = 'Voir @fig:chat et [@tbl:t], la @sec:methode ; écrire à contact@exemple.fr ou à @marie, et @sec-ops.\n\n![Un chat](chat.png){#fig:chat width=100% short-caption="Chat"}\n\n| a |\n|---|\n| 1 |\n\n: Les données. []{#tbl:t short-caption="Données"}\n';
    const { publication } = await loadMarkdown(`${FRONT_MATTER}# Méthode {#sec:methode}\n\n${body}`);
    expect(publicationText(publication!).replace(/[\u00a0\u202f]/gu, ' ').split('\n')).toEqual([
      'Méthode',
      'Voir figure 1 et tableau 1, la section « Méthode » ; écrire à contact@exemple.fr ou à @marie, et @sec-ops.',
      'Un chat',
      'Figure 1 : Un chat',
      'a',
      '1',
      'Tableau 1 : Les données.',
    ]);
    const [part] = publication!.sections;
    expect(part!.id).toBe('sec:methode');
    expect(part!.blocks.flatMap((block) => (block.anchor ? [block.anchor] : []))).toEqual(['fig-chat', 'tbl-t']);
  });

  it('number a caption labelled {#tbl:x} beside a pandoc multiline table, so that a reference to it reads "tableau 1"', async () => {
    const table = '-------------------\nPays     Villes\n-------- ----------\nFrance   Paris,\n         Lyon\n-------------------\n';
    const { publication } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\nVoir @tbl:villes.\n\n${table}\n: Les villes. {#tbl:villes}\n`);
    const text = publicationText(publication!).replace(/[\u00a0\u202f]/gu, ' ');
    expect(text).toContain('Voir tableau 1.');
    expect(text).toContain('Tableau 1 : Les villes.');
    expect(text).not.toContain('{#');
  });
});

describe('pandoc line blocks', () => {
  it('keep each line a line without its bar, and the math in them is math when the document writes $$ math', async () => {
    const { publication } = await loadMarkdown('---\ntitle: Essai\nlang: en\n---\n\n# Part\n\n$$\nZ_0 = \\mu_0 c_0\n$$\n\n| where:\n| $c_0$: the speed of light, see [here](https://example.org)\n|    $\\mu_0$ *the permeability*\n  of free space\n\nIt costs 5 $ and 10 $.\n');
    const [equation, lines, price] = publication!.sections[0]!.blocks;
    expect(equation?.type).toBe('math');
    expect(lines?.type === 'paragraph' && lines.children.map((node) => (node.type === 'text' ? node.value : node.type))).toEqual([
      'where:',
      'break',
      'inlineMath',
      ': the speed of light, see ',
      'link',
      'break',
      '\u00a0\u00a0\u00a0',
      'inlineMath',
      ' ',
      'emphasis',
      ' ',
      'of free space',
    ]);
    expect(price && blockText(price)).toBe('It costs 5 $ and 10 $.');
  });

  it('are not tables: a pipe table stays a table', async () => {
    const [table] = await blocksOf('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(table?.type).toBe('table');
  });
});

describe('LaTeX environments written as blocks of their own', () => {
  it('keep the words inside, not the commands; a math environment is set as math; each command named once', async () => {
    const { publication, file } = await loadMarkdown(
      `${FRONT_MATTER}# Partie\n\n\\begin{center}\n    \\smartdiagram[bubble diagram]{\n        Scientific\\\\Writing,\n        text \\& figures % a comment\n    }\n\\end{center}\n\n\\begin{flushleft}\nPremière ligne\\\\\nseconde.\n\n\\includegraphics[width=4cm]{images/cheval.png}\n\\caption{\\href{http://example.org/}{Un cheval}}\n\\end{flushleft}\n\n\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n\nEt la suite.\n`,
    );
    const blocks = publication!.sections[0]!.blocks;
    // A line break as a new line: blockText, as the text a reader copies, has none.
    const shown = (block: Block) => (block.type === 'paragraph' ? block.children.map((node) => (node.type === 'break' ? '\n' : inlineText([node]))).join('') : blockText(block));
    expect(blocks.map((block) => [block.type, shown(block)])).toEqual([
      ['paragraph', 'Scientific Writing, text & figures'],
      ['paragraph', 'Première ligne\nseconde. Un cheval'],
      ['math', '\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}'],
      ['paragraph', 'Et la suite.'],
    ]);
    expect(file.messages.filter((message) => message.ruleId === 'raw-latex').map((message) => `${message.line}:${message.column} ${message.reason.split(' is ')[0]}`)).toEqual([
      '8:1 raw LaTeX `\\begin{center}`',
      '9:5 raw LaTeX `\\smartdiagram`',
      '15:1 raw LaTeX `\\begin{flushleft}`',
      '19:1 raw LaTeX `\\includegraphics`',
      '20:1 raw LaTeX `\\caption`',
      '20:10 raw LaTeX `\\href`',
    ]);
  });
  it("make the document's inline commands LaTeX too: a title's or a heading's \\textbf{} and \\newline are not printed, \\ is a space that does not break; without an environment a backslash stays as typed", async () => {
    const tex = await loadMarkdown(`---\ntitle: Write in Word, \\newline \\textbf{Save in Markdown}, \\newline Publish in \\LaTeX\n---\n\n# Partie\n\n## Write in Word, \\newline \\textbf{Save in Markdown}\n\n\\LaTeX\\ (1985) et \\\\ tel quel.\n\n\\begin{center}\nCentré.\n\\end{center}\n`);
    expect(tex.publication!.meta.title.replace(/\s+/gu, ' ')).toBe('Write in Word, Save in Markdown, Publish in LaTeX');
    expect(tex.publication!.sections[0]!.children[0]!.titleText.replace(/\s+/gu, ' ')).toBe('Write in Word, Save in Markdown');
    // Pandoc's escaped space does not break; an escaped backslash before a space stays one.
    expect(blockText(tex.publication!.sections[0]!.children[0]!.blocks[0]!)).toBe('LaTeX\u00a0(1985) et \\ tel quel.');
    const plain = await loadMarkdown(`${FRONT_MATTER}# Partie\n\nLe dossier C:\\Users\\textes et \\textbf{gras} tels quels.\n`);
    expect(blockText(plain.publication!.sections[0]!.blocks[0]!)).toBe('Le dossier C:\\Users\\textes et \\textbf{gras} tels quels.');
  });
});

describe("pandoc's superscripts", () => {
  it('raise 1^er^ and 2^10^ in every dialect that reads pandoc; carets with spaces between, and code, stay as written', async () => {
    const { publication } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\nDepuis le 1^er^ janvier, 2^10^ octets ; x ^ y ^ z et \`a^b^\`.\n`);
    const paragraph = publication!.sections[0]!.blocks[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.children.filter((node) => node.type === 'superscript').map((node) => blockText({ type: 'paragraph', children: [node], targets: [] }))).toEqual(['er', '10']);
    expect(blockText(paragraph).replace(/[\u00a0\u202f]/gu, ' ')).toBe('Depuis le 1er janvier, 210 octets ; x ^ y ^ z et a^b^.');
  });
});

describe('pandoc inline attributes', () => {
  it('leave the code, the link, the picture and the words, not their braces; braces of prose stay', async () => {
    const quarto = '---\ntitle: Essai\n---\n\n# Partie\n\nLa fonction `as.Date()`{.r} existe, [souligné]{.underline} et [un lien](https://example.org){target="_blank"} ; {en euros} et `x`{en euros}.\n\n![Un chat](chat.png){width=50%}\n';
    const { publication } = await load(quarto, 'page.qmd');
    const blocks = publication!.sections[0]!.blocks;
    expect(blocks.map((block) => blockText(block).replace(/[\u00a0\u202f]/gu, ' '))).toEqual(['La fonction as.Date() existe, souligné et un lien ; {en euros} et x{en euros}.', 'Un chat']);
    const paragraph = blocks[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.children.map((node) => node.type)).toEqual(['text', 'inlineCode', 'text', 'link', 'text', 'inlineCode', 'text']);
  });
});

describe('MDX', () => {
  it('drops import and export, keeps the text inside components, notes the empty ones', async () => {
    const mdx = `---\ntitle: Essai\nsidebar_position: 2\n---\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Installer {#install}\n\nAvec {'<'} et <kbd>Ctrl</kbd>.\n\n{/* un commentaire */}\n\n<Tabs>\n  <TabItem value="npm" label="npm">\n\n  Lancer npm.\n\n  </TabItem>\n</Tabs>\n\n<Image src="x.png" />\n\n:::tip Mon astuce\nAstuce.\n:::\n\nexport const meta = {};\n`;
    const { publication, file } = await load(mdx, 'page.mdx');
    const text = publicationText(publication!);
    expect(text).toBe('Installer\nAvec < et Ctrl.\nnpm Lancer npm.\nMon astuce\nAstuce.');
    expect(publication!.sections[0]!.id).toBe('install');
    expect(messagesOf(file)).toContain('22:1 mdx-component');
    expect(file.messages.find((message) => message.ruleId === 'mdx-component')?.reason).toContain('<Image />');
  });

  it('keeps only the tabs\' text when a component\'s attribute is a JavaScript value written over several lines', async () => {
    const mdx = `${FRONT_MATTER}import Tabs from '@theme/Tabs';\n\n# Installer\n\n<Tabs\n  defaultValue="cli"\n  values={[\n    { label: 'CLI', value: 'cli' },\n    { label: 'Docker', value: 'docker' }\n  ]}>\n  <TabItem value="cli">\n\nAvec la ligne de commande.\n\n  </TabItem>\n</Tabs>\n`;
    const { publication, file } = await load(mdx, 'page.mdx');
    expect(publicationText(publication!)).toBe('Installer\nAvec la ligne de commande.');
    expect(messagesOf(file).filter((message) => message.includes('mdx-unreadable'))).toEqual([]);
  });

  it('that MDX cannot read is read as Markdown, with a warning where MDX stopped', async () => {
    const { publication, file } = await load(`${FRONT_MATTER}# Titre\n\nUne ligne<br>coupée.\n`, 'page.mdx');
    expect(publicationText(publication!)).toContain('coupée');
    expect(messagesOf(file).find((message) => !message.endsWith(' dialect'))).toBe('8:1 mdx-unreadable');
  });
});
