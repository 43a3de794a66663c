import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { stringify } from 'yaml';
import type { SourceEdit } from './source-edit';
import { guessLang } from '../source/guess-lang';

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Characters an entity may stand for only as an entity: written plainly they would be markup. */
const MARKUP = /[<>&*_[\]`\\#!|~]/;

/** The character an entity stands for, or undefined when it is unknown or would become markup. */
function decodeEntity(match: RegExpExecArray): string | undefined {
  const [, decimal, hex, name] = match;
  const code = decimal ? Number(decimal) : hex ? Number.parseInt(hex, 16) : undefined;
  const character = code !== undefined ? (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined) : decodeNamedCharacterReference(name!) || undefined;
  if (!character || MARKUP.test(character) || /[\u0000-\u001f]/.test(character)) return undefined;
  // The pipeline puts no-break spaces where French typography wants them.
  return character === '\u00a0' ? ' ' : character;
}

/** `&eacute;`, `&#233;` in text -> `é`: leftovers of an HTML export. Code is left as typed. */
export function entityFixes(tree: Root, file: VFile): void {
  const source = String(file.value);
  visit(tree, 'text', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const span = source.slice(start, end);
    for (const match of span.matchAll(ENTITY)) {
      const character = decodeEntity(match);
      if (character === undefined) continue;
      const at = start + match.index;
      file.message(`HTML entity \`${match[0]}\``, { place: node.position!.start, ruleId: 'html-entity', source: 'triptyque' }).fix = [{ start: at, end: at + match[0].length, text: character }];
    }
  });
}

const DATE_IN_NAME = /(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?:\D|$)/;

/** Month names as dates are written in titles ("27 mai 2010", "May 27, 2010"), by language. */
const MONTHS: readonly string[][] = [
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
];

/** A day, a month name and a year in `text`, in either order of day and month, as YYYY-MM-DD. */
function dateInText(text: string): string | undefined {
  const words = text.toLowerCase();
  for (const months of MONTHS) {
    const names = months.join('|');
    const dayFirst = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${names})\\s+(\\d{4})(?!\\d)`, 'u').exec(words);
    const monthFirst = new RegExp(`(?<![\\p{L}])(${names})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'u').exec(words);
    const [day, month, year] = dayFirst ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!] : monthFirst ? [monthFirst[2]!, monthFirst[1]!, monthFirst[3]!] : [];
    if (day && month && year && Number(day) >= 1 && Number(day) <= 31) return `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return undefined;
}

/**
 * A source without front matter gets one with what can be found: the title of the first heading,
 * the date in the file name (or in that title), the language of the text. What is missing is left for `check` to report.
 */
export function frontMatterFix(tree: Root, file: VFile): void {
  if (tree.children.some((node) => node.type === 'yaml')) return;
  const meta: Record<string, string> = {};
  const heading = tree.children.find((node): node is Heading => node.type === 'heading');
  if (heading) meta['title'] = toString(heading).trim();
  const date = DATE_IN_NAME.exec(file.basename ?? '');
  const dated = date ? `${date[1]}-${date[2]}-${date[3]}` : meta['title'] && dateInText(meta['title']);
  if (dated) meta['date'] = dated;
  const lang = guessLang(toString(tree));
  if (lang) meta['lang'] = lang;
  const block = `---\n${Object.keys(meta).length > 0 ? stringify(meta, { lineWidth: 0 }) : ''}---\n\n`;
  file.message('no front matter', { place: { line: 1, column: 1 }, ruleId: 'missing-metadata', source: 'triptyque' }).fix = [{ start: 0, end: 0, text: block }];
}

export type ExtraFix = (tree: Root, file: VFile) => void;

/** Fixes for faults the lint does not report as such (they are not wrong, only unclean). */
export const extraFixes: readonly ExtraFix[] = [entityFixes, frontMatterFix];

export type { SourceEdit };
