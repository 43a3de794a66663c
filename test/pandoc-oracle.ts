import { spawnSync } from 'node:child_process';
import { tool } from './tools';

/**
 * pandoc (Debian's, test-only) as the independent reader of a source: what a reader of the
 * document sees, read without Triptyque's parser or model. Every "nothing lost" test compares
 * the artifacts with this reading; the dialect, import and Marp oracles run pandoc through here.
 */
export function pandoc(args: string[], input?: string, cwd?: string): string {
  const result = spawnSync(tool('pandoc'), args, { encoding: 'utf8', input, cwd, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pandoc ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** One block a reader sees: a heading, a paragraph (a list item's, a quote's), a code block, a table's cell, a footnote. */
export interface Unit {
  kind: 'heading' | 'text' | 'code' | 'cell' | 'note';
  /** A heading's level, else 0. */
  level: number;
  text: string;
}

interface Node {
  t: string;
  c?: unknown;
}

/** The text of pandoc inlines as a reader sees it, with the footnotes they call set apart in `notes`. */
function inlineText(inlines: Node[], notes: Node[][]): string {
  return inlines
    .map((node): string => {
      const c = node.c as never;
      switch (node.t) {
        case 'Str':
          return c;
        case 'Space':
        case 'SoftBreak':
        case 'LineBreak':
          return ' ';
        case 'Code':
        case 'Math':
          return (c as [unknown, string])[1];
        case 'RawInline':
          return '';
        case 'Note':
          notes.push(c);
          return '';
        case 'Quoted':
        case 'Cite':
          return inlineText((c as [unknown, Node[]])[1], notes);
        case 'Link':
        case 'Image':
        case 'Span':
          return inlineText((c as [unknown, Node[]])[1], notes);
        default:
          // Emph, Strong, Underline, Strikeout, Superscript, Subscript, SmallCaps: their content.
          return Array.isArray(c) ? inlineText(c as Node[], notes) : '';
      }
    })
    .join('');
}

/** pandoc blocks as units, in the order written, each paragraph followed by the footnotes it calls. */
function blockUnits(blocks: Node[], out: Unit[], kind: 'text' | 'note' = 'text'): void {
  const add = (unitKind: Unit['kind'], level: number, inlines: Node[]) => {
    const notes: Node[][] = [];
    const text = inlineText(inlines, notes).replace(/\s+/g, ' ').trim();
    if (text) out.push({ kind: kind === 'note' ? 'note' : unitKind, level, text });
    for (const note of notes) blockUnits(note, out, 'note');
  };
  for (const block of blocks) {
    const c = block.c as never;
    switch (block.t) {
      case 'Header':
        add('heading', (c as [number])[0], (c as [number, unknown, Node[]])[2]);
        break;
      case 'Para':
      case 'Plain':
        add('text', 0, c);
        break;
      case 'LineBlock':
        add('text', 0, (c as Node[][]).flatMap((line) => [...line, { t: 'Space' }]));
        break;
      case 'CodeBlock': {
        const text = (c as [unknown, string])[1].replace(/\s+/g, ' ').trim();
        if (text) out.push({ kind: kind === 'note' ? 'note' : 'code', level: 0, text });
        break;
      }
      case 'BulletList':
        for (const item of c as Node[][]) blockUnits(item, out, kind);
        break;
      case 'OrderedList':
        for (const item of (c as [unknown, Node[][]])[1]) blockUnits(item, out, kind);
        break;
      case 'DefinitionList':
        for (const [term, definitions] of c as [Node[], Node[][]][]) {
          add('text', 0, term);
          for (const definition of definitions) blockUnits(definition, out, kind);
        }
        break;
      case 'BlockQuote':
        blockUnits(c, out, kind);
        break;
      case 'Div':
        blockUnits((c as [unknown, Node[]])[1], out, kind);
        break;
      case 'Table': {
        // [attr, caption [short, long blocks], colspecs, head [attr, rows], bodies [[attr, rowHeadColumns, head rows, body rows]], foot [attr, rows]]
        const [, caption, , head, bodies, foot] = c as [unknown, [unknown, Node[]], unknown, [unknown, Row[]], [unknown, unknown, Row[], Row[]][], [unknown, Row[]]];
        blockUnits(caption[1], out, kind);
        const rows = (list: Row[]) => {
          for (const [, cells] of list) for (const [, , , , contents] of cells) {
            const before = out.length;
            blockUnits(contents, out, kind);
            for (const unit of out.slice(before)) if (unit.kind !== 'note') unit.kind = 'cell';
          }
        };
        rows(head[1]);
        for (const [, , bodyHead, body] of bodies) rows([...bodyHead, ...body]);
        rows(foot[1]);
        break;
      }
      default:
        // HorizontalRule, RawBlock (raw HTML: pandoc's plain text drops it too), Null.
        break;
    }
  }
}

type Row = [unknown, [unknown, unknown, unknown, unknown, Node[]][]];

/**
 * pandoc's reading of a Markdown source as blocks, in the order written. `from` is pandoc's
 * reader (`markdown` for pandoc's own, `gfm` for GitHub's); the front matter is metadata.
 */
export function pandocUnits(source: string, from = 'markdown', cwd?: string): Unit[] {
  const document = JSON.parse(pandoc(['--from', from, '--to', 'json'], source, cwd)) as { blocks: Node[]; meta: Record<string, unknown> };
  const units: Unit[] = [];
  blockUnits(document.blocks, units);
  // With no title in its metadata, a document's title is its first heading (as GitHub and npm show a README): printed first, on the cover.
  const first = units.findIndex((unit) => unit.kind === 'heading');
  if (!document.meta['title'] && first > 0) units.unshift(...units.splice(first, 1));
  return units;
}

/**
 * Words to compare, as runs of letters and digits, lower-cased: punctuation, quotes, spaces and
 * hyphens are the typography's (French no-break spaces, curly quotes, hyphenation), and a PDF's
 * ligatures (ﬁ) are their letters (NFKC).
 */
export function comparableWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .replace(/\u00ad/g, '')
      // A hyphen joins two words for the brochure's hyphenation and the source's line ends alike.
      .replace(/[-\u2010]/g, ' ')
      // Chinese and Japanese write no spaces between words and break a line between any two characters: each is compared alone.
      .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' $& ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+|[\u2e80-\u2eff]/gu) ?? []
  );
}

/**
 * A CJK radical a PDF's text layer names for an ideograph drawn with the same glyph (Chromium maps
 * 民 of Noto CJK to ⺠, 见 to ⻅): the page shows the source's character, so it counts as it.
 */
const RADICAL = /^[\u2e80-\u2eff]$/u;
const IDEOGRAPH = /^\p{Script=Han}$/u;
/** A footnote's call, a superscript number the text layer glues to its word ("all¹" read as "all1"). */
const NOTE_CALL = /^(.*\p{L})\d+$/u;
const sameWord = (expected: string, printed: string) =>
  expected === printed || (RADICAL.test(printed) && IDEOGRAPH.test(expected)) || NOTE_CALL.exec(printed)?.[1] === expected;

/** The words of `expected` that `actual` lacks, counting repeats: the multiset comparison. */
export function missingWordsOf(expected: readonly string[], actual: readonly string[]): string[] {
  const available = new Map<string, number>();
  for (const word of actual) available.set(RADICAL.test(word) ? RADICAL.source : word, (available.get(RADICAL.test(word) ? RADICAL.source : word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of expected) {
    const key = [word, ...(IDEOGRAPH.test(word) ? [RADICAL.source] : [])].find((candidate) => (available.get(candidate) ?? 0) > 0);
    if (key === undefined) missing.push(word);
    else available.set(key, available.get(key)! - 1);
  }
  return missing;
}

/**
 * A word of a printed text, and whether it ends its line: the layout may have broken a word
 * there, with a hyphen (prose) or without (a long line of code wrapped, CJK text).
 */
export interface PrintedWord {
  word: string;
  broken: boolean;
}

/** Words of a printed text (a PDF's text layer, lines as the page sets them). */
export function printedWords(text: string): PrintedWord[] {
  return text.split(/\r?\n|\f/).flatMap((line) => {
    const words = comparableWords(line).map((word) => ({ word, broken: false }));
    if (words.length > 0 && /[\p{L}\p{N}][-\u2010]?\s*$/u.test(line.normalize('NFKC'))) words.at(-1)!.broken = true;
    return words;
  });
}

/** How far past a line's end the rest of a broken word may be: the next page's running head and folio lie between. */
const BREAK_WINDOW = 16;

/**
 * `expected` (a reading of the source) against `printed` (an artifact's words): the words it
 * lacks, counting repeats, and where it stops being found in order (as a subsequence: an
 * artifact may add words, such as a cover, a contents page, running heads). A word the layout
 * broke at a line's end is found as its two halves, even with a page's furniture between.
 */
export function compareWords(expected: readonly string[], printed: readonly PrintedWord[]): { missing: string[]; outOfOrder?: { index: number; context: string } } {
  const whole = printed.flatMap((token, index) => {
    const words = [token.word, ...(NOTE_CALL.exec(token.word)?.slice(1) ?? [])];
    if (!token.broken) return words;
    return [...words, ...printed.slice(index + 1, index + 1 + BREAK_WINDOW).flatMap((next) => [token.word + next.word, ...(NOTE_CALL.exec(token.word + next.word)?.slice(1) ?? [])])];
  });
  const missing = missingWordsOf(expected, whole);
  let at = 0;
  for (const [index, word] of expected.entries()) {
    let found = false;
    for (; at < printed.length && !found; at++) {
      const token = printed[at]!;
      if (sameWord(word, token.word)) found = true;
      else if (token.broken && word.length > token.word.length && word.startsWith(token.word)) {
        const rest = word.slice(token.word.length);
        const end = printed.slice(at + 1, at + 1 + BREAK_WINDOW).findIndex((next) => sameWord(rest, next.word));
        if (end >= 0) {
          at += end + 1;
          found = true;
        }
      }
    }
    if (!found) return { missing, outOfOrder: { index, context: expected.slice(Math.max(0, index - 8), index + 8).join(' ') } };
  }
  return { missing };
}
