import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type { CalloutKind } from '../dialects/syntax/callout-kinds';

/** The three publications a source becomes. */
export type TargetName = 'deck' | 'brochure' | 'digest';
export const TARGET_NAMES: readonly TargetName[] = ['deck', 'brochure', 'digest'];

/** Inline content stays mdast phrasing: every target already knows how to render it (`inlineMath`: TeX, from remark-math). */
export type Inline = PhrasingContent;

interface BlockBase {
  position?: Position;
  /** Targets that show this block; all three unless a directive narrowed it. */
  targets: readonly TargetName[];
  /** This block is the text of the footnote with this identifier (its first block is led by the note's own marker). */
  footnote?: string;
  /** The id a cross-reference links to (`fig-chat` for `{#fig:chat}`), when the source labelled it. */
  anchor?: string;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  children: Inline[];
  /** The author asked to keep it on the slide even when long (`:::keep`). */
  keep?: boolean;
}

export interface ListItem {
  children: Inline[];
  /** Further paragraphs of the same item, after the first. */
  more: Inline[][];
  sublist?: ListBlock;
  checked?: boolean | null;
  position?: Position;
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  start?: number;
  items: ListItem[];
  keep?: boolean;
}

export interface QuoteBlock extends BlockBase {
  type: 'quote';
  blocks: Block[];
}

export interface TableBlock extends BlockBase {
  type: 'table';
  align: ('left' | 'right' | 'center' | null)[];
  /** First row is the header row. */
  rows: Inline[][][];
}

export interface ImageBlock extends BlockBase {
  type: 'image';
  url: string;
  alt: string;
  title?: string;
}

export interface CodeBlock extends BlockBase {
  type: 'code';
  lang?: string;
  value: string;
}

export interface HtmlBlock extends BlockBase {
  type: 'html';
  /** Raw HTML as written; each target sanitises it with its own schema. */
  value: string;
}

/** A callout or admonition (`::: tip`, `> [!note]`, `:::warning[Title]`...), set apart in a box. */
export interface CalloutBlock extends BlockBase {
  type: 'callout';
  kind: CalloutKind;
  /** The kind's name in the document's language: what the box says when the author gave no title. */
  label: string;
  title?: Inline[];
  blocks: Block[];
}

/** A definition list (`Term` then `: definition`): each term with its definitions. */
export interface DefinitionsBlock extends BlockBase {
  type: 'definitions';
  items: { term: Inline[]; definitions: Inline[][]; position?: Position }[];
}

/** Speaker notes (`:::notes`): shown in the deck's notes only. */
export interface NotesBlock extends BlockBase {
  type: 'notes';
  blocks: Block[];
}

/** A forced slide break (`::newslide`): the deck starts a new slide here. */
export interface SlideBreakBlock extends BlockBase {
  type: 'slide-break';
}

export interface RuleBlock extends BlockBase {
  type: 'rule';
}

/** A displayed equation, TeX as written (remark-math); a numbered one ends with its `\tag{n}`. */
export interface MathBlock extends BlockBase {
  type: 'math';
  value: string;
}

/** A page break the source asked for (`\newpage`): the brochure starts a new page here. */
export interface PageBreakBlock extends BlockBase {
  type: 'page-break';
}

export type Block =
  | ParagraphBlock
  | ListBlock
  | QuoteBlock
  | CalloutBlock
  | DefinitionsBlock
  | TableBlock
  | ImageBlock
  | CodeBlock
  | HtmlBlock
  | NotesBlock
  | SlideBreakBlock
  | RuleBlock
  | MathBlock
  | PageBreakBlock;

export interface Section {
  /** Stable, unique anchor derived from the title (used for links, TOC, bookmarks). */
  id: string;
  /** 1 for a top-level section of the body. */
  depth: number;
  title: Inline[];
  /** The title as plain text, after typography. */
  titleText: string;
  blocks: Block[];
  children: Section[];
  position?: Position;
  targets: readonly TargetName[];
}

export interface Metadata {
  title: string;
  subtitle?: string;
  event?: string;
  /** ISO date, YYYY-MM-DD; absent for an undated publication. */
  date?: string;
  /** Who publishes (the configuration's `organisation`, else the author); absent when neither is given. */
  organisation?: string;
  /** The authors' names, joined, else the organisation: the PDF's Author field; absent when neither is given. */
  author?: string;
  /** The people the document names as its authors, for the cover and title slide. */
  authors: readonly { name: string; affiliation?: string }[];
  lang: string;
  description?: string;
  /** Public URL where the brochure PDF can be read (digest links to it). */
  brochureUrl?: string;
  /** Lines printed on the back cover; defaults to organisation and date. */
  backCover?: string[];
}

/** The author's own slides (a Marp deck source): the deck shows them as they are, not slides planned from the sections. */
export interface AuthoredSlides {
  /** The source as Marp reads it, front matter and directives included. */
  markdown: string;
  /** How many slides Marp makes of it. */
  count: number;
  /** Marp's `theme` directive, and the line it is on. */
  theme?: { name: string; line: number };
}

export interface Publication {
  /** Path of the source, as given. */
  file: string;
  /** File name without `.md`: the output folder's name. */
  slug: string;
  meta: Metadata;
  /** Blocks before the first heading. */
  preamble: Block[];
  sections: Section[];
  /** Files besides the source and its images that the text was made from (a bibliography): their change rebuilds it. */
  dependencies?: string[];
  slides?: AuthoredSlides;
}
