import { Marp } from '@marp-team/marp-core';

/** One slide of a Marp deck source, as Marp itself cuts the file. */
export interface MarpSlide {
  /** First line of the slide in the source, 1-based. */
  line: number;
  /** The presenter notes: the slide's comments that are not directives. */
  notes: string[];
  /** Marp's `class` directive on the slide (`lead`, `invert`...). */
  classes: string[];
}

/** Options Marp reads the slides with; HTML is read as Marp CLI reads it by default. */
const reader = new Marp({ inlineSVG: false, emoji: { shortcode: false, unicode: false }, math: false });

/**
 * The slides of a deck source where Marp cuts them (`---`, `headingDivider`), with their notes:
 * the model takes the same slides as the deck shows.
 */
export function readMarpSlides(markdown: string): MarpSlide[] {
  const tokens = reader.markdown.parse(markdown, {});
  const slides: MarpSlide[] = [];
  for (const token of tokens) {
    if (token.type !== 'marpit_slide_open') continue;
    const directives = (token.meta?.marpitDirectives ?? {}) as Record<string, unknown>;
    const classes = typeof directives['class'] === 'string' ? directives['class'].split(/\s+/).filter(Boolean) : [];
    slides.push({ line: (token.map?.[0] ?? 0) + 1, notes: [], classes });
  }
  const { comments } = reader.render(markdown, { htmlAsArray: true });
  comments.forEach((notes, index) => {
    if (slides[index]) slides[index].notes = speakerNotes(notes);
  });
  return slides;
}

/**
 * The comments Marp collects from a slide that are the speaker's words: not `<!-- fit -->`, the
 * mark of a heading Marp scales to its line (Marp lists it among the comments all the same).
 */
export function speakerNotes(comments: readonly string[]): string[] {
  return comments.map((note) => note.trim()).filter((note) => note !== '' && !/^fit$/i.test(note));
}
