/**
 * How deep a document may nest (quotes in quotes, lists in lists, HTML elements, YAML
 * collections) before it is refused: far beyond what any reader follows, far below what would
 * make the parsers crawl (5,000 nested quotes took micromark over a minute) or the recursive
 * walks after them overflow the stack. Measured on the text, before anything is parsed.
 */
export const MAX_NESTING = 100;

export interface DeepPlace {
  line: number;
  column: number;
  offset: number;
}

/**
 * The first place where Markdown's containers nest deeper than `MAX_NESTING`: a line's `>` markers,
 * list markers, and the indentation before them (each level of a list indents its content by two
 * columns at least), outside fenced code.
 */
export function markdownTooDeep(text: string): DeepPlace | undefined {
  let fence: string | undefined;
  let offset = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const start = offset;
    offset += line.length + 1;
    const opening = /^\s*(?:>\s*)*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      continue;
    }
    if (opening) fence = opening;
    let depth = 0;
    let column = 0;
    for (let at = 0; at < line.length; at++) {
      const char = line[at]!;
      if (char === ' ') column += 1;
      else if (char === '\t') column += 4 - (column % 4);
      else if (char === '>' || (/[-*+]/.test(char) && /\s/.test(line[at + 1] ?? ''))) {
        // A container's content is indented from its marker, not from the margin.
        depth += Math.floor(column / 2) + 1;
        column = 0;
      } else break;
      if (depth + Math.floor(column / 2) > MAX_NESTING) return { line: index + 1, column: at + 1, offset: start + at };
    }
  }
  return undefined;
}

/** The first element of raw HTML opened deeper than `MAX_NESTING` (void and self-closed elements do not nest). */
export function htmlTooDeep(html: string): number | undefined {
  let depth = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!match[3] && !VOID_ELEMENTS.has(match[2]!.toLowerCase())) {
      depth += 1;
      if (depth > MAX_NESTING) return match.index;
    }
  }
  return undefined;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The first place YAML nests deeper than `MAX_NESTING`: flow brackets, or block indentation (counted two columns a level, as YAML is written). */
export function yamlTooDeep(text: string): DeepPlace | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let quote: string | undefined;
  let indenting = true;
  let indent = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') {
      line += 1;
      lineStart = at + 1;
      indenting = true;
      indent = 0;
      continue;
    }
    if (indenting) {
      if (char === ' ' || char === '-') {
        indent += 1;
        if (Math.floor(indent / 2) > MAX_NESTING) return { line, column: at - lineStart + 1, offset: at };
        continue;
      }
      indenting = false;
    }
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && /\s/.test(text[at - 1] ?? ' ')) {
      // A comment: its brackets are words.
      const end = text.indexOf('\n', at);
      at = (end < 0 ? text.length : end) - 1;
    }
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > MAX_NESTING) return { line, column: at - lineStart + 1, offset: at };
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}
