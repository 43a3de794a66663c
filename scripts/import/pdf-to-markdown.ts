import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { guessLang } from '../source/guess-lang';
import { ALT_PLACEHOLDER } from '../lint/rules';
import { readPdfLines, type PdfLine } from './pdf-lines';

/**
 * A PDF back to Markdown, from the layout of its lines: headings are lines set larger than the
 * body (their sizes give the levels) or short lines alone in bold; paragraphs are lines that
 * follow each other closely, across columns and pages; items are lines opened by a bullet or a
 * number, nested by their indent; notes are the small numbered lines at a page's foot that a
 * raised number calls. A word cut at a line's end is joined again only when the whole is a word
 * of the document's language (the word lists of `an-array-of-*-words`); else its hyphen stays.
 */

const WORD_LISTS: Record<string, string> = { en: 'an-array-of-english-words', fr: 'an-array-of-french-words', es: 'an-array-of-spanish-words' };

async function wordList(lang: string | undefined): Promise<Set<string> | undefined> {
  const name = lang ? WORD_LISTS[lang] : undefined;
  if (!name) return undefined;
  try {
    const path = createRequire(import.meta.url).resolve(name);
    return new Set(JSON.parse(await readFile(path, 'utf8')) as string[]);
  } catch {
    return undefined;
  }
}

const BULLET = /^([•◦▪▫●○■□‣⁃∙·\-–—*])\s+/u;
const NUMBERED = /^(\d{1,3}|[a-z])[.)]\s+/;

/** The size most of the text is set in. */
function bodySize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines.filter((candidate) => !candidate.mono)) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

type Block = { kind: 'code'; text: string } | { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string; lines: PdfLine[] } | { kind: 'item'; depth: number; marker: string; text: string; lines: PdfLine[] } | { kind: 'note'; label: string; text: string } | { kind: 'image'; src: string };

function joinLine(text: string, next: string, words: Set<string> | undefined): string {
  const cut = /([\p{L}][\p{L}'’-]*)([-\u00ad\u2010])$/u.exec(text);
  const start = /^([\p{Ll}][\p{L}]*)/u.exec(next);
  if (cut && start) {
    const joined = `${cut[1]}${start[1]}`.toLowerCase().replace(/’/g, "'");
    const compound = `${cut[1]}-${start[1]}`.toLowerCase().replace(/’/g, "'");
    // An elided article (l'…) or the first part of a compound does not make the word.
    const isWord = (word: string) => words?.has(word) || words?.has(word.split(/['-]/).at(-1)!);
    // A soft hyphen's mark (U+2010, as Chromium draws it) is hyphenation; a hyphen-minus may be the word's own.
    const hyphenation = cut[2] !== '-' || !(words?.has(compound) || words?.has(compound.replace(/^.*'/, '')));
    if (hyphenation && isWord(joined)) return text.slice(0, -1) + next;
    return `${text.slice(0, -1)}-${next}`;
  }
  return `${text} ${next}`;
}

/** Lines -> blocks, furniture already gone. */
function blocks(lines: PdfLine[], words: Set<string> | undefined, images: Map<string, { page: number; y: number }[]>): Block[] {
  const body = bodySize(lines);
  // A cover's sizes are its own: the levels come from the pages after it (larger is a level 1).
  const prose = lines.filter((line) => !line.mono);
  const inner = prose.some((line) => line.page > 1) ? prose.filter((line) => line.page > 1) : prose;
  const headingSizes = [...new Set(inner.filter((line) => line.size > body * 1.12 && line.text.length < 160).map((line) => line.size))].sort((a, b) => b - a);
  const levelOf = (line: PdfLine): number | undefined => {
    if (line.size > body * 1.12 && line.text.length < 160) return Math.min(headingSizes.filter((size) => size > line.size).length + 1, 4);
    if (line.bold && !line.italic && line.size >= body * 0.98 && line.text.length < 90 && !/[.,;:]$/.test(line.text) && !BULLET.test(line.text)) return Math.min(headingSizes.filter((size) => size > line.size).length + 1, 5);
    return undefined;
  };
  const result: Block[] = [];
  const noteLabels = new Set(lines.flatMap((line) => line.calls));
  let previous: PdfLine | undefined;
  let open: Extract<Block, { kind: 'paragraph' | 'item' | 'note' }> | undefined;
  const pendingImages = [...images.entries()];
  const placeImages = (line: PdfLine | undefined) => {
    for (let i = 0; i < pendingImages.length; i++) {
      const [src, [place]] = pendingImages[i]! as [string, { page: number; y: number }[]];
      if (!line || place!.page < line.page || (place!.page === line.page && place!.y > line.y)) {
        result.push({ kind: 'image', src });
        pendingImages.splice(i--, 1);
        open = undefined;
      }
    }
  };
  for (const line of lines) {
    placeImages(line);
    if (line.mono) {
      const last = result.at(-1);
      if (last?.kind === 'code' && previous?.mono) last.text += `\n${line.text}`;
      else result.push({ kind: 'code', text: line.text });
      open = undefined;
      previous = line;
      continue;
    }
    const level = levelOf(line);
    const gap = previous && previous.page === line.page && previous.columnLeft === line.columnLeft ? previous.y - line.y : undefined;
    const note = line.size < body * 0.92 && /^(\d{1,3})[.)]?\s+\S/.exec(line.text);
    if (note && noteLabels.has(note[1]!)) {
      open = { kind: 'note', label: note[1]!, text: line.text.slice(note[0].length - 1).trim() };
      result.push(open);
      previous = line;
      continue;
    }
    if (open?.kind === 'note' && line.size < body * 0.92) {
      open.text = joinLine(open.text, line.text, words);
      previous = line;
      continue;
    }
    if (level !== undefined) {
      const last = result.at(-1);
      // A heading set on two lines is one heading.
      if (last?.kind === 'heading' && last.level === level && previous && levelOf(previous) === level && gap !== undefined && gap < line.size * 1.6) last.text = joinLine(last.text, line.text, words);
      else result.push({ kind: 'heading', level, text: line.text });
      open = undefined;
      previous = line;
      continue;
    }
    const bullet = BULLET.exec(line.text) ?? NUMBERED.exec(line.text);
    if (bullet) {
      const indent = line.x - line.columnLeft;
      const items = result.filter((block): block is Extract<Block, { kind: 'item' }> => block.kind === 'item');
      const depth = Math.max(0, Math.round((indent - Math.min(...items.map((item) => item.lines[0]!.x - item.lines[0]!.columnLeft), indent)) / 12));
      open = { kind: 'item', depth: Math.min(depth, 3), marker: /^\d/.test(bullet[1]!) ? `${bullet[1]}.` : '-', text: line.text.slice(bullet[0].length), lines: [line] };
      result.push(open);
      previous = line;
      continue;
    }
    const lineHeight = line.size * 1.25;
    const continues =
      open !== undefined &&
      previous !== undefined &&
      ((gap !== undefined && gap > 0 && gap < lineHeight * 1.45 && Math.abs(previous.size - line.size) < 0.6) ||
        // Across a column or a page: the paragraph goes on when it did not end a sentence.
        ((gap === undefined || gap < 0) && !/[.!?:»")]$/.test(open.text))) &&
      // A first-line indent opens a paragraph.
      !(open.kind === 'paragraph' && line.x > previous.x + line.size * 0.8 && /[.!?:]$/.test(previous.text));
    if (continues && open && open.kind !== 'note') {
      open.text = joinLine(open.text, line.text, words);
      open.lines.push(line);
    } else {
      open = { kind: 'paragraph', text: line.text, lines: [line] };
      result.push(open);
    }
    previous = line;
  }
  placeImages(undefined);
  return result;
}

const escapeText = (text: string) => text.replace(/([\\`*_<>[\]])/g, (match, _c, offset, whole: string) => (match === '[' && whole.slice(offset, offset + 2) === '[^' ? match : match === ']' && /\[\^\d+$/.test(whole.slice(0, offset)) ? match : `\\${match}`)).replace(/^(#+\s|>\s|\d+[.)]\s|[-+]\s)/, '\\$1');

/** A contents entry: a run of leader dots before a page number. */
const LEADERS = /(\.\s?){5,}\s*\d+/;

/** The contents page of a PDF (entries with leader dots, and the heading over them) goes: the brochure makes its own. */
function withoutContents(list: Block[]): Block[] {
  return list.filter((block, index) => {
    if (block.kind === 'paragraph') return !LEADERS.test(block.text);
    const next = list[index + 1];
    return !(block.kind === 'heading' && next?.kind === 'paragraph' && LEADERS.test(next.text));
  });
}

function toMarkdown(list: Block[]): string {
  const labels = new Set(list.filter((block) => block.kind === 'note').map((block) => (block as { label: string }).label));
  const calls = (text: string) => text.replace(/\[\^(\d+)\]/g, (call, label: string) => (labels.has(label) ? call : `<sup>${label}</sup>`));
  const out: string[] = [];
  let inList = false;
  for (const block of list) {
    if (block.kind === 'item') {
      out.push(`${inList ? '' : '\n'}${'  '.repeat(block.depth * (block.marker === '-' ? 1 : 1.5))}${block.marker} ${calls(escapeText(block.text))}`.replace(/^\s+(?=\S)/, (indent) => indent.replace(/\n/g, '')));
      inList = true;
      continue;
    }
    if (inList) out.push('');
    inList = false;
    if (block.kind === 'code') out.push('```', block.text, '```', '');
    else if (block.kind === 'heading') out.push(`${'#'.repeat(block.level)} ${escapeText(block.text)}`, '');
    // A paragraph set in italics stays so: `check --fix` tells a short italic line standing as a heading.
    else if (block.kind === 'paragraph') out.push(block.lines.every((line) => line.italic) && !/\[\^/.test(block.text) ? `*${escapeText(block.text)}*` : calls(escapeText(block.text)), '');
    else if (block.kind === 'image') out.push(`![${ALT_PLACEHOLDER}](${block.src})`, '');
  }
  const notes = list.filter((block): block is Extract<Block, { kind: 'note' }> => block.kind === 'note');
  if (notes.length > 0) out.push('', ...notes.map((note) => `[^${note.label}]: ${escapeText(note.text)}\n`));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function encodePng(data: Uint8ClampedArray, width: number, height: number): Buffer | undefined {
  try {
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    const image = context.createImageData(width, height);
    image.data.set(data.subarray(0, width * height * 4));
    context.putImageData(image, 0, 0);
    return canvas.toBuffer('image/png');
  } catch {
    return undefined;
  }
}

/** A PDF's text as Markdown, its pictures written into `imageDir` (referenced relative to `imageBase`) with a placeholder alt text that `check` reports. */
export async function pdfToMarkdown(bytes: Uint8Array, imageDir: string, imageBase: string): Promise<{ markdown: string; lang?: string; title?: string }> {
  const { lines, images } = await readPdfLines(bytes, encodePng);
  const lang = guessLang(lines.map((line) => line.text).join(' '));
  const words = await wordList(lang);
  const placed = new Map<string, { page: number; y: number }[]>();
  for (const [index, image] of images.entries()) {
    const name = `image-${index + 1}.png`;
    await mkdir(imageDir, { recursive: true });
    await writeFile(join(imageDir, name), image.png);
    placed.set(`${imageBase}${name}`, [{ page: image.page, y: image.y }]);
  }
  const list = withoutContents(blocks(lines, words, placed));
  // The first heading of the largest size is the document's title, not a section.
  const titleIndex = list.findIndex((block) => block.kind === 'heading' && block.level === 1);
  const title = titleIndex >= 0 ? (list[titleIndex] as { text: string }).text : undefined;
  if (titleIndex >= 0) list.splice(titleIndex, 1);
  return { markdown: toMarkdown(list), lang, title };
}
