import { messages } from '../../messages/messages';
import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { BoundedCache } from '../../cache/bounded-cache';
import { inPieces } from './deck-pieces';
import { measureSlides, type PartKind, type SlideMeasure } from './measure-slides';
import { leadUnit } from './plan-slides';
import type { RenderedDeck } from './render-marp';
import type { Slide, SlideUnit } from './slide-plan';
import { cutUnit, partCount, partKind } from './split-unit';
import { unitText } from './timing';

export interface FitOptions {
  /** Smallest font scale a crowded slide may take before it is split instead. */
  minScale: number;
  /** The document's language: where a lead sentence ends. */
  lang?: string;
  /** Renders the plan through Marp (deck.md without the timings). */
  render: (slides: Slide[]) => RenderedDeck;
  /**
   * Everything besides a slide's own content that changes how it lays out (theme CSS, fonts,
   * front matter): with it, a slide met before in this process starts from the fit it got then.
   */
  layoutKey?: string;
  /** Plan -> render -> measure -> re-plan rounds before giving up; the last two take the means that surely end. */
  maxRounds?: number;
  /**
   * Called with the slides each time every one of them fits alone, before the check of the whole
   * deck: what they will be unless the check finds a slide that overflows among the others.
   */
  onSettled?: (slides: readonly Slide[]) => void;
}

/** A block the fit cut between its parts over several slides. */
export interface CutBlock {
  /** Title of the slide it starts on. */
  slide: string;
  kind: PartKind;
  line?: number;
}

/** A block of which the slide shows a lead only, the whole of it in the notes. */
export interface MovedBlock {
  slide: string;
  line?: number;
}

export interface FitResult {
  /** The fitted slides, in order: each with its scale, title scale and units (pieces of blocks included). */
  slides: Slide[];
  /** The final render, which the page shows (its last piece, for a long deck: `deck-pieces.ts`). */
  rendered: RenderedDeck;
  /** The measures of the final render (one per slide). */
  measures: SlideMeasure[];
  /** Titles of the slides that were split, of those set smaller, and of those whose title was set smaller. */
  split: string[];
  shrunk: string[];
  titlesShrunk: string[];
  /** Blocks cut between items, rows or lines. */
  cut: CutBlock[];
  /** Blocks moved to the notes, by the plan (long paragraphs, quotes, items) or by the fit. */
  movedToNotes: MovedBlock[];
  /** Slides that still do not fit: only a `:::keep` block taller than a slide even at `minScale`. */
  unfit: Slide[];
  /** Rounds of measuring: each renders and measures only the slides not settled yet. */
  rounds: number;
  /** Slides measured over all rounds (a slide measured twice counts twice); the final check of the whole deck aside. */
  measured: number;
  /** Marp renders of the whole deck shown in the page: 1 when every slide fits the first time, 2 otherwise. */
  wholeRenders: number;
}

const SCALE_STEP = 0.05;

/** What a planned slide came out as, with what the fit did to it (for the report). */
interface Recipe {
  parts: Slide[];
  cut: CutBlock[];
  moved: MovedBlock[];
}

/**
 * The fits of this process (a watch session), by slide content and layout: what a planned slide
 * came out as. A planned slide found here is not measured again; the check of the whole deck at
 * the end measures it among the others, so a fit from here cannot let a slide overflow.
 */
const recipes = new BoundedCache<string, Recipe>(4000);

/** One slide a planned slide came out as, so far: `measure` once it is settled. */
interface Part {
  slide: Slide;
  /** Measured as it is and nothing more to do; `unfit` if it still overflows. */
  settled: boolean;
  unfit?: boolean;
  /** The last piece of a block cut this round, to go in front of the next piece of the same block. */
  tail?: boolean;
}

/** A planned slide and the slides it came out as so far. */
interface Origin {
  parts: Part[];
  cut: CutBlock[];
  moved: MovedBlock[];
  key?: string;
}

/**
 * Makes every slide fit: a slide slightly too full is set smaller (down to `minScale`), one
 * clearly too full is split between units into "(suite)" slides, a block taller than a slide is
 * cut between its parts, and what cannot be cut shows its lead with the whole in the notes.
 *
 * A slide lays out the same alone as among the others (the theme's header, footer and page number
 * are out of the flow): each round renders and measures only the slides not settled yet, so the
 * first round shows the whole deck and the next ones a few slides each. A planned slide fitted
 * before in this process (same content, same layout) is taken as it came out then. The whole deck
 * is then rendered once and measured as a check, and the page is left showing it (a long deck: its
 * last piece), so the caller can print a short deck without laying it out again.
 */
export async function fitSlides(page: Page, plan: readonly Slide[], options: FitOptions): Promise<FitResult> {
  const maxRounds = Math.max(3, options.maxRounds ?? 12);
  const lang = options.lang ?? 'fr';
  const origins: Origin[] = plan.map((slide) => {
    const key = options.layoutKey === undefined ? undefined : recipeKey(slide, options);
    const recipe = key === undefined ? undefined : recipes.get(key);
    if (!recipe) return { parts: [{ slide, settled: false }], cut: [], moved: [], key };
    // Positions are not part of the key: the first part takes the plan's (diagnostics point there).
    const parts = recipe.parts.map((part, index) => ({ slide: index === 0 ? { ...part, position: slide.position } : part, settled: true }));
    return { parts, cut: [...recipe.cut], moved: [...recipe.moved], key };
  });
  let round = 0;
  let measured = 0;
  let wholeRenders = 0;
  /** The last round's render and measures, when it showed every slide of the deck in order. */
  let whole: { rendered: RenderedDeck; measures: SlideMeasure[] } | undefined;
  for (;;) {
    const open = origins.flatMap((origin) => origin.parts.filter((part) => !part.settled));
    if (open.length > 0) {
      round += 1;
      const everything = origins.every((origin) => origin.parts.every((part) => !part.settled));
      const { rendered, measures } = await renderAndMeasure(page, open.map((part) => part.slide), options);
      measured += open.length;
      if (everything) wholeRenders += 1;
      const byPart = new Map(open.map((part, index) => [part, measures[index]!]));
      let changed = false;
      for (const origin of origins) {
        if (!origin.parts.some((part) => !part.settled)) continue;
        origin.parts = origin.parts.flatMap((part) => {
          const measure = byPart.get(part);
          if (!measure) return [part];
          const refit = round < maxRounds ? refitFor(part.slide, measure, origin, { minScale: options.minScale, lang, last: round >= maxRounds - 2 }) : lastResort(part.slide, measure, origin, round - maxRounds);
          if (!refit) return [{ slide: part.slide, settled: true, unfit: measure.overflows }];
          changed = true;
          return refit;
        });
        origin.parts = rejoinTails(origin.parts);
      }
      whole = everything && !changed ? { rendered, measures } : undefined;
      continue;
    }

    const slides = origins.flatMap((origin) => origin.parts.map((part) => part.slide));
    options.onSettled?.(slides);
    if (!whole) {
      whole = await renderAndMeasure(page, slides, options);
      wholeRenders += 1;
    }
    const { rendered, measures } = whole;
    // The check of the whole deck: a slide that fitted alone and overflows among the others (never
    // seen so far) is fitted again from this measure, as long as rounds are left.
    let index = 0;
    let surprised = false;
    for (const origin of origins) {
      origin.parts = origin.parts.flatMap((part) => {
        const measure = measures[index++]!;
        if (part.unfit || !measure.overflows) return [part];
        const refit = round < maxRounds ? refitFor(part.slide, measure, origin, { minScale: options.minScale, lang, last: round >= maxRounds - 2 }) : lastResort(part.slide, measure, origin, round - maxRounds);
        if (!refit) return [{ ...part, unfit: true }];
        surprised = true;
        return refit;
      });
    }
    if (surprised) {
      round += 1;
      whole = undefined;
      continue;
    }
    for (const origin of origins) {
      if (origin.key !== undefined && !origin.parts.some((part) => part.unfit)) recipes.set(origin.key, { parts: origin.parts.map((part) => part.slide), cut: origin.cut, moved: origin.moved });
    }
    const split = plan.filter((_, at) => origins[at]!.parts.length > 1).map((slide) => slide.title);
    const plannedMoves = plan.flatMap((slide) => slide.units.filter((unit) => unit.movedToNotes).map((unit) => ({ slide: slide.title, line: unit.position?.start.line })));
    return {
      slides,
      rendered,
      measures,
      split: [...new Set(split)],
      shrunk: [...new Set(slides.filter((slide) => slide.scale < 1).map((slide) => slide.title))],
      titlesShrunk: [...new Set(slides.filter((slide) => (slide.titleScale ?? 1) < 1).map((slide) => slide.title))],
      cut: unique(origins.flatMap((origin) => origin.cut)),
      movedToNotes: unique([...plannedMoves, ...origins.flatMap((origin) => origin.moved)]),
      unfit: origins.flatMap((origin) => origin.parts.filter((part) => part.unfit).map((part) => part.slide)),
      rounds: round,
      measured,
      wholeRenders,
    };
  }
}

/**
 * When the rounds are spent and a slide still overflows, the deck does not fail: what the author
 * did not keep on it (`:::keep`) leaves the slide for its notes, whole (once; a slide that then
 * still overflows holds only kept blocks, which the author is told about).
 */
function lastResort(slide: Slide, measure: SlideMeasure, origin: Origin, roundsOver: number): Part[] | undefined {
  if (!measure.overflows || roundsOver > 0) return undefined;
  const movable = slide.units.filter((unit) => unit.visible && !unit.keep);
  if (movable.length === 0) return undefined;
  for (const unit of movable) origin.moved.push({ slide: slide.title, line: unit.position?.start.line });
  const units = slide.units.map((unit) => (unit.visible && !unit.keep ? toNotes(unit) : unit));
  return [{ slide: { ...slide, units, scale: 1 }, settled: false }];
}

function toNotes(unit: SlideUnit): SlideUnit {
  const visible = unit.visible!;
  const said = visible.type === 'block' && visible.block.type === 'image' ? `${visible.block.alt} (${visible.block.url})`.trim() : unitText(visible);
  // A talk deck's notes already hold the whole of each paragraph and item shown whole.
  const inNotes = unit.movedToNotes || unit.notes.some((note) => note.replace(/\s+/gu, ' ') === said.replace(/\s+/gu, ' '));
  return { ...unit, visible: undefined, notes: inNotes ? unit.notes : [...unit.notes, said], movedToNotes: true };
}

/** Renders `slides` through Marp, shows them in the page and measures each. */
async function renderAndMeasure(page: Page, slides: readonly Slide[], options: FitOptions): Promise<{ rendered: RenderedDeck; measures: SlideMeasure[] }> {
  const rendered = options.render([...slides]);
  return { rendered, measures: await inPieces(page, rendered, options.lang, () => measureSlides(page)) };
}

/**
 * The parts a measured slide becomes, none settled (they are measured next round); undefined when
 * it fits (or nothing more can be done). What the fit did goes in the origin's report.
 */
function refitFor(slide: Slide, measure: SlideMeasure, origin: Origin, options: { minScale: number; lang: string; last: boolean }): Part[] | undefined {
  if (!measure.overflows && measure.titleLines <= TITLE_LINES) return undefined;
  const refit = refitSlide(slide, measure, options);
  if (!refit) return undefined;
  const { action } = refit;
  if (action.type === 'cut') origin.cut.push({ slide: slide.title, kind: action.kind, line: action.unit.position?.start.line });
  if (action.type === 'notes') origin.moved.push({ slide: slide.title, line: action.unit.position?.start.line });
  // Only the remainder of a cut joins the piece after it: the pieces of one cut were sized to fit one by one.
  const last = refit.slides.length - 1;
  return refit.slides.map((part, index) => ({ slide: part, settled: false, tail: action.type === 'cut' && index > 0 && index === last && part.units.length === 1 }));
}

/**
 * A piece cut off a slide that overflowed goes to the front of the next piece of the same table or
 * code block rather than onto a slide of its own: rows and lines lay out a little differently
 * from one piece to the next, and without this each round would leave a slide of one row behind.
 * The joined piece is measured again.
 */
function rejoinTails(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const following = parts[index + 1];
    const tail = part.slide.units[0]!;
    const head = following?.slide.units[0];
    const joined = part.tail && following && head ? joinPieces(tail, head) : undefined;
    if (!joined) {
      out.push(part.tail ? { ...part, tail: false } : part);
      continue;
    }
    out.push({ slide: { ...following!.slide, units: [joined, ...following!.slide.units.slice(1)], position: part.slide.position }, settled: false });
    index += 1;
  }
  return out;
}

/** Two consecutive pieces of one table or code block as one piece; undefined for anything else. */
function joinPieces(first: SlideUnit, second: SlideUnit): SlideUnit | undefined {
  const [a, b] = [first.visible, second.visible];
  if (a?.type !== 'block' || b?.type !== 'block' || a.block.type !== b.block.type) return undefined;
  if (first.position?.start.offset === undefined || first.position.start.offset !== second.position?.start.offset) return undefined;
  const notes = [...first.notes, ...second.notes];
  if (a.block.type === 'table' && b.block.type === 'table') return { ...second, notes, visible: { type: 'block', block: { ...b.block, rows: [...a.block.rows, ...b.block.rows.slice(1)] } } };
  if (a.block.type === 'code' && b.block.type === 'code') return { ...second, notes, visible: { type: 'block', block: { ...b.block, value: `${a.block.value}\n${b.block.value}` } } };
  return undefined;
}

/** A block cut again on a later round is one block. */
function unique<T extends { slide: string; line?: number }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.slide}\n${entry.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Positions (and so every edit above a slide) do not change how it lays out; its content and the layout do. */
function recipeKey(slide: Slide, options: FitOptions): string {
  const content = JSON.stringify(slide, (key, value: unknown) => (key === 'position' ? undefined : value));
  return createHash('sha256').update(`${options.layoutKey}\n${options.minScale}\n${content}`).digest('hex');
}

/** The smallest a title is set before the slide's other means are tried. */
const TITLE_FLOOR = 0.6;
/** A title taking more of the box than this is set smaller first when the slide overflows. */
const TITLE_SHARE = 0.25;
/** The title area holds this many lines; a longer title is set smaller (down to `TITLE_FLOOR`) even on a slide that fits. */
const TITLE_LINES = 2;
/** A slide that overflows only sideways (a wide table) may go this far below `minScale`. */
const WIDTH_FLOOR = 0.6;
/** Part of a "(suite)" slide's box a piece is planned to fill: measures of the next round have the last word. */
const PIECE_FILL = 0.92;

/** What a refit did, for the report. */
export type RefitAction =
  | { type: 'title' }
  | { type: 'shrink' }
  | { type: 'split' }
  | { type: 'cut'; kind: PartKind; pieces: number; unit: SlideUnit }
  | { type: 'notes'; unit: SlideUnit };

export interface Refit {
  slides: Slide[];
  action: RefitAction;
}

/**
 * A slide that overflows: its title set smaller when it takes the box, the slide set smaller when
 * just a little too full, cut between units, a block too tall for any slide cut between its
 * items, rows or lines, and a block that still cannot fit shown by its lead with the whole in the
 * notes. `last`: the rounds are nearly spent, take the means that surely end. Undefined only for
 * what the author forced onto the slide (`:::keep`) and no slide holds.
 */
export function refitSlide(slide: Slide, measure: SlideMeasure, options: { minScale: number; lang: string; last?: boolean }): Refit | undefined {
  const { minScale, lang, last = false } = options;
  const floor = Math.ceil(minScale / SCALE_STEP - 1e-9) * SCALE_STEP;
  const visibleAt = slide.units.flatMap((unit, index) => (unit.visible ? [index] : []));
  const titleScale = slide.titleScale ?? 1;
  const crowded = measure.titleLines > TITLE_LINES || (measure.overflows && (measure.titleShare > TITLE_SHARE || visibleAt.length === 0));
  if (crowded && titleScale > TITLE_FLOOR + 1e-9) {
    return { slides: [{ ...slide, titleScale: round2(Math.max(TITLE_FLOOR, titleScale - 0.1)) }], action: { type: 'title' } };
  }
  if (!measure.overflows) return undefined;
  const wanted = Math.floor((slide.scale / measure.ratio) / SCALE_STEP + 1e-9) * SCALE_STEP;
  const unfit = measure.unfit;
  const unfitAt = unfit ? visibleAt[unfit.index] : undefined;
  const unit = unfitAt === undefined ? undefined : slide.units[unfitAt];
  // Wider than the slide but not taller: only a smaller type helps (a wide table), further than for height.
  if (!unit && slide.scale > WIDTH_FLOOR + 1e-9) return { slides: [{ ...slide, scale: round2(Math.max(WIDTH_FLOOR, Math.min(slide.scale - SCALE_STEP, wanted))) }], action: { type: 'shrink' } };
  // Still too wide at the smallest type: long words and code may break anywhere.
  if (!unit && !slide.breakWords) return { slides: [{ ...slide, breakWords: true }], action: { type: 'shrink' } };
  if (!unit || unfitAt === undefined) {
    // The last resort for a slide too wide: its widest blocks leave for the notes, the last first.
    const lastAt = visibleAt.findLast((index) => !slide.units[index]!.keep);
    if (lastAt === undefined) return undefined;
    const moved = slide.units[lastAt]!;
    return { slides: [{ ...slide, units: slide.units.map((other, index) => (index === lastAt ? leadOf(other, lang) : other)) }], action: { type: 'notes', unit: moved } };
  }

  // A block taller than any slide is cut where the box ends, whatever the scale; a table that the
  // smallest type would hold on one slide is not: it gets a slide of its own and a smaller type.
  const rows = partKind(unit.visible!) === 'rows';
  const tooTall = unfit!.height * (rows ? floor / slide.scale : 1) > measure.capacity;
  const cuttable = partCount(unit.visible!) > (partKind(unit.visible!) === 'rows' ? 2 : 1);
  const cutNow = tooTall && cuttable ? cutSlide(slide, unfitAt, measure, false, lang) : undefined;
  if (cutNow) return cutNow;
  // Shrinking is for a slide just a little too full; it also is the last resort of a slide that cannot be cut.
  if (!last && wanted >= floor - 1e-9 && slide.scale > floor + 1e-9) return { slides: [{ ...slide, scale: round2(Math.min(slide.scale - SCALE_STEP, wanted)) }], action: { type: 'shrink' } };
  const at = splitIndex(slide, measure.fittingUnits);
  if (visibleAt.length > 1 && at > 0) {
    const cuts = [at, ...furtherCuts(slide, visibleAt, visibleAt.indexOf(at), measure, floor)];
    const bounds = [0, ...cuts, slide.units.length];
    return {
      slides: bounds.slice(0, -1).map((from, index) => ({
        ...slide,
        units: slide.units.slice(from, bounds[index + 1]),
        scale: 1,
        continuation: slide.continuation + index,
        position: index === 0 ? slide.position : (slide.units[from]?.position ?? slide.position),
      })),
      action: { type: 'split' },
    };
  }
  if (!last && slide.scale > floor + 1e-9) return { slides: [{ ...slide, scale: round2(Math.max(floor, slide.scale - SCALE_STEP)) }], action: { type: 'shrink' } };
  const cutLast = cuttable ? cutSlide(slide, unfitAt, measure, true, lang) : undefined;
  if (cutLast) return cutLast;
  if (unit.keep) return undefined;
  const lead = leadOf(unit, lang);
  const units = slide.units.map((other, index) => (index === unfitAt ? lead : other));
  return { slides: [{ ...slide, units }], action: { type: 'notes', unit } };
}

/** A unit shown by its lead, the whole of it in the notes; a lead that still does not fit leaves only the notes. */
function leadOf(unit: SlideUnit, lang: string): SlideUnit {
  const visible = unit.visible!;
  const text = unitText(visible);
  const notes = unit.movedToNotes ? unit.notes : [...unit.notes, visible.type === 'block' && visible.block.type === 'image' ? `${visible.block.alt} (${visible.block.url})`.trim() : text];
  if (unit.movedToNotes && visible.type === 'item' && visible.list === -1) return { ...unit, visible: undefined, notes };
  // An equation has no lead: too large even at the smallest type, it is read from the notes (its TeX is there).
  if (visible.type === 'block' && visible.block.type === 'math') return { ...unit, visible: undefined, notes: unit.notes, movedToNotes: true };
  const lead = leadUnit([{ type: 'text', value: text.replace(/\s+/gu, ' ').trim() }], text, { gistWords: 20, lang }, unit.position);
  return { ...lead, notes, movedToNotes: true };
}

/**
 * Cuts the slide's unit at `at` between its parts where the measured box ends, then each further
 * piece where a "(suite)" slide's box would end: the units before stay, those after follow the last piece.
 */
function cutSlide(slide: Slide, at: number, measure: SlideMeasure, force: boolean, lang: string): Refit | undefined {
  const unit = slide.units[at]!;
  const visible = unit.visible!;
  const count = partCount(visible);
  const unfit = measure.unfit!;
  const measured = unfit.parts?.ends.length === count ? unfit.parts.ends : Array.from({ length: count }, (_, index) => ((index + 1) * unfit.height) / count);
  const kind = partKind(visible)!;
  const before = slide.units.slice(0, at).some((other) => other.visible);
  const { cuts, onNext } = cutsFor(measured, kind, before || !force ? unfit.room : Math.max(unfit.room, measure.capacity), measure.capacity);
  if (cuts.length === 0 && !(onNext && before)) return undefined;
  const pieces = cutUnit(unit, cuts, messages(lang).continuedLabel);
  const groups: SlideUnit[][] = onNext && before ? [slide.units.slice(0, at), ...pieces.map((piece) => [piece])] : [[...slide.units.slice(0, at), pieces[0]!], ...pieces.slice(1).map((piece) => [piece])];
  groups.at(-1)!.push(...slide.units.slice(at + 1));
  const slides = groups.map((units, index) => ({
    ...slide,
    units,
    continuation: slide.continuation + index,
    position: index === 0 ? slide.position : (units[0]?.position ?? slide.position),
  }));
  return { slides, action: { type: 'cut', kind, pieces: pieces.length, unit } };
}

/**
 * Where to cut parts that end at `ends` (from the block's top) so the first piece fits in `room`
 * and each further one in `capacity`. Each piece holds one part at least (a table piece, one row
 * under its header); `onNext`: not even that fits in `room`, the first piece starts the next slide.
 */
export function cutsFor(ends: readonly number[], kind: PartKind, room: number, capacity: number): { cuts: number[]; onNext: boolean } {
  const count = ends.length;
  // What every further piece repeats: a table's header row, a list's parent item.
  const repeated = kind === 'lines' ? 0 : ends[0]!;
  const least = kind === 'rows' ? 2 : 1;
  const cuts: number[] = [];
  let start = 0;
  let base = 0;
  let budget = room;
  let onNext = false;
  while (true) {
    let end = start;
    while (end < count && ends[end]! - base <= budget) end += 1;
    if (end >= count) break;
    if (start === 0 && end < least) {
      if (onNext) end = least;
      else {
        onNext = true;
        budget = capacity * PIECE_FILL;
        continue;
      }
    }
    end = Math.max(end, start + 1, least);
    if (end >= count) break;
    cuts.push(end);
    start = end;
    base = ends[end - 1]!;
    budget = capacity * PIECE_FILL - repeated;
  }
  return { cuts, onNext };
}

/**
 * After the first cut, where the rest of a slide too full is cut into "(suite)" slides, from the
 * measured spans of its units (at the slide's scale; the new slides are set at 1): a unit taller
 * than a slide goes alone, to be cut itself the next round. Plan indices, ascending.
 */
function furtherCuts(slide: Slide, visibleAt: readonly number[], first: number, measure: SlideMeasure, floor: number): number[] {
  const spans = measure.unitSpans;
  if (first < 0 || spans.length !== visibleAt.length) return [];
  const budget = measure.capacity * PIECE_FILL * slide.scale;
  // A rest that even the smallest type cannot fit on one slide is cut now, not found too full next round.
  const onOneSlide = (measure.capacity * slide.scale) / floor;
  const cuts: number[] = [];
  let start = first;
  const bottom = spans.at(-1)![1];
  // What one slide can hold is left to the next rounds, which set it a little smaller where it is just too full.
  while (start < visibleAt.length && bottom - spans[start]![0] > onOneSlide) {
    let end = start + 1;
    while (end < visibleAt.length && spans[end]![1] - spans[start]![0] <= budget) end += 1;
    // Not right after an introduction to what follows.
    while (end - 1 > start && end < visibleAt.length && slide.units[visibleAt[end - 1]!]!.keepWithNext) end -= 1;
    if (end >= visibleAt.length) break;
    cuts.push(visibleAt[end]!);
    start = end;
  }
  return cuts;
}

/**
 * Where to cut the slide's units so the first part keeps `fitting` visible units: after the last
 * one that fits, with the notes that follow it, and never right after an introduction to a list.
 */
export function splitIndex(slide: Slide, fitting: number): number {
  const visibleAt = slide.units.flatMap((unit, index) => (unit.visible ? [index] : []));
  let keep = Math.min(Math.max(fitting, 1), visibleAt.length - 1);
  while (keep > 1 && slide.units[visibleAt[keep - 1]!]!.keepWithNext) keep -= 1;
  // Nor an introduction followed by a single item of a list that goes on.
  const visible = (at: number) => slide.units[visibleAt[at]!]?.visible;
  const sameList = (a: number, b: number) => visible(a)?.type === 'item' && visible(b)?.type === 'item' && (visible(a) as { list: number }).list === (visible(b) as { list: number }).list;
  if (keep > 2 && slide.units[visibleAt[keep - 2]!]!.keepWithNext && sameList(keep - 1, keep)) keep -= 2;
  if (keep < 1 || keep >= visibleAt.length) return 0;
  return visibleAt[keep]!;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
