import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { messages } from '../messages/messages';
import { citationFallback, readBibliography, type Bibliography } from './bibliography';
import { parseCitations, type Citation } from './citation-syntax';
import { parse as parseYaml } from 'yaml';
import { eachPhrasingParent } from './phrasing-text';

/**
 * Pandoc's citations, resolved from the front matter's `bibliography:` (files beside the source)
 * and `references:` in the style of `csl:` (else APA), in the document's language, with the cited
 * entries in a last section. Without a bibliography, or for a key it lacks, a citation is printed
 * readably, "(Kemnitzer 2005)", and one warning says so.
 */
export default function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const lang = String(file.data['lang'] ?? 'en');
    const bibliography = bibliographyOf(tree, file, lang);
    const cited: string[] = [];
    const missing = new Map<string, Citation & { place?: RootContent['position'] }>();
    let first: RootContent['position'] | undefined;
    eachPhrasingParent(tree, file, (parent) => {
      parent.children = parent.children.flatMap((node): PhrasingContent[] => {
        if (node.type !== 'text' || !node.value.includes('@')) return [node];
        const parts = parseCitations(node.value);
        if (parts.every((part) => typeof part === 'string')) return [node];
        return parts.map((part): PhrasingContent => {
          if (typeof part === 'string') return { type: 'text', value: part, position: node.position };
          first ??= node.position;
          for (const item of part.items) {
            if (bibliography?.has(item.key) && !cited.includes(item.key)) cited.push(item.key);
            else if (!bibliography?.has(item.key) && !missing.has(item.key)) missing.set(item.key, { ...part, place: node.position });
          }
          return { type: 'text', value: citationText(part, bibliography), position: node.position } as PhrasingContent;
        });
      });
    });
    if (first && !bibliography && !file.messages.some((message) => message.ruleId === 'bibliography-unreadable')) {
      const example = [...missing.values()][0]!;
      file.message(`citations without a bibliography: ${missing.size} key(s) printed from the key, ${example.written} as ${citationFallback(example)}; name a BibTeX, CSL-JSON or CSL-YAML file beside the source in \`bibliography:\``, {
        place: first,
        ruleId: 'citation-unresolved',
        source: 'triptyque',
      });
    } else if (bibliography && missing.size > 0) {
      const keys = [...missing.keys()];
      file.message(`citation key(s) not in the bibliography, printed as written: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? '…' : ''}`, { place: [...missing.values()][0]!.place, ruleId: 'citation-unresolved', source: 'triptyque' });
    }
    if (bibliography && cited.length > 0) appendReferences(tree, bibliography.entries(cited), lang);
  };
}

/** The style's citation; a key the bibliography lacks, readable from the key, in the same brackets. */
function citationText(citation: Citation, bibliography: Bibliography | undefined): string {
  const known = citation.items.filter((item) => bibliography?.has(item.key));
  if (bibliography && known.length === citation.items.length) return bibliography.cite(citation);
  if (!bibliography || known.length === 0 || citation.inText) return citationFallback(citation);
  const inside = (text: string) => text.replace(/^\((.*)\)$/su, '$1');
  const unknown = citation.items.filter((item) => !bibliography.has(item.key));
  return `(${inside(bibliography.cite({ ...citation, items: known }))}; ${inside(citationFallback({ ...citation, items: unknown }))})`;
}

function frontMatterData(tree: Root): Record<string, unknown> {
  const yaml = tree.children.find((node) => node.type === 'yaml');
  try {
    const data: unknown = yaml ? parseYaml(yaml.value, { maxAliasCount: 100 }) : undefined;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    // The front matter's own reader reports a block that is not YAML.
    return {};
  }
}

function bibliographyOf(tree: Root, file: VFile, lang: string): Bibliography | undefined {
  const data = frontMatterData(tree);
  const named = [data['bibliography']].flat().filter((path): path is string => typeof path === 'string');
  const references = data['references'];
  if (named.length === 0 && !Array.isArray(references)) return undefined;
  const dir = dirname(resolve(file.path ?? 'source.md'));
  const paths = named.map((path) => resolve(dir, path));
  const csl = typeof data['csl'] === 'string' ? resolve(dir, data['csl']) : undefined;
  // Files the publication is made from besides the source: a change rebuilds it (`input-fingerprint.ts`).
  const read = [...paths, ...(csl ? [csl] : [])];
  file.data['dependencies'] = [...((file.data['dependencies'] as string[] | undefined) ?? []), ...read];
  const absent = paths.find((path) => !existsSync(path));
  try {
    if (absent) throw new Error(`no file ${absent}`);
    return readBibliography(paths, references, { lang, cslFile: csl && existsSync(csl) ? csl : undefined });
  } catch (error) {
    file.message(`the bibliography cannot be read (${error instanceof Error ? error.message : String(error)}): citations are printed as written`, {
      place: { line: 1, column: 1 },
      ruleId: 'bibliography-unreadable',
      source: 'triptyque',
    });
    return undefined;
  }
}

/**
 * The entries under the document's last heading when it has nothing under it (pandoc's
 * "# References" at the end), else under a new last section at the top level.
 */
function appendReferences(tree: Root, entries: readonly PhrasingContent[][], lang: string): void {
  const paragraphs: Paragraph[] = entries.map((children) => ({ type: 'paragraph', children }));
  const last = tree.children.at(-1);
  if (last?.type === 'heading' && toString(last).trim()) {
    tree.children.push(...paragraphs);
    return;
  }
  const depths = tree.children.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth);
  const depth = (depths.length > 0 ? Math.min(...depths) : 1) as Heading['depth'];
  tree.children.push({ type: 'heading', depth, children: [{ type: 'text', value: messages(lang).bibliographyTitle }] }, ...paragraphs);
}
