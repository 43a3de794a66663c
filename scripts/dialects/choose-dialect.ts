import { extname } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { parse as parseYaml } from 'yaml';
import remarkTitleBlock from './title-block';
import { DIALECT_NAMES, EXTENSION_NAMES, type DialectName, type ExtensionName } from './names';

/** The syntax each extension reads, as remark plugins; order matters only within one extension. */
const EXTENSION_PLUGINS: Record<ExtensionName, PluggableList> = {
  gfm: [remarkGfm],
  'front-matter': [[remarkFrontmatter, ['yaml', 'toml']]],
  // One YAML construct at a time: with both, micromark reads the blocks after a `...`-closed one wrongly (lists as paragraphs).
  'front-matter-dots': [[remarkFrontmatter, [{ type: 'yaml', marker: { open: '-', close: '.' } }, 'toml']]],
  directives: [remarkDirective],
  'title-block': [remarkTitleBlock],
};

/**
 * What every Markdown a user brings may hold without ambiguity: syntax no other tool prints as
 * text, so reading it is always right.
 */
const COMMON: readonly ExtensionName[] = ['gfm', 'front-matter', 'directives'];

const DIALECTS: Record<DialectName, readonly ExtensionName[]> = {
  markdown: COMMON,
  commonmark: ['front-matter', 'directives'],
  gfm: COMMON,
  pandoc: [...COMMON, 'title-block'],
  quarto: COMMON,
  rmarkdown: [...COMMON, 'title-block'],
  mdx: COMMON,
  docusaurus: COMMON,
  vitepress: COMMON,
  hugo: COMMON,
  obsidian: COMMON,
  // Marp reads no `:::` directives: a deck's `::` is text.
  marp: ['gfm', 'front-matter'],
};

export interface Dialect {
  name: DialectName;
  extensions: readonly ExtensionName[];
  /** Why this dialect: shown by `check` in its info note. */
  reason: 'default' | 'file-extension' | 'front-matter' | 'declared';
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
 * The dialect of a source: declared (front matter's `dialect:` and `extensions:`, else the
 * configuration's `markdown:`), else told by its file name or front matter, else the default.
 */
export function chooseDialect(path: string | undefined, text: string, configured: DialectChoice = {}): Dialect {
  const peeked = peekFrontMatter(text);
  const declared = readChoice(peeked?.data) ?? configured;
  const byExtension = BY_FILE_EXTENSION[extname(path ?? '').toLowerCase()];
  const byKey = BY_FRONT_MATTER_KEY.find(([key]) => peeked?.data[key] !== undefined && peeked.data[key] !== false)?.[1];
  const pandocSigns = peeked?.closedByDots || /^% \S/.test(text) ? 'pandoc' : undefined;
  const name = declared.dialect ?? byExtension ?? byKey ?? pandocSigns ?? 'markdown';
  const reason: Dialect['reason'] = declared.dialect ? 'declared' : byExtension ? 'file-extension' : byKey || pandocSigns ? 'front-matter' : 'default';
  const extensions = applyExtensionEdits(DIALECTS[name], declared.extensions ?? configured.extensions ?? []);
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
  return extensions.flatMap((name) => EXTENSION_PLUGINS[name]);
}
