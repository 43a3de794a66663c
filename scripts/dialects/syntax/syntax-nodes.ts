import type { BlockContent, DefinitionContent, PhrasingContent } from 'mdast';

/** A fenced div as read (`::: {.callout-note}`, `::: tip Titre`), before its info is understood. */
export interface FencedDiv {
  type: 'fencedDiv';
  /** What follows the colons, trimmed; trailing colons included (pandoc allows `::: note :::`). */
  info: string;
  children: (BlockContent | DefinitionContent)[];
  position?: import('unist').Position;
}

/** A callout or admonition of a known kind, whatever syntax wrote it. */
export interface Callout {
  type: 'callout';
  kind: import('./callout-kinds').CalloutKind;
  /** The title the author gave; without one, targets show the kind's label. */
  title?: PhrasingContent[];
  children: (BlockContent | DefinitionContent)[];
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface HeadingData {
    /** The anchor the author gave (`{#id}`): the section's id, so links `#id` reach it. */
    id?: string;
  }
  interface ParagraphData {
    /** A table's caption (pandoc's `: Caption` beside it), set in italics: no heading. */
    tableCaption?: boolean;
  }
  interface RootContentMap {
    fencedDiv: FencedDiv;
    callout: Callout;
  }
  interface BlockContentMap {
    fencedDiv: FencedDiv;
    callout: Callout;
  }
}
