/** Espace insécable: before `:`, and between a number and its word ("10 points"). */
export const NO_BREAK_SPACE = '\u00A0';

/** Espace fine insécable: before `; ! ?`, inside « », between thousands ("130 000"). */
export const NARROW_NO_BREAK_SPACE = '\u202F';

/** Where the brochure may break a word; invisible unless the line breaks there. */
export const SOFT_HYPHEN = '\u00AD';

/**
 * Stands for inline code, HTML, images... in a block's text, so rules see that something is
 * there (a word-like thing) without ever reading or changing what it holds.
 */
export const OBJECT_REPLACEMENT = '\uFFFC';

/** Horizontal spaces a rule may replace. Never newlines: Marp turns soft breaks into <br>. */
export const SPACE_CLASS = '[ \\t\\u00A0\\u202F\\u2009]';
