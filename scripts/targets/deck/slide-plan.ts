import type { Position } from 'unist';
import type { Block, Inline, ListItem } from '../../model/types';

/** What a slide is for; each kind has its own layout in the Marp theme. */
export type SlideKind = 'title' | 'agenda' | 'divider' | 'subdivider' | 'content';

/** Something the room sees: it becomes one element of the slide (or one `li` of its list). */
export type VisibleUnit =
  | { type: 'paragraph'; children: Inline[] }
  /** A list item; consecutive items with the same `list` key render as one list. */
  /**
   * A list item; consecutive items with the same `list` key render as one list. `continued`: the
   * item repeats its parent text on a "(suite)" slide, above the rest of its nested list.
   */
  | { type: 'item'; item: ListItem; ordered: boolean; number: number; list: number; continued?: boolean }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'block'; block: Extract<Block, { type: 'table' | 'code' | 'image' | 'math' }> };

/**
 * The smallest piece a slide is made of and split at: what is shown, plus the speaker notes
 * that go with it (the full text of a paragraph the slide only summarises, a `:::notes` block).
 */
export interface SlideUnit {
  visible?: VisibleUnit;
  notes: string[];
  position?: Position;
  /** An introduction ("Les actions visent :") that should not end a slide alone. */
  keepWithNext?: boolean;
  /** The author forced it onto the slide (`:::keep`): it is never moved to the notes. */
  keep?: boolean;
  /** What the slide shows is a lead of the block, which went whole into the notes. */
  movedToNotes?: boolean;
}

export interface Slide {
  kind: SlideKind;
  /** Plain-text title: headings, bookmarks, PPTX outline. */
  title: string;
  /** The title with its inline formatting, when it comes from a heading. */
  titleInline?: Inline[];
  /** Small line above the slide (where it sits in the talk). */
  header?: string;
  /** Title slide: subtitle; dividers: the kicker ("Partie 1"). */
  kicker?: string;
  /** Title slide: lines under the subtitle (event, date, organisation). */
  lines?: string[];
  units: SlideUnit[];
  /** A slide of a deck to speak to (`deck.style: talk`): a few short lines, set larger. */
  talk?: boolean;
  /** Font scale chosen by the fitting loop: 1, or down to `minScale`. */
  scale: number;
  /** Scale of the title alone, below 1 for a heading too long for the title area. */
  titleScale?: number;
  /** Still too wide at the smallest scale (a table of long names): words may break anywhere. */
  breakWords?: boolean;
  /** 0 for the first slide of a section, then 1, 2... for its "(suite)" slides. */
  continuation: number;
  /** Section the slide belongs to (depth 1 = top level); used for bookmarks. */
  section?: { id: string; depth: number };
  /** Where to point a diagnostic about this slide. */
  position?: Position;
}

export function visibleUnits(slide: Slide): SlideUnit[] {
  return slide.units.filter((unit) => unit.visible);
}
