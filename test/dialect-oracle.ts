import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { comparableWords, missingWordsOf, pandoc } from './pandoc-oracle';

export { comparableWords, missingWordsOf };

/**
 * An independent reading of a document written for another tool: pandoc (Debian's `pandoc`, a
 * test-only tool) reads it with the reader closest to that tool, and its plain-text output is
 * what a reader of the source sees. Triptyque's own parser is never used here.
 */
export interface DialectCase {
  /** pandoc's reader: the tool's own Markdown, or CommonMark for tools built on it. */
  reader: string;
  /** What the tool's chain does to the file before pandoc reads it (knitr, for Quarto and R Markdown). */
  prepare?: (source: string) => string;
  /**
   * What the dialect's tool shows differently from pandoc's reading, or does not show, each
   * applied to pandoc's text (and to the code it read) before words are compared.
   */
  allowances: readonly Allowance[];
  /** Syntax of the dialect that must never be printed as text (except inside code that shows it). */
  syntax: readonly RegExp[];
}

type Allowance = (text: string) => string;

/** A fenced container's fence and type (`::: tip`, `:::note[`, `::: {.callout-note}`): the tool draws a box with a label; its title stays text. */
const containerFences: Allowance = (text) => text.replace(/:{3,}[ \t]*(?:\{[^}\n]*\}|[\p{L}\p{N}_-]+)?/gu, ' ');

/**
 * Citation and cross-reference keys (`[@Cousteau1963]`, `@fig-x`, `@tbl:y`, `\@ref(intro)`): the
 * tool prints the reference ("(Cousteau 1963)", "figure 2"), not the key. An `@` inside a word
 * (an email address) is left alone.
 */
const referenceKeys: Allowance = (text) => text.replace(/\\?@ref\([^)\n]*\)/g, ' ').replace(/(?<![\w.])-?@[\w:.#$%&+?<>~/-]*\w/g, ' ');

/** TeX math (read with pandoc's math extensions off, so it stays between its dollars): rendered as math, not as words. */
const texMath: Allowance = (text) => text.replace(/\$\$[\s\S]*?\$\$/g, ' ').replace(/\$[^$\n]+?\$/g, ' ');

/** Footnote numbers (`[1]`) and ordered-list numbers (`3.  `): the brochure numbers notes and list items itself, as markers that are not text. */
const numbering: Allowance = (text) => text.replace(/\[\d+\]/g, ' ').replace(/^[ \t]*(?:\d+|[a-zA-Z]|[ivxlcdm]+)[.)][ \t]+/gm, '');

/**
 * knitr's chunk fences: knitr turns ```` ```{r, eval = FALSE} ```` into ```` ```r ```` before pandoc
 * ever reads the file (pandoc alone reads such a header as inline code and loses the fences). A
 * chunk with `include=FALSE` or `echo=FALSE` (in its header or as `#| include: false`) shows no
 * code in knitr's output, so none here: what it would print is computed, and never in the source.
 */
const knitrChunks = (source: string) =>
  source
    .replace(/^([ \t]*`{3,})[ \t]*\{[\w.-]+[^}\n]*\b(?:include|echo)[ \t]*=[ \t]*(?:FALSE|F)\b[^}\n]*\}[ \t]*\n[\s\S]*?^\1[ \t]*$/gm, '')
    .replace(/^([ \t]*`{3,})[ \t]*\{[\w.-]+[^}\n]*\}[ \t]*\n(?:[ \t]*#\|.*\n)*?[ \t]*#\|[ \t]*(?:include|echo):[ \t]*false[ \t]*\n[\s\S]*?^\1[ \t]*$/gm, '')
    .replace(/^([ \t]*`{3,})[ \t]*\{([\w.-]+)[^}\n]*\}[ \t]*$/gm, '$1$2');

/** A chunk's `#|` option lines: instructions to the engine, not code a reader sees. */
const chunkOptions: Allowance = (text) => text.replace(/^[ \t]*#\|.*$/gm, '');

/** Hugo and Quarto shortcodes (`{{< ref "x" >}}`, `{{% note "Titre" %}}`): rendered or dropped by the tool; only a quoted positional argument (a title) may be shown. */
const shortcodes: Allowance = (text) =>
  text.replace(/\{\{[<%]([\s\S]*?)[%>]\}\}/g, (_whole, inner: string) =>
    ` ${[...inner.replace(/[\w-]+\s*=\s*(?:"[^"]*"|“[^”]*”|'[^']*'|\S+)/g, ' ').matchAll(/"([^"]*)"|“([^”]*)”/g)].map((match) => match[1] ?? match[2]).join(' ')} `,
  );

/** A TOML front matter (`+++`), which pandoc's readers do not know: metadata, not text. */
const tomlFrontMatter: Allowance = (text) => text.replace(/^\+\+\+\n[\s\S]*?\n\+\+\+\n/, '');

/** MDX's ESM lines (`import Tabs from '@theme/Tabs'`, `export const x = ...`): code for the site's build, never shown. */
const esmLines: Allowance = (text) => text.replace(/^(?:import|export)\s.*$/gm, '');

/** MDX's JSX tags and their attributes (`<Tabs values={[...]}>`, `</TabItem>`): components of the site; their children stay text. */
const jsxTags: Allowance = (text) => text.replace(/<\/?[A-Z][\w.]*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[^<>{}])*\/?>/g, ' ');

/** Obsidian's `%%comments%%`: hidden in reading view. */
const obsidianComments: Allowance = (text) => text.replace(/%%[\s\S]*?%%/g, ' ');

/** Obsidian's embeds (`![[Note#Heading]]`): another note's content, which a single-file build does not have. */
const obsidianEmbeds: Allowance = (text) => text.replace(/!\[\[[^\]\n]*\]\]/g, ' ');

/** Obsidian's wikilinks: `[[Note|shown]]` shows its alias, `[[Note#Heading]]` its target. */
const wikilinks: Allowance = (text) => text.replace(/\[\[[^\]|\n]*\|([^\]\n]*)\]\]/g, ' $1 ').replace(/\[\[([^\]\n]*)\]\]/g, ' $1 ');

/** A callout's type and fold marker (`> [!tip]-`): drawn as a label in the document's language. */
const calloutTypes: Allowance = (text) => text.replace(/\[![\w-]+\][+-]?/g, ' ');

const COMMON_SYNTAX = [/:::/g, /\{#[\w:-]/g, /\{\.[\w-]/g];
const PANDOC_SYNTAX = [...COMMON_SYNTAX, /\$\$/g, /\$[^$\s](?:[^$\n]*[^$\s])?\$/g, /\\frac/g, /\\begin\{/g, /\[-?@/g, /\\newpage/g, /\\index\{/g, /\^\[/g, /^\s*\+[-=:]{3,}\+/gm, /^\s*% \S/gm];

/** A dialect per folder of test/corpus/dialects. */
export const DIALECTS: Record<string, DialectCase> = {
  pandoc: {
    reader: 'markdown-tex_math_dollars-tex_math_single_backslash',
    allowances: [containerFences, texMath, referenceKeys, numbering],
    syntax: [...PANDOC_SYNTAX, /(?<![\w.])@(?:fig|tbl|sec|eq|lst):/g],
  },
  quarto: {
    reader: 'markdown-tex_math_dollars-tex_math_single_backslash',
    prepare: knitrChunks,
    allowances: [containerFences, texMath, referenceKeys, numbering, chunkOptions, shortcodes],
    syntax: [...PANDOC_SYNTAX, /(?<![\w.])@(?:fig|tbl|sec|eq|lst)-/g, /^\s*#\|/gm, /\{r[\s,}]/g, /\{python/g, /\{\{</g],
  },
  rmarkdown: {
    reader: 'markdown-tex_math_dollars-tex_math_single_backslash',
    prepare: knitrChunks,
    allowances: [containerFences, texMath, referenceKeys, numbering, chunkOptions],
    syntax: [...PANDOC_SYNTAX, /@ref\(/g, /^\s*#\|/gm, /\{r[\s,}]/g, /`r /g],
  },
  docusaurus: {
    reader: 'gfm+attributes',
    allowances: [containerFences, esmLines, jsxTags, numbering],
    syntax: [...COMMON_SYNTAX, /^\s*import\s.+\sfrom\s/gm, /^\s*export\s/gm, /<\/?Tabs\b/g, /<\/?TabItem\b/g, /\w+=\{/g],
  },
  vitepress: {
    reader: 'gfm+attributes',
    allowances: [containerFences, numbering],
    syntax: [...COMMON_SYNTAX, /\[\[toc\]\]/g],
  },
  vuepress: {
    reader: 'gfm+attributes',
    allowances: [containerFences, numbering],
    syntax: [...COMMON_SYNTAX, /\[\[toc\]\]/g],
  },
  hugo: {
    reader: 'gfm+attributes',
    allowances: [tomlFrontMatter, shortcodes, numbering],
    syntax: [/\{\{[<%]/g, /[%>]\}\}/g, /\{#[\w-]/g, /^\s*\+\+\+/gm],
  },
  obsidian: {
    reader: 'gfm',
    allowances: [obsidianComments, obsidianEmbeds, wikilinks, calloutTypes, numbering],
    syntax: [/\[\[/g, /\]\]/g, /%%/g, /\[![\w-]+\]/g],
  },
  jekyll: {
    reader: 'markdown',
    allowances: [numbering],
    syntax: [/\{#[\w-]/g, /\{:/g, /^\s*:\s{2,}/gm, /\{%/g, /\{\{/g],
  },
};

export interface Reading {
  /** pandoc's plain text, with the dialect's allowances applied. */
  text: string;
  /** The text of the code (inline and blocks) pandoc read, allowances applied: syntax shown there is the document's subject. */
  code: string;
}

interface PandocNode {
  t?: string;
  c?: unknown;
}

function codeOf(node: unknown, out: string[]): void {
  if (Array.isArray(node)) for (const child of node) codeOf(child, out);
  else if (node && typeof node === 'object') {
    const { t, c } = node as PandocNode;
    if ((t === 'Code' || t === 'CodeBlock') && Array.isArray(c) && typeof c[1] === 'string') out.push(c[1]);
    else for (const value of Object.values(node)) codeOf(value, out);
  }
}

/** pandoc's reading of `path` as `dialect` writes it. */
export function pandocReading(path: string, dialect: DialectCase): Reading {
  const source = readFileSync(path, 'utf8');
  const input = dialect.prepare ? dialect.prepare(source) : source;
  const run = (to: string) => pandoc(['--from', dialect.reader, '--to', to, '--wrap=preserve'], input, dirname(path));
  const allow = (text: string) => dialect.allowances.reduce((result, allowance) => allowance(result), text);
  const code: string[] = [];
  codeOf(JSON.parse(run('json')), code);
  return { text: allow(run('plain')), code: allow(code.join('\n')) };
}

/** Each syntax pattern found in `printed` more often than the document's code shows it, with where it was seen. */
export function printedSyntax(printed: string, reading: Reading, syntax: readonly RegExp[]): string[] {
  const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;
  return syntax.flatMap((pattern) => {
    const found = [...printed.matchAll(pattern)];
    const shown = count(reading.code, pattern);
    if (found.length <= shown) return [];
    const at = found[0]!.index;
    const context = printed.slice(Math.max(0, at - 30), at + 40).replace(/\s+/g, ' ');
    return [`${pattern.source}: ${found.length} printed (${shown} in code), e.g. "…${context}…"`];
  });
}
