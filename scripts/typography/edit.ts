/** A change a typography rule asks for: replace `[start, end)` of the text with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** The new text is an ordinal suffix ("e" of "3e"), set as a superscript in the tree. */
  raised?: boolean;
  /**
   * For an insertion (start === end) at the border of two text nodes, which side gets it: the
   * side of the character it belongs to, so "*Pourquoi*?" gets its space outside the emphasis.
   */
  attach?: 'before' | 'after';
}

/** A typography rule: reads a block's whole text and says what to change, never changes it. */
export type Rule = (text: string) => Edit[];

/** The edits for every match of a global pattern; `toEdits` may turn a match down. */
export function editsFor(
  text: string,
  pattern: RegExp,
  toEdits: (match: RegExpExecArray) => Edit | readonly Edit[] | undefined,
): Edit[] {
  return [...text.matchAll(pattern)].flatMap((match) => toEdits(match) ?? []);
}
