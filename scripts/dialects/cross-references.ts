import type { Heading, Image, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Math } from 'mdast-util-math';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { messages, type Messages } from '../messages/messages';
import type { EquationData } from './math-blocks';
import { eachPhrasingParent } from './phrasing-text';

type Kind = 'fig' | 'tbl' | 'eq' | 'sec';
interface Target {
  kind: Kind;
  /** A heading known only by the identifier pandoc would make of its title: it gets that id once referred to. */
  heading?: Heading;
  /** Figures, tables and equations are numbered; a section is named by its title. */
  number?: number;
  title?: string;
  /** A heading's id as its author wrote it, which the author's own links may name: references link there too. */
  anchor?: string;
}

/**
 * `{#fig:x}` / `{#fig-x}` (pandoc-crossref's and Quarto's), with maybe classes or attributes after
 * it; a caption may carry it on an empty span, `[]{#tbl:x}`.
 */
const ATTRIBUTES = /\s*(?:\[\])?\{#((?:fig|tbl|sec|eq)[:-][^\s}]+)[^}]*\}\s*$/u;
/** A heading's `{#id}`: any id, bookdown refers to chapters by theirs (`\@ref(intro)`). */
const HEADING_ATTRIBUTES = /\s*\{#([^\s}]+)[^}]*\}\s*$/u;
/** pandoc's table caption, before or after its table: `: Caption` or `Table: Caption`. */
const TABLE_CAPTION = /^(?:Table)?:\s+/u;
const LABEL = String.raw`((?:fig|tbl|eq|sec)[:-][\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:./-](?=[\p{L}\p{N}_]))*)`;
/** `@fig:x`, `[@fig:x]`, `[-@fig:x]` (the number alone), `@Fig:x` (capitalised), bookdown's `\@ref(fig:x)` (`@ref(...)` once parsed). */
const REFERENCE = new RegExp(String.raw`\[(-?)@${LABEL}\]|(?<![\p{L}\p{N}_@.])@([Ff]ig|[Tt]bl|[Ee]q|[Ss]ec)([:-][\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:./-](?=[\p{L}\p{N}_]))*)|@ref\(([^)\s]+)\)`, 'gu');

/**
 * pandoc-crossref's and Quarto's references, `@fig:x`, `@tbl:x`, `@eq:x`, `@sec:x`, and
 * bookdown's `\@ref(x)`: labelled figures, tables and equations are numbered in document order
 * ("Figure 2 : caption" under a figure, "Tableau 1 : ..." as a table's caption, "(3)" beside an
 * equation) and each reference becomes "figure 2", "tableau 1", "section « Méthodes »" in the
 * document's language. A label that names nothing is printed as written, with one warning.
 */
export default function remarkCrossReferences(options: { dashesToLabelsOnly?: boolean } = {}) {
  return (tree: Root, file: VFile) => {
    const words = messages(String(file.data['lang'] ?? 'en'));
    // Labels as written first: remark-directive reads the `:chat` of `{#fig:chat}` as a directive.
    eachPhrasingParent(tree, file, () => undefined);
    const targets = collectTargets(tree, words);
    const unknown = new Map<string, RootContent['position']>();
    eachPhrasingParent(tree, file, (parent) => {
      parent.children = parent.children.flatMap((node): PhrasingContent[] => (node.type === 'text' ? resolveReferences(node, targets, words, unknown, options.dashesToLabelsOnly ?? false) : [node]));
    });
    if (unknown.size > 0) {
      const labels = [...unknown.keys()];
      file.message(`cross-reference(s) to no labelled figure, table, equation or section, printed as ??: ${labels.slice(0, 8).join(', ')}`, {
        place: [...unknown.values()][0],
        ruleId: 'cross-reference-unresolved',
        source: 'triptyque',
      });
    }
  };
}

function collectTargets(tree: Root, words: Messages): Map<string, Target> {
  const targets = new Map<string, Target>();
  const counts: Record<Kind, number> = { fig: 0, tbl: 0, eq: 0, sec: 0 };
  const add = (label: string, kind: Kind, title?: string, anchor?: string): number => {
    counts[kind] += 1;
    // Sections are named by their titles: Triptyque numbers none.
    targets.set(normalise(label), { kind, number: kind === 'sec' ? undefined : counts[kind], title, anchor });
    return counts[kind];
  };
  const walk = (children: RootContent[]) => {
    for (let index = 0; index < children.length; index += 1) {
      const node = children[index]!;
      if (node.type === 'paragraph') {
        const figure = labelledFigure(node);
        if (figure) {
          const number = add(figure.label, 'fig');
          const caption: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: words.figureCaption(number, figure.image.alt ?? '') }], position: node.position, data: anchored(figure.label) };
          children.splice(index, 1, { ...node, children: [figure.image] }, caption);
          index += 1;
          continue;
        }
      }
      const captionAt = node.type === 'table' ? [index + 1, index - 1].find((at) => tableCaption(children[at])) : labelledTableCaption(node) ? index : undefined;
      if (captionAt !== undefined) {
        const paragraph = children[captionAt] as Paragraph;
        const text = toString(paragraph).replace(TABLE_CAPTION, '');
        const label = ATTRIBUTES.exec(text);
        const caption = text.replace(ATTRIBUTES, '');
        const value = label ? words.tableCaption(add(label[1]!, 'tbl'), caption) : caption;
        children[captionAt] = { type: 'paragraph', children: [{ type: 'text', value }], position: paragraph.position, ...(label ? { data: anchored(label[1]!) } : {}) };
        if (captionAt === index) continue;
      }
      if (node.type === 'math') labelEquation(node, add);
      if (node.type === 'heading') labelSection(node, add, targets);
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return targets;
}

function tableCaption(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && node.children[0]?.type === 'text' && TABLE_CAPTION.test(node.children[0].value);
}

/**
 * `: Caption {#tbl:x}`: a table's caption by its label alone, also beside a table that could not be
 * read as one (a pandoc table inside a list, printed as lines), so that it is numbered and referred to.
 */
function labelledTableCaption(node: RootContent): boolean {
  return tableCaption(node) && /^tbl[:-]/u.test(ATTRIBUTES.exec(toString(node))?.[1] ?? '');
}

/** An image alone in its paragraph with `{#fig:x}` after it (or the id an attribute reader left on it). */
function labelledFigure(paragraph: Paragraph): { image: Image; label: string } | undefined {
  const [image, attributes, ...rest] = paragraph.children;
  if (image?.type !== 'image' || rest.length > 0) return undefined;
  const id = (image.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;
  if (!attributes && typeof id === 'string' && /^fig[:-]/u.test(id)) return { image, label: id };
  const label = attributes?.type === 'text' ? ATTRIBUTES.exec(attributes.value) : undefined;
  return label && attributes?.type === 'text' && attributes.value.replace(ATTRIBUTES, '').trim() === '' ? { image, label: label[1]! } : undefined;
}

/** A labelled equation carries its number as KaTeX and MathJax write it, `\tag{n}`, so every target shows it. */
function labelEquation(node: Math, add: (label: string, kind: Kind) => number): void {
  const label = (node.data as EquationData | undefined)?.equationLabel;
  if (!label) return;
  node.value = `${node.value}\n\\tag{${add(label, 'eq')}}`;
  node.data = { ...node.data, ...anchored(label) } as Math['data'];
}

function labelSection(heading: Heading, add: (label: string, kind: Kind, title?: string, anchor?: string) => number, targets: Map<string, Target>): void {
  const data = heading.data as { id?: unknown; hProperties?: { id?: unknown } } | undefined;
  const last = heading.children.at(-1);
  const written = last?.type === 'text' ? HEADING_ATTRIBUTES.exec(last.value) : undefined;
  if (written && last?.type === 'text') last.value = last.value.replace(HEADING_ATTRIBUTES, '');
  const title = toString(heading).trim();
  const id = written?.[1] ?? [data?.hProperties?.id, data?.id].find((value): value is string => typeof value === 'string');
  if (!id) {
    // bookdown's `\@ref(methods)` for "# Methods": pandoc's identifier of the title.
    const auto = pandocIdentifier(title);
    if (auto && !targets.has(auto)) targets.set(auto, { kind: 'sec', title, heading });
    return;
  }
  add(id, 'sec', title, id);
  // Where a reader of the brochure lands: the heading, under the id written (`#sec:x` in the author's own
  // links names it too), whichever reader read it.
  heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
}

/** Pandoc's `auto_identifiers`: lower case, spaces as hyphens, no punctuation but `_-.`, from the first letter on. */
function pandocIdentifier(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_.\s-]/gu, '')
    .trim()
    .replace(/\s+/gu, '-')
    .replace(/^[^\p{L}]+/u, '');
}

/** The id a block's first element gets (read by the model as the block's anchor). */
function anchored(label: string): { hProperties: { id: string } } {
  return { hProperties: { id: anchorOf(label) } };
}

/** `fig:x` and Quarto's `fig-x` name the same figure. */
function normalise(label: string): string {
  return label.replace(/^(fig|tbl|eq|sec)-/u, '$1:');
}

/** The HTML id a labelled thing gets, which its references link to: `fig:chat` and `fig-chat` both `fig-chat`. */
export function anchorOf(label: string): string {
  return normalise(label).replace(':', '-');
}

/** A cross-reference as a link, marked so that targets without anchors (the slides) show its words alone. */
export interface CrossReferenceData {
  crossReference?: true;
}

function resolveReferences(node: Text, targets: ReadonlyMap<string, Target>, words: Messages, unknown: Map<string, RootContent['position']>, dashesToLabelsOnly: boolean): PhrasingContent[] {
  if (!node.value.includes('@')) return [node];
  const out: PhrasingContent[] = [];
  let plain = '';
  let last = 0;
  for (const match of node.value.matchAll(REFERENCE)) {
    const [written, numberOnly, bracketed, kind, rest, bookdown] = match;
    const label = bracketed ?? (kind ? `${kind.toLowerCase()}${rest}` : bookdown!);
    const found = targets.has(normalise(label)) ? normalise(label) : bookdown ? [...targets.keys()].find((key) => key.endsWith(`:${bookdown}`)) : undefined;
    const target = found === undefined ? undefined : targets.get(found);
    // `@sec-ops` names nothing here: where the dialect is not Quarto's, it may be a handle, left as written.
    if (!target && dashesToLabelsOnly && !bookdown && /^(?:fig|tbl|eq|sec)-/iu.test(label)) continue;
    plain += node.value.slice(last, match.index);
    last = match.index + written.length;
    // bookdown writes "Figure \@ref(fig:x)" itself, as `[-@fig:x]` asks for the number alone.
    const numberAlone = bookdown !== undefined || Boolean(numberOnly);
    if (!target || found === undefined) {
      // As bookdown and LaTeX print a reference to nothing: "??", never the syntax.
      if (!unknown.has(label)) unknown.set(label, node.position);
      const kindOf = /^(fig|tbl|eq|sec)[:-]/iu.exec(label)?.[1]?.toLowerCase() as Kind | undefined;
      plain += numberAlone || !kindOf ? '??' : words.crossReference(kindOf, '??', '??');
      continue;
    }
    if (target.heading && !(target.heading.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id) {
      target.heading.data = { ...target.heading.data, hProperties: { ...target.heading.data?.hProperties, id: found } };
    }
    const said = numberAlone ? (target.number === undefined ? (target.title ?? '') : String(target.number)) : words.crossReference(target.kind, target.number, target.title);
    const text = kind && /^[A-Z]/u.test(kind) ? said.charAt(0).toLocaleUpperCase() + said.slice(1) : said;
    if (plain) out.push({ type: 'text', value: plain, position: node.position });
    plain = '';
    out.push({ type: 'link', url: `#${target.anchor ?? anchorOf(found)}`, children: [{ type: 'text', value: text }], position: node.position, data: { crossReference: true } as CrossReferenceData as PhrasingContent['data'] });
  }
  if (last === 0) return [node];
  plain += node.value.slice(last);
  if (plain) out.push({ type: 'text', value: plain, position: node.position });
  return out;
}
