import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { BoundedCache } from './bounded-cache';
import { showDocument } from './deck-page';
import { measureSlides, type SlideMeasure } from './measure-slides';
import { DECK_PAGE_CSS, deckBody, type RenderedDeck } from './render-marp';
import type { Slide } from './slide-plan';

export interface FitOptions {
  /** Smallest font scale a crowded slide may take before it is split instead. */
  minScale: number;
  /** Renders the plan through Marp (deck.md without the timings). */
  render: (slides: Slide[]) => RenderedDeck;
  /**
   * Everything besides a slide's own content that changes how it lays out (theme CSS, fonts,
   * front matter): with it, a slide met before in this process starts from the fit it got then.
   */
  layoutKey?: string;
  /** Plan -> render -> measure -> re-plan rounds before giving up. */
  maxRounds?: number;
}

export interface FitResult {
  slides: Slide[];
  /** The final render, which the page holds. */
  rendered: RenderedDeck;
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

/** How a planned slide came out: the units each of its slides holds, and at what scale. */
type Recipe = { from: number; to: number; scale: number }[];

/**
 * The fits of this process (a watch session), by slide content and layout. A fit found here is only
 * a first guess: the round that uses it measures every slide again, so it cannot let one overflow.
 */
const recipes = new BoundedCache<string, Recipe>(2000);

/**
 * Makes every slide fit: a slide slightly too full is set smaller (down to `minScale`), one
 * clearly too full is split between units into "(suite)" slides. Leaves the page showing the
 * final render, so the caller can print it without rendering again.
 */
export async function fitSlides(page: Page, plan: readonly Slide[], options: FitOptions): Promise<FitResult> {
  const keys = plan.map((slide) => (options.layoutKey === undefined ? undefined : recipeKey(slide, options)));
  // Each slide with the index of the planned slide it comes from.
  let slides = plan.flatMap((slide, origin) => {
    const recipe = keys[origin] === undefined ? undefined : recipes.get(keys[origin]);
    return (recipe ? applyRecipe(slide, recipe) : [slide]).map((part) => ({ slide: part, origin }));
  });
  const maxRounds = options.maxRounds ?? 8;
  for (let round = 1; ; round += 1) {
    const rendered = options.render(slides.map(({ slide }) => slide));
    await showDocument(page, { css: `${rendered.css}${DECK_PAGE_CSS}`, body: deckBody(rendered) });
    const measures = await measureSlides(page);
    const unfit = slides.filter((_, index) => measures[index]?.overflows);
    const next: typeof slides = [];
    let changed = false;
    if (unfit.length > 0 && round < maxRounds) {
      slides.forEach((entry, index) => {
        const measure = measures[index]!;
        const refit = measure.overflows ? refitSlide(entry.slide, measure, options.minScale) : undefined;
        if (refit) changed = true;
        next.push(...(refit ?? [entry.slide]).map((slide) => ({ slide, origin: entry.origin })));
      });
    }
    if (!changed) {
      const final = slides.map(({ slide }) => slide);
      const origins = slides.map(({ origin }) => origin);
      keys.forEach((key, origin) => {
        const parts = final.filter((_, index) => origins[index] === origin);
        if (key !== undefined && !unfit.some((entry) => entry.origin === origin)) recipes.set(key, recipeOf(parts));
      });
      const split = plan.filter((_, origin) => origins.filter((from) => from === origin).length > 1).map((slide) => slide.title);
      const shrunk = final.filter((slide) => slide.scale < 1).map((slide) => slide.title);
      return { slides: final, rendered, measures, split: [...new Set(split)], shrunk: [...new Set(shrunk)], unfit: unfit.map(({ slide }) => slide), rounds: round };
    }
    slides = next;
  }
}

/** Positions (and so every edit above a slide) do not change how it lays out; its content and the layout do. */
function recipeKey(slide: Slide, options: FitOptions): string {
  const content = JSON.stringify(slide, (key, value: unknown) => (key === 'position' ? undefined : value));
  return createHash('sha256').update(`${options.layoutKey}\n${options.minScale}\n${content}`).digest('hex');
}

function recipeOf(parts: readonly Slide[]): Recipe {
  let from = 0;
  return parts.map((part) => {
    const entry = { from, to: from + part.units.length, scale: part.scale };
    from = entry.to;
    return entry;
  });
}

function applyRecipe(slide: Slide, recipe: Recipe): Slide[] {
  return recipe.map(({ from, to, scale }, index) => ({
    ...slide,
    units: slide.units.slice(from, to),
    scale,
    continuation: slide.continuation + index,
    position: index === 0 ? slide.position : (slide.units[from]?.position ?? slide.position),
  }));
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
