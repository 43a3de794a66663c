import type { Position } from 'unist';
import type { Settings } from '../../config/schema';
import { calloutAsQuote, definitionsAsList } from '../../model/lowered-blocks';
import type { Block, Inline, ListBlock, Publication, Section } from '../../model/types';
import { appendText, inlinePlainText, sliceInline, trimInlineEnd } from './condense-inline';
import { cutAtSentence, sentenceEnds } from './sentences';
import { formatDate } from '../../typography/format-date';

/** What a section says in the digest: a few sentences, then its key points. */
export interface DigestSummary {
  /** One entry per source paragraph it drew from. */
  lead: Inline[][];
  points: Inline[][];
}

/** A depth-3 (or deeper) section: one entry of the digest. */
export interface DigestItem extends DigestSummary {
  id: string;
  title: Inline[];
  /** The heading in the source, to point at when the budget leaves the section out. */
  position?: Position;
}

/** A depth-1 or depth-2 section: a heading over its items (and its own summary, if it has text). */
export interface DigestGroup {
  id: string;
  /** The depth-1 title above a depth-2 group ("Extraits de témoignages régionaux"). */
  kicker?: string;
  title: Inline[];
  summary?: DigestSummary;
  items: DigestItem[];
  position?: Position;
}

/** Everything the digest shows, decided once; the HTML, text and message only lay it out. */
export interface DigestEdition {
  lang: string;
  title: Inline[];
  subtitle?: Inline[];
  event?: string;
  /** "27 mai 2010". */
  /** Absent for an undated publication. */
  dateText?: string;
  organisation?: string;
  /** Subject line: the title and the event. */
  subject: string;
  /** The HTML document's title: the subject, else the title alone, cut to what a window or tab shows. */
  documentTitle: string;
  /** The line a mail client shows after the subject; hidden in the message itself. */
  preheader: string;
  /** Paragraphs. */
  introduction: Inline[][];
  groups: DigestGroup[];
  /**
   * Sections (groups and items) the size budget left out after the last group, when even the
   * headings were over it: the message ends by saying how many more the brochure has.
   */
  sectionsLeftOut?: number;
  /** Where the full text is: a link when the brochure is online, otherwise who has it. */
  brochure: { url?: string; organisation?: string };
  /** One-click unsubscribe URL, `{email}` still to be replaced per recipient. */
  unsubscribeUrl?: string;
  replyTo?: string;
  /** Raw HTML blocks left out: the digest never passes source HTML through. */
  droppedHtml: Block[];
}

const PREHEADER_LENGTH = 110;
/** Longer page titles are cut by browsers, screen readers' window lists and accessibility checkers alike. */
const DOCUMENT_TITLE_LENGTH = 70;

/** Metadata strings come typeset from the model; as inline content they are one text node. */
const asInline = (text: string): Inline[] => [{ type: 'text', value: text }];

/** The condensed edition of a publication: pure, no I/O. */
export function buildDigestEdition(publication: Publication, settings: Settings): DigestEdition {
  const { meta } = publication;
  const { leadLength, keyPoints } = settings.digest;
  const limits = { leadLength, keyPoints };
  const droppedHtml: Block[] = [];
  const shown = (blocks: readonly Block[]) => {
    const kept = blocks.filter((block) => block.targets.includes('digest'));
    droppedHtml.push(...kept.filter((block) => block.type === 'html'));
    return kept;
  };
  const introduction = introductionOf(publication, shown, leadLength);
  const subject = meta.event ? `${meta.title} – ${meta.event}` : meta.title;
  return {
    lang: meta.lang,
    title: asInline(meta.title),
    subtitle: meta.subtitle ? asInline(meta.subtitle) : undefined,
    event: meta.event,
    dateText: meta.date === undefined ? undefined : formatDate(meta.date, meta.lang),
    organisation: meta.organisation,
    subject,
    documentTitle: [subject, meta.title].find((title) => title.length <= DOCUMENT_TITLE_LENGTH) ?? cutText(meta.title, DOCUMENT_TITLE_LENGTH - 1),
    preheader: cutText(meta.subtitle ?? inlinePlainText(introduction[0] ?? []), PREHEADER_LENGTH),
    introduction,
    groups: publication.sections.filter(inDigest).flatMap((section) => groupsOf(section, undefined, shown, limits)),
    brochure: { url: meta.brochureUrl, organisation: meta.organisation },
    unsubscribeUrl: settings.digest.unsubscribeUrl,
    replyTo: settings.digest.replyTo,
    droppedHtml,
  };
}

type Shown = (blocks: readonly Block[]) => Block[];
interface Limits {
  leadLength: number;
  keyPoints: number;
}

const inDigest = (section: Section) => section.targets.includes('digest');

/** A paragraph written for the digest alone wins; then the description; then the preamble's first paragraph. */
function introductionOf(publication: Publication, shown: Shown, leadLength: number): Inline[][] {
  const preamble = paragraphsOf(shown(publication.preamble));
  const digestOnly = preamble.filter((paragraph) => paragraph.digestOnly);
  if (digestOnly.length > 0) return digestOnly.map((paragraph) => paragraph.children);
  if (publication.meta.description) return [asInline(publication.meta.description)];
  const first = preamble[0];
  return first ? [condense(first.children, leadLength)] : [];
}

function groupsOf(section: Section, kicker: string | undefined, shown: Shown, limits: Limits): DigestGroup[] {
  const own = shown(section.blocks);
  const items = section.children
    .filter((child) => child.depth >= 3 && inDigest(child))
    .map((child) => ({ id: child.id, title: withoutFootnoteReferences(child.title), position: child.position, ...summarize(sectionBlocks(child, shown), limits) }))
    .filter((item) => item.lead.length > 0 || item.points.length > 0);
  const summary = summarize(own, limits);
  const hasSummary = summary.lead.length > 0 || summary.points.length > 0;
  const groups: DigestGroup[] = [];
  if (hasSummary || items.length > 0) {
    groups.push({ id: section.id, kicker, title: withoutFootnoteReferences(section.title), summary: hasSummary ? summary : undefined, items, position: section.position });
  }
  // A depth-1 heading with nothing of its own becomes the kicker of the groups below it.
  const childKicker = section.depth === 1 && groups.length === 0 ? section.titleText : kicker;
  for (const child of section.children.filter((child) => child.depth <= 2 && inDigest(child))) {
    groups.push(...groupsOf(child, childKicker, shown, limits));
  }
  return groups;
}

/** A section's blocks, then those of its subsections, in reading order. */
function sectionBlocks(section: Section, shown: Shown): Block[] {
  return [...shown(section.blocks), ...section.children.filter(inDigest).flatMap((child) => sectionBlocks(child, shown))];
}

interface SourceParagraph {
  children: Inline[];
  digestOnly: boolean;
  /** Index of the block it came from, to tell what comes before the first list. */
  index: number;
}

/**
 * Paragraphs, quotes' paragraphs included; tables, code, images, HTML and footnotes stay in the
 * brochure (the digest gives the essentials: a note's number would point at nothing).
 */
function paragraphsOf(blocks: readonly Block[]): SourceParagraph[] {
  return blocks.flatMap((block, index): SourceParagraph[] => {
    if (block.footnote) return [];
    if (block.type === 'paragraph') {
      const children = withoutLeadIn(withoutFootnoteReferences(block.children), blocks[index + 1]);
      return children ? [{ children, digestOnly: block.targets.length === 1, index }] : [];
    }
    if (block.type === 'quote') return paragraphsOf(block.blocks).map((paragraph) => ({ ...paragraph, index }));
    if (block.type === 'callout') return paragraphsOf(calloutAsQuote(block).blocks).map((paragraph) => ({ ...paragraph, index }));
    if (block.type === 'definitions') return definitionsAsList(block).items.map((item) => ({ children: item.children, digestOnly: block.targets.length === 1, index }));
    return [];
  });
}

/** The digest has no notes: a call would be a stray number, in a heading as in a paragraph. */
function withoutFootnoteReferences(children: readonly Inline[]): Inline[] {
  return children
    .filter((node) => node.type !== 'footnoteReference')
    .map((node) => ('children' in node && Array.isArray(node.children) ? ({ ...node, children: withoutFootnoteReferences(node.children as Inline[]) } as Inline) : node));
}

/** Blocks the digest leaves to the brochure. */
const BROCHURE_ONLY: ReadonlySet<Block['type']> = new Set(['code', 'table', 'image', 'html']);

/**
 * A paragraph without its last sentence when that sentence leads into a block the digest does
 * not show ("ESM:" before a code block): it would dangle, introducing nothing. Nothing is left
 * of a paragraph that is only a lead-in.
 */
function withoutLeadIn(children: Inline[], next: Block | undefined): Inline[] | undefined {
  if (!next || !BROCHURE_ONLY.has(next.type)) return children;
  const text = inlinePlainText(children);
  if (!/:[\s\u00a0\u202f]*$/u.test(text)) return children;
  const previous = sentenceEnds(text).at(-2);
  return previous === undefined ? undefined : trimInlineEnd(sliceInline(children, previous));
}

/**
 * The lead is the first sentences of the text (those written for the digest alone, when there are),
 * up to `leadLength`; key points are the first list's items, or else the first sentence of each
 * paragraph the lead did not reach.
 */
function summarize(blocks: readonly Block[], limits: Limits): DigestSummary {
  const paragraphs = paragraphsOf(blocks);
  const digestOnly = paragraphs.filter((paragraph) => paragraph.digestOnly);
  const firstList = blocks.findIndex((block) => block.type === 'list');
  const leadSource = digestOnly.length > 0 ? digestOnly : paragraphs.filter((paragraph) => firstList < 0 || paragraph.index < firstList);
  const { lead, used } = leadOf(leadSource.length > 0 ? leadSource : paragraphs.slice(0, 1), limits.leadLength);
  const pointLength = Math.max(80, Math.round(limits.leadLength / 2));
  const lists = blocks.filter((block): block is ListBlock => block.type === 'list');
  const points =
    lists.length > 0
      ? lists.flatMap((list) => list.items.map((item) => item.children))
      : paragraphs.filter((paragraph) => !used.has(paragraph) && !paragraph.digestOnly).map((paragraph) => firstSentence(paragraph.children));
  return {
    lead,
    points: points
      .map((point) => trimInlineEnd(condense(point, pointLength), /[\s\u00a0\u202f;,.:]+$/u))
      .filter((point) => inlinePlainText(point).trim().length > 0)
      .slice(0, limits.keyPoints),
  };
}

/** Whole paragraphs while they fit, then the sentences of the next one that fit. */
function leadOf(paragraphs: readonly SourceParagraph[], leadLength: number): { lead: Inline[][]; used: Set<SourceParagraph> } {
  const used = new Set<SourceParagraph>();
  const parts: Inline[][] = [];
  let left = leadLength;
  for (const paragraph of paragraphs) {
    const text = inlinePlainText(paragraph.children);
    if (text.trim().length === 0) continue;
    const cut = cutAtSentence(text, left);
    // After the first paragraph, a partial sentence is worse than stopping.
    if (parts.length > 0 && (cut.partial || cut.length === 0)) break;
    const kept = sliceInline(paragraph.children, cut.length);
    parts.push(cut.partial ? appendText(trimInlineEnd(kept), '…') : trimInlineEnd(kept));
    used.add(paragraph);
    left -= cut.length + 1;
    if (cut.length < text.length || left < 40) break;
  }
  return { lead: parts, used };
}

function firstSentence(children: readonly Inline[]): Inline[] {
  const [end] = sentenceEnds(inlinePlainText(children));
  return end === undefined ? [...children] : sliceInline(children, end);
}

/** At most `length` characters, whole sentences when possible, an ellipsis when not. */
function condense(children: readonly Inline[], length: number): Inline[] {
  const text = inlinePlainText(children);
  if (text.length <= length) return [...children];
  const cut = cutAtSentence(text, length);
  const kept = trimInlineEnd(sliceInline(children, cut.length));
  return cut.partial ? appendText(kept, '…') : kept;
}

function cutText(text: string, length: number): string {
  const cut = cutAtSentence(text, length);
  return `${text.slice(0, cut.length).trimEnd()}${cut.partial ? '…' : ''}`;
}
