import type { Inline } from '../../model/types';
import { appendText, inlinePlainText, sliceInline, trimInlineEnd } from './condense-inline';
import type { DigestEdition, DigestSummary } from './digest-edition';
import { keepSections, sectionCount, type LeftOutSection } from './keep-sections';
import { cutAtSentence } from './sentences';

/** What the budget took from one section's summary. */
export interface DigestCut {
  /** The section's id (its anchor in the brochure) and its title as plain text. */
  id: string;
  title: string;
  /** Characters of lead text before and after; equal when only key points went. */
  leadFrom: number;
  leadTo: number;
  pointsDropped: number;
}

/** The rendered message an edition gives: its encoded HTML part size is what the budget is about. */
export interface Measured<T> {
  encoded: number;
  rendered: T;
}

/** Sections left out when even the headings were over: how many, and the first of them. */
export interface SectionsLeftOut {
  count: number;
  first?: LeftOutSection;
}

export type FitOutcome<T> =
  | { fits: true; edition: DigestEdition; measured: Measured<T>; cuts: DigestCut[]; steps: number; uncut: number; leftOut?: SectionsLeftOut }
  /** Even without any section (masthead, introduction, closing, footer) the part is `withoutSections` bytes. */
  | { fits: false; withoutSections: number; steps: number };

/** Render-and-measure steps after the first estimate: each one is a full render and .eml. */
const MAX_STEPS = 8;
/** Renders allowed to find how many headings fit: enough to close in on the last one from 25 000. */
const MAX_SECTION_STEPS = 24;
/** Shorter than this, a cut first sentence says nothing: the lead goes. */
const MIN_PARTIAL_LEAD = 40;
/** Close enough under the budget: stop refining. */
const SLACK = 0.03;

/**
 * The edition cut until its encoded HTML part is at most `budget` bytes. Every summary is capped at
 * the same number of characters, so the longest sections lose first: key points drop from the end,
 * then the lead shortens at a sentence (an ellipsis when a sentence must be cut). The cap is first
 * estimated from the full and the headings-only sizes (bytes grow about linearly with text), then
 * refined by bisection on real renders. When the headings alone are over, the first sections are
 * kept, headings only, as many as fit (`fitSections`); it fails only when none does.
 */
export async function fitBudget<T>(edition: DigestEdition, budget: number, measure: (edition: DigestEdition) => Promise<Measured<T>>): Promise<FitOutcome<T>> {
  const full = await measure(edition);
  let steps = 1;
  if (full.encoded <= budget) return { fits: true, edition, measured: full, cuts: [], steps, uncut: full.encoded };
  const bare = capped(edition, 0);
  const headingsOnly = await measure(bare.edition);
  steps++;
  if (headingsOnly.encoded > budget) {
    const sections = await fitSections(bare.edition, headingsOnly.encoded, budget, measure);
    if (!sections.fits) return { ...sections, steps: steps + sections.steps };
    const kept = new Set(sections.edition.groups.flatMap((group) => [group.id, ...group.items.map((item) => item.id)]));
    const cuts = bare.cuts.filter((cut) => kept.has(cut.id));
    return { ...sections, cuts, steps: steps + sections.steps, uncut: full.encoded };
  }

  const sizes = summariesOf(edition).map(summaryLength);
  const longest = Math.max(...sizes);
  // Best fitting cap so far (0: headings only, known to fit) and smallest cap known not to fit.
  let fitting = { cap: 0, ...bare, measured: headingsOnly };
  let over = longest;
  let cap = estimateCap(sizes, (budget * (1 - SLACK / 2) - headingsOnly.encoded) / (full.encoded - headingsOnly.encoded));
  for (let step = 0; step < MAX_STEPS && over - fitting.cap > 1; step++) {
    cap = Math.min(over - 1, Math.max(fitting.cap + 1, Math.round(cap)));
    const attempt = capped(edition, cap);
    const measured = await measure(attempt.edition);
    steps++;
    if (measured.encoded <= budget) {
      fitting = { cap, ...attempt, measured };
      if (measured.encoded >= budget * (1 - SLACK)) break;
    } else {
      over = cap;
    }
    cap = (fitting.cap + over) / 2;
  }
  return { fits: true, edition: fitting.edition, measured: fitting.measured, cuts: fitting.cuts, steps, uncut: full.encoded };
}

/**
 * The headings-only edition's first sections, as many as fit under `budget`, found on real renders:
 * the size grows about linearly with the sections kept, so each guess interpolates between the
 * largest count known to fit and the smallest known not to (Illinois' regula falsi: a bound kept
 * twice running counts half, so the guesses close in from both sides), down to one section apart.
 */
async function fitSections<T>(
  headings: DigestEdition,
  headingsSize: number,
  budget: number,
  measure: (edition: DigestEdition) => Promise<Measured<T>>,
): Promise<{ fits: true; edition: DigestEdition; measured: Measured<T>; leftOut: SectionsLeftOut; steps: number } | { fits: false; withoutSections: number; steps: number }> {
  const none = keepSections(headings, 0);
  const noneMeasured = await measure(none.edition);
  let steps = 1;
  if (noneMeasured.encoded > budget) return { fits: false, withoutSections: noneMeasured.encoded, steps };
  let fitting = { count: 0, ...none, measured: noneMeasured };
  let low = { count: 0, over: noneMeasured.encoded - budget };
  let high = { count: sectionCount(headings), over: headingsSize - budget };
  let lastSide: 'low' | 'high' | undefined;
  while (high.count - low.count > 1 && steps < MAX_SECTION_STEPS) {
    const guess = low.count + Math.round((high.count - low.count) * (-low.over / (high.over - low.over)));
    const count = Math.min(high.count - 1, Math.max(low.count + 1, guess));
    const attempt = keepSections(headings, count);
    const measured = await measure(attempt.edition);
    steps++;
    const over = measured.encoded - budget;
    if (over <= 0) {
      fitting = { count, ...attempt, measured };
      low = { count, over };
      if (lastSide === 'low') high = { ...high, over: high.over / 2 };
      lastSide = 'low';
    } else {
      high = { count, over };
      if (lastSide === 'high') low = { ...low, over: low.over / 2 };
      lastSide = 'high';
    }
  }
  const leftOut = { count: fitting.edition.sectionsLeftOut ?? 0, first: fitting.firstLeftOut };
  return { fits: true, edition: fitting.edition, measured: fitting.measured, leftOut, steps };
}

/** The cap under which the kept characters are `share` of all of them. */
function estimateCap(sizes: readonly number[], share: number): number {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const wanted = total * Math.min(1, Math.max(0, share));
  const sorted = [...sizes].sort((a, b) => a - b);
  let kept = 0;
  for (const [index, size] of sorted.entries()) {
    const rest = sorted.length - index;
    if (kept + size * rest >= wanted) return (wanted - kept) / rest;
    kept += size;
  }
  return sorted.at(-1) ?? 0;
}

function summariesOf(edition: DigestEdition): DigestSummary[] {
  return edition.groups.flatMap((group) => [...(group.summary ? [group.summary] : []), ...group.items]);
}

/** Every summary at most `cap` characters; what was taken, section by section. */
function capped(edition: DigestEdition, cap: number): { edition: DigestEdition; cuts: DigestCut[] } {
  const cuts: DigestCut[] = [];
  const cut = <S extends DigestSummary>(summary: S, id: string, title: Inline[]): S => {
    const kept = capSummary(summary, cap);
    const leadFrom = leadLength(summary.lead);
    const leadTo = leadLength(kept.lead);
    const pointsDropped = summary.points.length - kept.points.length;
    if (leadTo < leadFrom || pointsDropped > 0) cuts.push({ id, title: inlinePlainText(title), leadFrom, leadTo, pointsDropped });
    return { ...summary, ...kept };
  };
  const groups = edition.groups.map((group) => ({
    ...group,
    summary: group.summary && cut(group.summary, group.id, group.title),
    items: group.items.map((item) => cut(item, item.id, item.title)),
  }));
  return { edition: { ...edition, groups }, cuts };
}

function capSummary(summary: DigestSummary, cap: number): DigestSummary {
  const lead = leadLength(summary.lead);
  const points = [...summary.points];
  let size = summaryLength(summary);
  while (size > cap && points.length > 0) size -= inlinePlainText(points.pop()!).length;
  return { lead: size > cap ? shortenLead(summary.lead, Math.max(0, cap - (size - lead))) : summary.lead, points };
}

const leadLength = (lead: readonly Inline[][]): number => lead.reduce((sum, paragraph) => sum + inlinePlainText(paragraph).length, 0);
const summaryLength = (summary: DigestSummary): number => leadLength(summary.lead) + summary.points.reduce((sum, point) => sum + inlinePlainText(point).length, 0);

/** Whole paragraphs while they fit, then the sentences of the next one that fit (an ellipsis when none does, on the first). */
function shortenLead(lead: readonly Inline[][], length: number): Inline[][] {
  const parts: Inline[][] = [];
  let left = length;
  for (const paragraph of lead) {
    const text = inlinePlainText(paragraph);
    if (text.length <= left) {
      parts.push(paragraph);
      left -= text.length;
      continue;
    }
    const cut = cutAtSentence(text, left);
    // A cut sentence is worth its ellipsis only on the first paragraph and with a few words left.
    if (cut.length > 0 && (!cut.partial || (parts.length === 0 && cut.length >= MIN_PARTIAL_LEAD))) {
      const kept = trimInlineEnd(sliceInline(paragraph, cut.length));
      parts.push(cut.partial ? appendText(kept, '…') : kept);
    }
    break;
  }
  return parts;
}
