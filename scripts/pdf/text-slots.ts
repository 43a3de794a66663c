import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { pageContentStreams, replaceStreamText, streamText, type ContentStream } from './content-streams';

/**
 * Text printed as a placeholder and rewritten in the PDF: Chromium cannot print what is known only
 * after the print (the page a heading lands on, a page number across pieces printed apart), so the
 * page shows a slot instead, in the very font, size and colour the text takes, and its text object
 * is rewritten with the real text. The slot holds every character the text may need, so the font
 * subset Chromium embeds has their glyphs and its ToUnicode map covers them: the result is real,
 * extractable text, and marked content around it (tags) is kept.
 */

/** The slots of `pattern` a page shows, with the content stream each is in. */
export function pageSlots(pdf: PDFDocument, page: PDFPage, pattern: RegExp): { stream: ContentStream; slot: SlotRun }[] {
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  return pageContentStreams(pdf, page).flatMap((stream) => slotRuns(streamText(stream.stream), pattern, (name) => fontOf(pdf, fonts, name)).map((slot) => ({ stream, slot })));
}

/** Writes each slot's replacement (from `filledRun`) into its stream. */
export function rewriteSlots(pdf: PDFDocument, edits: readonly { stream: ContentStream; slot: SlotRun; replacement: string }[]): void {
  const byStream = new Map<ContentStream, { slot: SlotRun; replacement: string }[]>();
  for (const { stream, slot, replacement } of edits) byStream.set(stream, [...(byStream.get(stream) ?? []), { slot, replacement }]);
  for (const [stream, runs] of byStream) {
    let text = streamText(stream.stream);
    // From the end, so the earlier offsets stay valid.
    for (const { slot, replacement } of runs.sort((a, b) => b.slot.start - a.slot.start)) text = text.slice(0, slot.start) + replacement + text.slice(slot.end);
    replaceStreamText(pdf, stream, text);
  }
}

export interface FontInfo {
  /** Unicode text of each character code. */
  toUnicode: Map<number, string>;
  /** Advance of each code in thousandths of the font size. */
  width: (code: number) => number;
}

/** A text object (`BT ... ET`) that shows nothing but one slot. */
export interface SlotRun {
  /** What the slot shows, as text. */
  text: string;
  /** What `pattern` matched in it. */
  match: RegExpExecArray;
  /** Offsets of the text object in the stream's text, from `BT` to after `ET`. */
  start: number;
  end: number;
  /** The text object up to its first text-showing operator (font, matrix, colour...). */
  prefix: string;
  font: FontInfo;
  size: number;
  /** Position of the line (as moved by `Td`) when the first glyph is shown, in text space. */
  lineAtFirstGlyph: number;
  /** Where the run's last glyph ends: the text written in its place ends there. */
  endX: number;
  /** Code of each character the slot showed: what the text written in its place may use. */
  codes: Map<string, number>;
}

/** Numbers, names, strings, arrays and operators of a content stream, with their offsets. */
type Token = { kind: 'number'; value: number } | { kind: 'hex'; value: string } | { kind: 'other' } | { kind: 'operator'; value: string };

/** One token at a time (sticky): space, comment, dictionary marks, hex string, literal string start, brackets, name, number or operator. */
const TOKEN = /(\s+)|(%[^\r\n]*)|(<<|>>|[[\]{}])|<([0-9a-fA-F\s]*)>|(\()|(\/[^\s()<>[\]{}/%]*)|([^\s()<>[\]{}/%]+)|([\s\S])/y;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function* tokens(text: string): Generator<Token & { start: number; end: number }> {
  const token = new RegExp(TOKEN);
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const start = match.index;
    let end = token.lastIndex;
    if (match[1] !== undefined || match[2] !== undefined) continue;
    if (match[4] !== undefined) yield { kind: 'hex', value: match[4].replace(/\s/g, ''), start, end };
    else if (match[5] !== undefined) {
      // A literal string: balanced parentheses, backslash escapes.
      let depth = 1;
      for (; end < text.length && depth > 0; end++) {
        if (text[end] === '\\') end++;
        else if (text[end] === '(') depth++;
        else if (text[end] === ')') depth--;
      }
      token.lastIndex = end;
      yield { kind: 'other', start, end };
    } else if (match[7] !== undefined) {
      yield NUMBER.test(match[7]) ? { kind: 'number', value: Number(match[7]), start, end } : { kind: 'operator', value: match[7], start, end };
    } else yield { kind: 'other', start, end };
  }
}

/** Operators that may sit in a slot's text object without moving its glyphs. */
const HARMLESS = new Set(['Tf', 'Tm', 'Td', 'Tj', 'Tr', 'Ts', 'TL', 'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN', 'gs', 'ri', 'i']);

/** The text objects of a content stream that show nothing but one text matching `pattern` (anchored). */
function slotRuns(text: string, pattern: RegExp, font: (name: string) => FontInfo | undefined): SlotRun[] {
  const runs: SlotRun[] = [];
  let operands: (Token & { start: number; end: number })[] = [];
  let fontName: string | undefined;
  let size = 0;
  // Character and word spacing and horizontal scaling live in the graphics state, across text objects.
  let spacing = 0;
  let scale = 100;
  let block: { start: number; prefixEnd?: number; ok: boolean; codes: number[]; x: number; line: number; lineAtFirstGlyph: number; font?: string; size: number } | undefined;
  for (const token of tokens(text)) {
    if (token.kind !== 'operator') {
      operands.push(token);
      continue;
    }
    const op = token.value;
    const numbers = operands.map((operand) => (operand.kind === 'number' ? operand.value : NaN));
    if (op === 'BT') block = { start: token.start, ok: true, codes: [], x: 0, line: 0, lineAtFirstGlyph: 0, size: 0 };
    else if (op === 'Tf' && operands.length === 2) {
      fontName = text.slice(operands[0]!.start + 1, operands[0]!.end);
      size = numbers[1]!;
    } else if (op === 'Tc') spacing = numbers[0] ?? 0;
    else if (op === 'Tz') scale = numbers[0] ?? 100;
    if (block && op !== 'BT') {
      if (!HARMLESS.has(op) && op !== 'ET') block.ok = false;
      if (op === 'Tm') {
        // A new matrix after the first glyph would move the rest: not a slot's shape.
        if (block.prefixEnd !== undefined) block.ok = false;
        block.x = block.line = 0;
      } else if (op === 'Td') {
        if (numbers[1] !== 0) block.ok = false;
        block.line += numbers[0] ?? NaN;
        block.x = block.line;
      } else if (op === 'Tj') {
        const string = operands[0];
        const info = fontName === undefined ? undefined : font(fontName);
        if (!string || string.kind !== 'hex' || !info || spacing !== 0 || scale !== 100 || (block.font !== undefined && block.font !== fontName)) block.ok = false;
        else {
          if (block.prefixEnd === undefined) {
            block.prefixEnd = string.start;
            block.lineAtFirstGlyph = block.line;
            block.font = fontName;
            block.size = size;
          }
          for (const code of codes(string.value)) {
            block.codes.push(code);
            block.x += (info.width(code) * size) / 1000;
          }
        }
      } else if (op === 'ET') {
        const info = block.font === undefined ? undefined : font(block.font);
        const chars = info ? block.codes.map((code) => info.toUnicode.get(code) ?? '\ufffd') : [];
        const decoded = chars.join('');
        const slot = pattern.exec(decoded);
        if (block.ok && info && slot && block.prefixEnd !== undefined && Number.isFinite(block.x)) {
          runs.push({
            text: decoded,
            match: slot,
            start: block.start,
            end: token.end,
            prefix: text.slice(block.start, block.prefixEnd),
            font: info,
            size: block.size,
            lineAtFirstGlyph: block.lineAtFirstGlyph,
            endX: block.x,
            codes: new Map(chars.map((char, at) => [char, block!.codes[at]!])),
          });
        }
        block = undefined;
      }
    }
    operands = [];
  }
  return runs;
}

/**
 * The slot's text object showing `text` instead, ending where the slot ended (so it keeps the
 * slot's alignment to the right); undefined if `text` has a character the slot did not show.
 */
export function filledRun(slot: SlotRun, text: string): string | undefined {
  const codes = [...text].map((char) => slot.codes.get(char));
  if (codes.some((code) => code === undefined)) return undefined;
  const width = codes.reduce((sum: number, code) => sum + (slot.font.width(code!) * slot.size) / 1000, 0);
  const move = slot.endX - width - slot.lineAtFirstGlyph;
  const hex = codes.map((code) => code!.toString(16).padStart(4, '0')).join('');
  return `${slot.prefix}${round(move)} 0 Td <${hex}> Tj\nET`;
}

function round(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

/** Two-byte codes (Identity-H, what Chromium writes for the fonts it embeds). */
function codes(hex: string): number[] {
  const list: number[] = [];
  for (let at = 0; at + 4 <= hex.length; at += 4) list.push(parseInt(hex.slice(at, at + 4), 16));
  return list;
}

const fontCache = new WeakMap<PDFDict, FontInfo | null>();

/** What the slots need of a page's font: a Type0 font with 2-byte codes, its ToUnicode and widths. */
function fontOf(pdf: PDFDocument, fonts: PDFDict | undefined, name: string): FontInfo | undefined {
  const dict = fonts?.lookupMaybe(PDFName.of(name), PDFDict);
  if (!dict) return undefined;
  if (!fontCache.has(dict)) fontCache.set(dict, readFont(pdf, dict) ?? null);
  return fontCache.get(dict) ?? undefined;
}

function readFont(pdf: PDFDocument, dict: PDFDict): FontInfo | undefined {
  if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Type0') || dict.get(PDFName.of('Encoding')) !== PDFName.of('Identity-H')) return undefined;
  const toUnicode = dict.lookup(PDFName.of('ToUnicode'));
  const descendant = dict.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
  if (!(toUnicode instanceof PDFRawStream) || !(descendant instanceof PDFDict)) return undefined;
  const defaultWidth = numberOf(descendant.lookup(PDFName.of('DW'))) ?? 1000;
  const widths = cidWidths(pdf, descendant.lookupMaybe(PDFName.of('W'), PDFArray));
  return { toUnicode: parseToUnicode(streamText(toUnicode)), width: (code) => widths.get(code) ?? defaultWidth };
}

/** A CIDFont's `/W`: `c [w1 w2 ...]` or `cFirst cLast w`. */
function cidWidths(pdf: PDFDocument, array: PDFArray | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  const items = array?.asArray().map((item) => pdf.context.lookup(item)) ?? [];
  for (let at = 0; at < items.length; ) {
    const first = numberOf(items[at]);
    const next = items[at + 1];
    if (first === undefined) break;
    if (next instanceof PDFArray) {
      next.asArray().forEach((width, offset) => {
        const value = numberOf(pdf.context.lookup(width));
        if (value !== undefined) widths.set(first + offset, value);
      });
      at += 2;
    } else {
      const last = numberOf(next);
      const width = numberOf(items[at + 2]);
      if (last === undefined || width === undefined) break;
      for (let code = first; code <= last; code++) widths.set(code, width);
      at += 3;
    }
  }
  return widths;
}

function numberOf(object: PDFObject | undefined): number | undefined {
  return object instanceof PDFNumber ? object.asNumber() : undefined;
}

/** `bfchar` and `bfrange` entries of a ToUnicode CMap: code -> text. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{1,4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const low = parseInt(range[1]!, 16);
      const high = parseInt(range[2]!, 16);
      const target = range[3]!;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F]*)>/g)].forEach((item, offset) => map.set(low + offset, utf16(item[1]!)));
      } else {
        const base = utf16(target.slice(1, -1));
        // The last UTF-16 unit counts up through the range.
        for (let code = low; code <= high; code++) map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - low));
      }
    }
  }
  return map;
}
