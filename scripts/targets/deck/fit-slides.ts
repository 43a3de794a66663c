import type { Page } from 'puppeteer-core';
import { loadDeck, measureSlides, type SlideMeasure } from './measure-slides';
import type { Slide } from './slide-plan';

export interface FitOptions {
  /** Smallest font scale a crowded slide may take before it is split instead. */
  minScale: number;
  /** Renders the plan into a page document (deck.md through Marp). */
  render: (slides: Slide[]) => string;
  /** Plan -> render -> measure -> re-plan rounds before giving up. */
  maxRounds?: number;
}

export interface FitResult {
  slides: Slide[];
  /** The measures of the final render (one per slide). */
  measures: SlideMeasure[];
  /** Titles of the slides that were split, and of those set smaller. */
  split: string[];
  shrunk: string[];
  /** Slides that still do not fit (a single unit taller than a slide even at `minScale`). */
  unfit: Slide[];
  rounds: number;
}

const SCALE_STEP = 0.05;

/**
 * Makes every slide fit: a slide slightly too full is set smaller (down to `minScale`), one
 * clearly too full is split between units into "(suite)" slides. Leaves the page holding the
 * final render, so the caller can print it without rendering again.
 */
export async function fitSlides(page: Page, plan: readonly Slide[], options: FitOptions): Promise<FitResult> {
  let slides = [...plan];
  const split = new Set<string>();
  const shrunk = new Set<string>();
  const maxRounds = options.maxRounds ?? 8;
  for (let round = 1; ; round += 1) {
    await loadDeck(page, options.render(slides));
    const measures = await measureSlides(page);
    const unfit = slides.filter((_, index) => measures[index]?.overflows);
    if (unfit.length === 0 || round === maxRounds) {
      return { slides, measures, split: [...split], shrunk: [...shrunk].filter((title) => slides.some((s) => s.title === title && s.scale < 1)), unfit, rounds: round };
    }
    const next: Slide[] = [];
    let changed = false;
    slides.forEach((slide, index) => {
      const measure = measures[index]!;
      if (!measure.overflows) return void next.push(slide);
      const refit = refitSlide(slide, measure, options.minScale);
      if (!refit) return void next.push(slide);
      changed = true;
      if (refit.length > 1) split.add(slide.title);
      else if (refit[0]!.scale < 1) shrunk.add(slide.title);
      next.push(...refit);
    });
    if (!changed) return { slides, measures, split: [...split], shrunk: [...shrunk], unfit, rounds: round };
    slides = next;
  }
}

/** A slide that overflows, set smaller or cut in two; undefined when nothing more can be done. */
export function refitSlide(slide: Slide, measure: SlideMeasure, minScale: number): Slide[] | undefined {
  const floor = Math.ceil(minScale / SCALE_STEP - 1e-9) * SCALE_STEP;
  const wanted = Math.floor((slide.scale / measure.ratio) / SCALE_STEP + 1e-9) * SCALE_STEP;
  // Shrinking is for a slide just a little too full; it also is the last resort of a slide that cannot be cut.
  const canSplit = measure.units > 1 && splitIndex(slide, measure.fittingUnits) > 0;
  if (wanted >= floor - 1e-9 && slide.scale > floor + 1e-9) return [{ ...slide, scale: round2(Math.min(slide.scale - SCALE_STEP, wanted)) }];
  if (canSplit) {
    const at = splitIndex(slide, measure.fittingUnits);
    return [
      { ...slide, units: slide.units.slice(0, at), scale: 1 },
      { ...slide, units: slide.units.slice(at), scale: 1, continuation: slide.continuation + 1, position: slide.units[at]?.position ?? slide.position },
    ];
  }
  if (slide.scale > floor + 1e-9) return [{ ...slide, scale: round2(Math.max(floor, slide.scale - SCALE_STEP)) }];
  return undefined;
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
