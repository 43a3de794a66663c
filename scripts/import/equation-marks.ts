/**
 * An equation carried as text from the Word reader to the HTML step: its LaTeX between two
 * characters of Unicode's private use area, which no document's text holds and mammoth passes
 * through untouched (it drops the equations themselves).
 */
const INLINE = '\uE000';
const DISPLAY = '\uE002';
const END = '\uE001';

const MARK = new RegExp(`([${INLINE}${DISPLAY}])([^${END}]*)${END}`, 'g');

export interface Equation {
  latex: string;
  /** Set apart as its own line (Word's math paragraph, `m:oMathPara`), or within a line of text. */
  display: boolean;
}

export function markEquation(equation: Equation): string {
  return `${equation.display ? DISPLAY : INLINE}${equation.latex}${END}`;
}

/** A text as its runs of plain text and the equations marked in it, in order. */
export function splitEquations(text: string): (string | Equation)[] {
  const parts: (string | Equation)[] = [];
  let last = 0;
  for (const match of text.matchAll(MARK)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ display: match[1] === DISPLAY, latex: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
