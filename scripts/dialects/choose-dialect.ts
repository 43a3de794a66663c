import { extname } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';
import { parse as parseYaml } from 'yaml';
import remarkTitleBlock from './title-block';
import remarkComment from '@slorber/remark-comment';
import remarkCallouts from './syntax/remark-callouts';
import remarkEscapedSpaces from './syntax/remark-escaped-spaces';
import remarkSuperscript from './syntax/remark-superscript';
import remarkHugoShortcodes from './syntax/remark-hugo-shortcodes';
import remarkCodeChunks from './syntax/remark-code-chunks';
import remarkContainers from './syntax/remark-containers';
import remarkDefinitionList from 'remark-definition-list';
import remarkGridTables from './syntax/remark-grid-tables';
import remarkPandocTables from './syntax/remark-pandoc-tables';
import remarkHighlights from './syntax/remark-highlights';
import remarkHeadingAttributes from './syntax/remark-heading-attributes';
import remarkLineBlocks from './syntax/remark-line-blocks';
import remarkInlineAttributes from './syntax/remark-inline-attributes';
import remarkMdxContent from './syntax/remark-mdx-content';
import remarkObsidianComments from './syntax/remark-obsidian-comments';
import remarkTableCaptions from './syntax/remark-table-captions';
import remarkUnreadTables from './syntax/remark-unread-tables';
import remarkWikilinks from './syntax/remark-wikilinks';
import { DIALECT_NAMES, EXTENSION_NAMES, type DialectName, type ExtensionName } from './names';
import type { ReadAs } from '../config/schema';
import remarkCitations from './citations';
import remarkCrossReferences from './cross-references';
import remarkInlineNotes from './inline-notes';
import remarkMathBackslash from './math-backslash';
import remarkMathBlocks from './math-blocks';
import remarkRawTex from './raw-tex';

/** The syntax each extension reads, as remark plugins; order matters only within one extension. */
const EXTENSION_PLUGINS: Record<ExtensionName, PluggableList> = {
  gfm: [remarkGfm],
  'front-matter': [[remarkFrontmatter, ['yaml', 'toml']]],
  // One YAML construct at a time: with both, micromark reads the blocks after a `...`-closed one wrongly (lists as paragraphs).
  'front-matter-dots': [[remarkFrontmatter, [{ type: 'yaml', marker: { open: '-', close: '.' } }, 'toml']]],
  directives: [remarkDirective],
  'title-block': [remarkTitleBlock],
  'heading-attributes': [remarkHeadingAttributes],
  containers: [remarkContainers],
  shortcodes: [remarkHugoShortcodes],
  callouts: [remarkCallouts],
  'definition-lists': [remarkDefinitionList],
  'grid-tables': [remarkGridTables, remarkPandocTables, remarkUnreadTables],
  'line-blocks': [remarkLineBlocks],
  'inline-attributes': [remarkInlineAttributes],
  'table-captions': [remarkTableCaptions],
  'code-chunks': [remarkCodeChunks],
  wikilinks: [remarkWikilinks],
  highlights: [remarkHighlights],
  'obsidian-comments': [remarkObsidianComments],
  // After MDX, so its reading of `<!-- -->` is tried first: Docusaurus reads HTML comments in MDX the same way.
  mdx: [remarkMdxContent, remarkComment],
  // unified keeps one remark-math and merges the options: with both extensions, `$` opens math too.
  math: [[remarkMath, { singleDollarTextMath: false }], remarkMathBlocks],
  'math-dollars': [[remarkMath, { singleDollarTextMath: true }], remarkMathBlocks],
  'math-backslash': [[remarkMath, { singleDollarTextMath: false }], remarkMathBackslash, remarkMathBlocks],
  'page-breaks': [[remarkRawTex, { commands: false }]],
  'raw-tex': [[remarkRawTex, { commands: true }]],
  // unified keeps one raw-TeX plugin and merges the options of the extensions that use it.
  'tex-environments': [[remarkRawTex, { environments: true }]],
  superscript: [remarkSuperscript],
  'escaped-spaces': [remarkEscapedSpaces],
  'inline-notes': [remarkInlineNotes],
  citations: [remarkCitations],
  'cross-references': [[remarkCrossReferences, { dashesToLabelsOnly: false }]],
  'cross-references-unambiguous': [[remarkCrossReferences, { dashesToLabelsOnly: true }]],
};

/**
 * What every Markdown a user brings may hold without ambiguity: syntax no other tool prints as
 * text, so reading it is always right.
 */
// Hugo's shortcodes (`{{% note %}}`) are no prose in any tool, and Hugo pages share front-matter keys with others (`aliases`).
const COMMON: readonly ExtensionName[] = ['gfm', 'front-matter', 'directives', 'shortcodes'];

/** Pandoc's syntax that no other tool prints as text, read in its family and by default. */
const PANDOC_UNAMBIGUOUS: readonly ExtensionName[] = [
  ...COMMON,
  'title-block',
  'heading-attributes',
  'containers',
  'grid-tables',
  // Only pandoc has them; other tools print the lines with their bars, as a reader would not write them.
  'line-blocks',
  // `{.r}` right after a code span, `[words]{.class}`: braces no prose puts there.
  'inline-attributes',
  // `1^er^`: a caret closed with no space between is no one's prose.
  'superscript',
  'table-captions',
  'math',
  // Pandoc's users write `\newpage` alone on a line without saying their Markdown is pandoc's.
  'page-breaks',
  // And `\begin{center}`…`\end{center}`, which no Markdown means as text.
  'tex-environments',
];

/** What each tool's Markdown adds to the common part: pandoc's own syntax only in pandoc's family. */
// A line opening on ": " after a one-line paragraph is a definition in pandoc, but also French prose
// wrapped before its colon: definition lists only where the author's tool has them.
const PANDOC: readonly ExtensionName[] = [...PANDOC_UNAMBIGUOUS, 'definition-lists', 'math-dollars', 'raw-tex', 'escaped-spaces', 'inline-notes', 'citations', 'cross-references'];
const DOCS_SITE: readonly ExtensionName[] = [...COMMON, 'heading-attributes', 'containers', 'math'];

/**
 * The default reads every other tool's syntax that plain Markdown would only print as text, so a
 * document brought from anywhere reads right without being told. Left out: MDX (it reads `<` and
 * `{` in prose as code), a single `$` as math (French prose writes "5 $"), citations (`@name` is also a
 * handle) and raw TeX; cross-references only where a prefix says so (`@fig:x`).
 */
const EVERY_UNAMBIGUOUS: readonly ExtensionName[] = [...PANDOC_UNAMBIGUOUS, 'callouts', 'code-chunks', 'wikilinks', 'highlights', 'obsidian-comments', 'cross-references-unambiguous'];

const DIALECTS: Record<DialectName, readonly ExtensionName[]> = {
  markdown: EVERY_UNAMBIGUOUS,
  commonmark: ['front-matter', 'directives'],
  // GitHub renders `$...$` and `$$...$$` with MathJax.
  gfm: [...COMMON, 'callouts', 'math', 'math-dollars'],
  pandoc: PANDOC,
  quarto: [...PANDOC, 'callouts', 'code-chunks'],
  rmarkdown: [...PANDOC, 'code-chunks', 'math-backslash'],
  mdx: [...DOCS_SITE, 'mdx'],
  // Docusaurus documents math as remark-math with its defaults; VitePress's `markdown.math` reads `$` too.
  docusaurus: [...DOCS_SITE, 'mdx', 'math-dollars'],
  vitepress: [...DOCS_SITE, 'callouts', 'math-dollars'],
  hugo: [...DOCS_SITE, 'callouts', 'definition-lists'],
  // Obsidian reads `$...$`, `$$...$$` and inline notes `^[...]`.
  obsidian: [...COMMON, 'callouts', 'wikilinks', 'highlights', 'obsidian-comments', 'math', 'math-dollars', 'inline-notes'],
  // Marp reads no `:::` directives: a deck's `::` is text.
  marp: ['gfm', 'front-matter'],
};

export interface Dialect {
  name: DialectName;
  extensions: readonly ExtensionName[];
  /** Why this dialect: shown by `check` in its info note. */
  reason: 'default' | 'file-extension' | 'front-matter' | 'declared' | 'read-as-deck';
}

/** `+name` adds an extension, `-name` removes it, as pandoc's `-f markdown+smart-raw_html`. */
export interface DialectChoice {
  dialect?: DialectName;
  extensions?: readonly string[];
}

const BY_FILE_EXTENSION: Record<string, DialectName> = {
  '.qmd': 'quarto',
  '.rmd': 'rmarkdown',
  '.mdx': 'mdx',
};

/** Front-matter keys only one tool writes, in the order they are tried. */
const BY_FRONT_MATTER_KEY: readonly [string, DialectName][] = [
  ['marp', 'marp'],
  ['format', 'quarto'],
  ['output', 'rmarkdown'],
  ['bibliography', 'pandoc'],
  ['csl', 'pandoc'],
  ['sidebar_position', 'docusaurus'],
  ['sidebar_label', 'docusaurus'],
  ['cssclasses', 'obsidian'],
  ['aliases', 'obsidian'],
];

/**
 * A line opening on `$$`: the document writes TeX math, so its `$...$` are math too, in every tool
 * that reads `$$` (pandoc, GitHub, Obsidian, VitePress...). The default reads them then; a price
 * ("5 $") stays one by math-dollars' own rule.
 */
const DISPLAY_MATH = /^[ \t]*\$\$/mu;

/**
 * A LaTeX environment as a block of its own (`\begin{center}`): the document was written for
 * pandoc and LaTeX, so its inline commands (`\textbf{...}`, `\newline`) are LaTeX too, and its `\ `
 * pandoc's escaped space.
 */
const TEX_ENVIRONMENT = /^[ \t]*\\begin\{[A-Za-z]+\*?\}/mu;

/** The extensions a default-dialect document turns on by what it writes. */
function signedExtensions(text: string): ExtensionName[] {
  return [...(DISPLAY_MATH.test(text) ? (['math-dollars'] as const) : []), ...(TEX_ENVIRONMENT.test(text) ? (['raw-tex', 'escaped-spaces'] as const) : [])];
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * The front matter's data read ahead of parsing, to choose the dialect the parse will use; a
 * block that is not valid YAML reads as none here (the parse reports it at its place).
 */
export function peekFrontMatter(text: string): { data: Record<string, unknown>; closedByDots: boolean } | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  try {
    const data: unknown = parseYaml(match[1]!, { maxAliasCount: 100 });
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? { data: data as Record<string, unknown>, closedByDots: match[2] === '...' } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The dialect of a source: a deck's (Marp's) when the run reads every source as a deck
 * (`--as deck`, the configuration's `as: deck`); else declared (front matter's `dialect:` and
 * `extensions:`, else the configuration's `markdown:`), else told by its file name or front
 * matter, else the default.
 */
export function chooseDialect(path: string | undefined, text: string, configured: DialectChoice = {}, readAs?: ReadAs): Dialect {
  const peeked = peekFrontMatter(text);
  const declared = readChoice(peeked?.data) ?? configured;
  const byExtension = BY_FILE_EXTENSION[extname(path ?? '').toLowerCase()];
  const byKey = BY_FRONT_MATTER_KEY.find(([key]) => peeked?.data[key] !== undefined && peeked.data[key] !== false)?.[1];
  const pandocSigns = peeked?.closedByDots || /^% \S/.test(text) ? 'pandoc' : undefined;
  const asDeck = readAs === 'deck' ? 'marp' : undefined;
  const name = asDeck ?? declared.dialect ?? byExtension ?? byKey ?? pandocSigns ?? 'markdown';
  const reason: Dialect['reason'] = asDeck ? 'read-as-deck' : declared.dialect ? 'declared' : byExtension ? 'file-extension' : byKey || pandocSigns ? 'front-matter' : 'default';
  const extensions = applyExtensionEdits(name === 'markdown' ? [...DIALECTS[name], ...signedExtensions(text)] : DIALECTS[name], declared.extensions ?? configured.extensions ?? []);
  const frontMatter = extensions.indexOf('front-matter');
  if (peeked?.closedByDots && frontMatter !== -1) extensions.splice(frontMatter, 1, 'front-matter-dots');
  return { name, extensions, reason };
}

function readChoice(data: Record<string, unknown> | undefined): DialectChoice | undefined {
  const dialect = data?.['dialect'];
  const extensions = data?.['extensions'];
  const validDialect = typeof dialect === 'string' && (DIALECT_NAMES as readonly string[]).includes(dialect) ? (dialect as DialectName) : undefined;
  const validExtensions = Array.isArray(extensions) ? extensions.filter((item): item is string => typeof item === 'string') : undefined;
  return validDialect || validExtensions ? { dialect: validDialect, extensions: validExtensions } : undefined;
}

function applyExtensionEdits(base: readonly ExtensionName[], edits: readonly string[]): ExtensionName[] {
  const set = new Set<ExtensionName>(base);
  for (const edit of edits) {
    const name = edit.replace(/^[+-]/, '') as ExtensionName;
    if (!(EXTENSION_NAMES as readonly string[]).includes(name)) continue;
    if (edit.startsWith('-')) set.delete(name);
    else set.add(name);
  }
  // Plugins run in the table's order whatever order the edits named them in.
  return EXTENSION_NAMES.filter((name) => set.has(name));
}

/** The remark plugins that read a dialect's syntax, in order. */
export function dialectPlugins(extensions: readonly ExtensionName[]): PluggableList {
  // unified merges the options of a plugin used twice into the first object it was given: each
  // processor gets copies, or `math-dollars` in one dialect would turn `$` into math in all.
  return extensions.flatMap((name) =>
    EXTENSION_PLUGINS[name].map((entry) => (Array.isArray(entry) ? ([entry[0], ...entry.slice(1).map((options) => (Array.isArray(options) ? [...options] : options && typeof options === 'object' ? { ...options } : options))] as typeof entry) : entry)),
  );
}
