import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { ElementContent, Root as HastRoot } from 'hast';
import type { PhrasingContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { primaryLanguage } from '../typography/rules';
import type { Citation, CiteItem } from './citation-syntax';

/** The CSL locales `@citation-js/plugin-csl` ships; other languages get English terms. */
const LOCALES: Record<string, string> = { en: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', nl: 'nl-NL' };
/** An author-date style, as pandoc's default (Chicago author-date) is; the one plugin-csl ships. */
const DEFAULT_STYLE = 'apa';

export interface Bibliography {
  /** The keys it holds. */
  has(key: string): boolean;
  /** A citation as the style writes it: "(Kemnitzer, 2005, p. 3)", "Kemnitzer (2005)". */
  cite(citation: Citation): string;
  /** The cited entries, in the style's order, with the style's italics and links. */
  entries(keys: readonly string[]): PhrasingContent[][];
}

/** Entries of the files named by `bibliography:` (BibTeX, CSL-JSON, CSL-YAML), plus the front matter's own `references:`. Throws what cannot be read. */
export function readBibliography(paths: readonly string[], references: unknown, options: { lang: string; cslFile?: string }): Bibliography {
  const data: unknown[] = [];
  for (const path of paths) data.push(...entriesOf(path));
  if (Array.isArray(references)) data.push(...references);
  const cite = new Cite(data);
  const template = options.cslFile ? registerStyle(options.cslFile) : DEFAULT_STYLE;
  const lang = LOCALES[primaryLanguage(options.lang)] ?? 'en-US';
  const keys = new Set(cite.data.map((entry) => entry.id));
  const format = (items: object[]) => cite.format('citation', { template, lang, format: 'text', entry: items }).trim();
  return {
    has: (key) => keys.has(key),
    cite(citation) {
      if (!citation.inText) return format(citation.items.map(citeItem));
      // The author in the sentence, the rest in brackets: "Kemnitzer (2005, p. 3)".
      const [item] = citation.items.map(citeItem);
      return `${format([{ ...item, 'author-only': true, locator: undefined, label: undefined, suffix: undefined }])} ${format([{ ...item, 'suppress-author': true }])}`;
    },
    entries(cited) {
      const html = cite.format('bibliography', { template, lang, format: 'html', entry: cited.filter((key) => keys.has(key)) });
      const tree = htmlParser.parse(html) as HastRoot;
      const entries: PhrasingContent[][] = [];
      visit(tree, 'element', (node) => {
        if (!String(node.properties['className'] ?? '').includes('csl-entry')) return undefined;
        entries.push(phrasingOf(node.children));
        return SKIP;
      });
      return entries;
    },
  };
}

const htmlParser = unified().use(rehypeParse, { fragment: true });

/** citeproc's HTML of an entry as Markdown's phrasing: italics, bold and links kept, every other tag by its text. */
function phrasingOf(nodes: readonly ElementContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'text') return node.value ? [{ type: 'text', value: node.value }] : [];
    if (node.type !== 'element') return [];
    const children = phrasingOf(node.children);
    if (node.tagName === 'i' || node.tagName === 'em') return [{ type: 'emphasis', children }];
    if (node.tagName === 'b' || node.tagName === 'strong') return [{ type: 'strong', children }];
    if (node.tagName === 'a' && typeof node.properties['href'] === 'string') return [{ type: 'link', url: node.properties['href'], children }];
    return children;
  });
}

function entriesOf(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return [JSON.parse(text)].flat();
  if (extension === '.yaml' || extension === '.yml') {
    const data: unknown = parseYaml(text, { maxAliasCount: 100 });
    const list = (data as { references?: unknown } | null)?.references ?? data;
    return Array.isArray(list) ? list : [];
  }
  return new Cite(text, { forceType: '@biblatex/text' }).data;
}

/** A `.csl` file beside the source, registered under a name of its content. */
function registerStyle(path: string): string {
  const xml = readFileSync(path, 'utf8');
  const name = `style-${createHash('sha256').update(xml).digest('hex').slice(0, 12)}`;
  const templates = plugins.config.get('@csl').templates;
  if (!templates.has(name)) templates.add(name, xml);
  return name;
}

/** Pandoc's locator labels, for the style to write in the document's language. */
const LOCATOR = /^,?\s*(p|pp|page|pages|chap|chapter|ch|sec|section|§|vol|volume|fig|figure|l|line|n|note|para|paragraph)\.?\s*([\p{N}IVXLCivxlc][\p{N}IVXLCivxlc\-–,\s]*?)(\s*,.*)?$/u;
const LABELS: Record<string, string> = {
  p: 'page', pp: 'page', page: 'page', pages: 'page', chap: 'chapter', chapter: 'chapter', ch: 'chapter', sec: 'section', section: 'section', '§': 'section',
  vol: 'volume', volume: 'volume', fig: 'figure', figure: 'figure', l: 'line', line: 'line', n: 'note', note: 'note', para: 'paragraph', paragraph: 'paragraph',
};

function citeItem(item: CiteItem): Record<string, unknown> {
  const out: Record<string, unknown> = { id: item.key };
  if (item.prefix) out['prefix'] = `${item.prefix} `;
  if (item.suppressAuthor) out['suppress-author'] = true;
  const locator = item.suffix ? LOCATOR.exec(item.suffix) : null;
  if (locator) {
    out['label'] = LABELS[locator[1]!.toLowerCase()];
    out['locator'] = locator[2]!.trim();
    if (locator[3]) out['suffix'] = locator[3];
  } else if (item.suffix) out['suffix'] = /^[,;.]/u.test(item.suffix) ? item.suffix : `, ${item.suffix}`;
  return out;
}

/**
 * A citation printed without its entry, readably: "(Kemnitzer 2005, p. 3)" for a key written
 * name-then-year (`kemnitzer2005`, `Kemnitzer_2005a`), else the key itself.
 */
export function citationFallback(citation: Citation): string {
  const names = citation.items.map((item) => {
    const readable = readableKey(item.key);
    return [item.prefix, item.suppressAuthor ? readable.year ?? readable.text : readable.text].filter(Boolean).join(' ') + (item.suffix ? (/^[,;.]/u.test(item.suffix) ? item.suffix : `, ${item.suffix}`) : '');
  });
  if (citation.inText) {
    const readable = readableKey(citation.items[0]!.key);
    const suffix = citation.items[0]!.suffix;
    return readable.year ? `${readable.name} (${readable.year}${suffix ? `, ${suffix.replace(/^,\s*/u, '')}` : ''})` : names[0]!;
  }
  return `(${names.join('; ')})`;
}

function readableKey(key: string): { text: string; name?: string; year?: string } {
  const match = /^(\p{L}[\p{L}'’-]*?)[-_:]?((?:1[5-9]|20)\d\d[a-z]?)$/u.exec(key);
  if (!match) return { text: key };
  const name = match[1]!.charAt(0).toLocaleUpperCase() + match[1]!.slice(1);
  return { text: `${name} ${match[2]}`, name, year: match[2] };
}
