import { inlineMarkdown, escapeText, escapeHtml, imageMarkdown } from './inline-markdown';
import { BLOCK_PLACEHOLDER_CLASS, imageWhere } from '../image-source';
import { calloutAsQuote, definitionsAsList } from '../../model/lowered-blocks';
import type { Metadata } from '../../model/types';
import type { ListItem } from '../../model/types';
import type { Block } from '../../model/types';
import type { Slide, SlideUnit } from './slide-plan';
import { messages } from '../../messages/messages';
import { textDirection } from '../../model/text-direction';

export interface DeckMarkdownOptions {
  meta: Metadata;
  /** Marp theme name (`/* @theme ... *\/` of the theme CSS). */
  theme: string;
  /** Line at the bottom of every content slide. */
  footer: string;
  /** Extra lines put at the top of each slide's notes (the timing), by slide index. */
  notesHeader?: (slide: Slide, index: number) => string | undefined;
  /**
   * Without the notes: what the fit renders and measures. Notes take no room on a slide, and
   * Marpit reads every comment as YAML, the notes' too (a fifth of a render of the seed).
   */
  notes?: boolean;
}

/** The plan as Marp Markdown: one `---` separated slide each, notes as HTML comments. */
export function deckMarkdown(slides: readonly Slide[], options: DeckMarkdownOptions): string {
  const { meta } = options;
  const frontMatter = [
    '---',
    'marp: true',
    `theme: ${options.theme}`,
    'paginate: true',
    'size: 16:9',
    `title: ${yamlString(meta.title)}`,
    meta.subtitle || meta.description ? `description: ${yamlString(meta.subtitle ?? meta.description ?? '')}` : '',
    meta.author ? `author: ${yamlString(meta.author)}` : '',
    `lang: ${yamlString(meta.lang)}`,
    // Marp reads the footer as Markdown: the organisation's name stays text, never a link or an image.
    `footer: ${yamlString(escapeText(options.footer))}`,
    // Marp has no direction directive: right-to-left languages get it as the deck's own style.
    textDirection(meta.lang) === 'rtl' ? 'style: "section { direction: rtl; }"' : '',
    '---',
  ].filter(Boolean);
  const body = slides.map((slide, index) => slideMarkdown(slide, options.notesHeader?.(slide, index), meta.lang, options.notes ?? true));
  return `${frontMatter.join('\n')}\n\n${body.join('\n\n---\n\n')}\n`;
}

/** A title as the room reads it, with the label of a "(suite)" slide. */
export function continuedTitle(title: string, continuation: number, lang: string): string {
  return continuation > 0 ? messages(lang).continued(title) : title;
}

export function slideClasses(slide: Slide): string {
  const scale = Math.round(slide.scale * 100);
  const titleScale = Math.round((slide.titleScale ?? 1) * 100);
  return [slide.kind, slide.talk ? 'talk' : '', scale < 100 ? `scale-${scale}` : '', titleScale < 100 ? `title-${titleScale}` : '', slide.breakWords ? 'break-words' : ''].filter(Boolean).join(' ');
}

export function slideTitle(slide: Slide, lang: string): string {
  return continuedTitle(slide.titleInline ? inlineMarkdown(slide.titleInline) : escapeText(slide.title), slide.continuation, lang);
}

function slideMarkdown(slide: Slide, notesHeader: string | undefined, lang: string, withNotes: boolean): string {
  const lines = [`<!-- _class: ${slideClasses(slide)} -->`];
  if (slide.kind === 'title' || slide.kind === 'divider' || slide.kind === 'subdivider') lines.push('<!-- _paginate: false -->', '<!-- _footer: "" -->');
  if (slide.header) lines.push(`<!-- _header: ${commentEnds(yamlString(escapeText(slide.header)))} -->`);
  lines.push('');
  switch (slide.kind) {
    case 'title':
      lines.push(`# ${slideTitle(slide, lang)}`, '');
      if (slide.kicker) lines.push(`## ${escapeText(slide.kicker)}`, '');
      if (slide.lines?.length) lines.push(slide.lines.map(escapeText).join('<br>'), '');
      break;
    case 'divider':
    case 'subdivider':
      if (slide.kicker) lines.push(escapeText(slide.kicker), '');
      lines.push(`# ${slideTitle(slide, lang)}`, '');
      break;
    default:
      lines.push(`## ${slideTitle(slide, lang)}`, '', ...unitsMarkdown(slide.units));
  }
  const notes = withNotes ? [notesHeader, ...slide.units.flatMap((unit) => unit.notes)].filter(Boolean).map((note) => commentText(note!)) : [];
  // The blank line ends an HTML block above (an image placeholder) that would swallow the comment's opening.
  if (notes.length > 0) lines.push('', '<!--', notes.join('\n\n'), '-->', '');
  return lines.join('\n').trimEnd();
}

/** Blocks separated by blank lines; list items grouped by list, with a new bullet for each list. */
function unitsMarkdown(units: readonly SlideUnit[]): string[] {
  const out: string[] = [];
  let previousList: number | undefined;
  let bullet = '+';
  for (const unit of units) {
    const visible = unit.visible;
    if (!visible) continue;
    if (visible.type === 'item') {
      if (visible.list !== previousList) {
        if (out.length > 0) out.push('');
        // A new list right after another needs another marker (`*` and `1)` would be fragments in Marp).
        bullet = bullet === '-' ? '+' : '-';
      }
      previousList = visible.list;
      out.push(itemMarkdown(visible.item, visible.ordered ? `${visible.number}.` : bullet, ''));
      continue;
    }
    previousList = undefined;
    if (out.length > 0) out.push('');
    if (visible.type === 'paragraph') out.push(inlineMarkdown(visible.children));
    else if (visible.type === 'quote') out.push(visible.blocks.map((block) => blockMarkdown(block).replace(/^/gm, '> ')).join('\n>\n'));
    else out.push(blockMarkdown(visible.block));
  }
  return out;
}

function itemMarkdown(item: ListItem, marker: string, indent: string): string {
  const inner = indent + ' '.repeat(marker.length + 1);
  const lines = [`${indent}${marker} ${inlineMarkdown(item.children)}`];
  for (const more of item.more) lines.push('', `${inner}${inlineMarkdown(more)}`);
  if (item.sublist) {
    const sub = item.sublist;
    sub.items.forEach((child, index) => lines.push(itemMarkdown(child, sub.ordered ? `${(sub.start ?? 1) + index}.` : '-', inner)));
  }
  return lines.join('\n');
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineMarkdown(block.children);
    case 'list':
      return block.items.map((item, index) => itemMarkdown(item, block.ordered ? `${(block.start ?? 1) + index}.` : '-', '')).join('\n');
    case 'quote':
      return block.blocks.map((inner) => blockMarkdown(inner).replace(/^/gm, '> ')).join('\n>\n');
    case 'callout':
      return blockMarkdown(calloutAsQuote(block));
    case 'definitions':
      return blockMarkdown(definitionsAsList(block));
    case 'table': {
      const [head = [], ...rows] = block.rows;
      const cell = (inline: Parameters<typeof inlineMarkdown>[0]) => inlineMarkdown(inline).replace(/\|/g, '\\|');
      const marks: Record<string, string> = { left: ':--', right: '--:', center: ':-:' };
      const align = head.map((_, index) => marks[block.align[index] ?? ''] ?? '---');
      return [head.map(cell), align, ...rows.map((row) => row.map(cell))].map((row) => `| ${row.join(' | ')} |`).join('\n');
    }
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...[...block.value.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
      return `${fence}${block.lang ?? ''}\n${block.value}\n${fence}`;
    }
    case 'math':
      return `$$\n${block.value}\n$$`;
    case 'image':
      return /^data:image\//i.test(block.url) ? imageMarkdown(block.url, block.alt) : imagePlaceholder(block.alt, block.url);
    default:
      return '';
  }
}

/**
 * An image `deck-images` could not carry (a web image is never fetched, a local file is missing):
 * a box with its alt text and the host or file name, never a broken-image icon.
 */
function imagePlaceholder(alt: string, url: string): string {
  const where = imageWhere(url);
  const parts = [alt.trim() ? `<span class="image-placeholder-alt">${escapeHtml(alt)}</span>` : '', where ? `<span class="image-placeholder-where">${escapeHtml(where)}</span>` : ''];
  return `<div class="${BLOCK_PLACEHOLDER_CLASS}">${parts.join('')}</div>`;
}

/**
 * Notes as the text of a Marp comment. Nothing in it may end the comment: Marp
 * ends it at `-->`, an HTML parser also at `--!>`. And Marp reads a comment whose lines all look
 * like `key: value` as directives, so a note "theme: x" or "header: ..." would restyle the slide:
 * a line that starts like a key gets a zero-width space before its colon (invisible, not a key).
 */
function commentText(text: string): string {
  return commentEnds(text).replace(/^(\s*["']?[\p{L}\p{N}_$-]+["']?)(\s*:)/gmu, '$1\u200b$2');
}

/** `-->` and `--!>` with a zero-width space inside, so they end no comment. */
function commentEnds(text: string): string {
  return text.replace(/--(!?)>/g, '--\u200b$1>');
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}
