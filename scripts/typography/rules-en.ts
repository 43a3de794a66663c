import type { Edit, Rule } from './edit';
import { NEUTRAL_RULES } from './rules-neutral';

const OPENS_AFTER = /[\s([{“‘—–-]/;

/**
 * Straight quotes, paired, become curly: "…" → “…”, and '…' → ‘…’ where the opening one follows a
 * space or an opening sign (so the apostrophes of "don't" and "the '90s" are not taken for quotes).
 */
function pairQuotes(straight: string, opening: string, closing: string): Rule {
  return (text) => {
    const edits: Edit[] = [];
    let open: number | undefined;
    for (let index = text.indexOf(straight); index !== -1; index = text.indexOf(straight, index + 1)) {
      const before = text[index - 1];
      const after = text[index + 1];
      if (open !== undefined && before !== undefined && /\S/.test(before) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) {
        edits.push({ start: open, end: open + 1, text: opening }, { start: index, end: index + 1, text: closing });
        open = undefined;
      } else if ((before === undefined || OPENS_AFTER.test(before)) && after !== undefined && /\S/.test(after) && after !== straight) {
        open = index;
      }
    }
    return edits;
  };
}

/**
 * English typography: curly quotes “ ” ‘ ’ and apostrophes ’, and nothing before `: ; ! ?` (no
 * French spacing). Ordinals (1st, 2nd) stay on the line as typed: English sets them plain.
 */
export const ENGLISH_RULES: readonly Rule[] = [...NEUTRAL_RULES, pairQuotes('"', '“', '”'), pairQuotes("'", '‘', '’')];
