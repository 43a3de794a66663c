/**
 * Pandoc's citation syntax, read in a paragraph's text: `[@doe99]`, `[see @doe99, p. 33; @roe]`,
 * `[-@doe99]` (year only), `@doe99` in the sentence, `@doe99 [p. 33]`. No micromark extension for
 * it runs with remark 11 (`@benrbray/micromark-extension-cite` is written for micromark 2), so the
 * grammar is read here, on the parsed text, after links took their brackets.
 */

export interface CiteItem {
  key: string;
  prefix?: string;
  /** What follows the key, the locator included (", p. 33"). */
  suffix?: string;
  /** `-@key`: the author is not repeated. */
  suppressAuthor?: boolean;
}

export interface Citation {
  items: CiteItem[];
  /** `@key` in the sentence (the author is part of it), rather than `[@key]` in brackets. */
  inText: boolean;
  /** The citation as written. */
  written: string;
}

export type TextPart = string | Citation;

/** A key: a letter, digit or `_` first, then those and `:.#$%&-+?<>~/` between them; or `{anything}`. */
const KEY = String.raw`(?:\{[^}]+\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)`;
const CITE_IN_BRACKETS = new RegExp(String.raw`(-?)@(${KEY})`, 'u');
const IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{N}_@.])@(${KEY})(?:\s\[([^\[\]]*)\])?`, 'gu');
/** Cross-reference prefixes: pandoc-crossref's and Quarto's, for the cross-references extension. */
export const CROSS_REFERENCE = /^(?:fig|tbl|eq|sec|lst|thm|lem|cor|prp|cnj|def|exm|exr|rem|alg)[:-]/iu;

/** A text cut into its plain parts and its citations, in order. */
export function parseCitations(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const bracket = text[at] === '[' ? bracketedCitation(text, at) : undefined;
    if (bracket) {
      if (plain) parts.push(plain);
      plain = '';
      parts.push(bracket.citation);
      at = bracket.end;
      continue;
    }
    IN_TEXT.lastIndex = at;
    const match = text[at] === '@' ? IN_TEXT.exec(text) : null;
    // `@ref(x)` is bookdown's cross-reference (`\@ref(x)` once parsed).
    if (match && match.index === at && !CROSS_REFERENCE.test(match[1]!) && text[at + match[0].length] !== '(') {
      if (plain) parts.push(plain);
      plain = '';
      const suffix = match[2]?.trim();
      parts.push({ items: [{ key: unbrace(match[1]!), ...(suffix ? { suffix } : {}) }], inText: true, written: match[0] });
      at += match[0].length;
      continue;
    }
    plain += text[at];
    at += 1;
  }
  if (plain) parts.push(plain);
  return parts;
}

/** `[...]` at `start` when every `;`-separated part of it holds one citation. */
function bracketedCitation(text: string, start: number): { citation: Citation; end: number } | undefined {
  let depth = 0;
  let end = -1;
  for (let at = start; at < text.length; at += 1) {
    if (text[at] === '[') depth += 1;
    else if (text[at] === ']' && (depth -= 1) === 0) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const inside = text.slice(start + 1, end);
  // A bracket followed by `(` or `[` is a link or a reference a parser left as text.
  if (!inside.includes('@') || /^[([]/u.test(text.slice(end + 1, end + 2))) return undefined;
  const items: CiteItem[] = [];
  for (const piece of inside.split(';')) {
    const match = CITE_IN_BRACKETS.exec(piece);
    if (!match || CROSS_REFERENCE.test(match[2]!)) return undefined;
    const before = piece.slice(0, match.index);
    if (before && !/(?:^|\s)$/u.test(before)) return undefined;
    const prefix = before.trim();
    const suffix = piece.slice(match.index + match[0].length).trim();
    items.push({ key: unbrace(match[2]!), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}), ...(match[1] ? { suppressAuthor: true } : {}) });
  }
  return { citation: { items, inText: false, written: text.slice(start, end + 1) }, end: end + 1 };
}

function unbrace(key: string): string {
  return key.startsWith('{') ? key.slice(1, -1) : key;
}
