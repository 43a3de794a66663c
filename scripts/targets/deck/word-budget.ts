import { inlineText } from '../../model/plain-text';
import type { ListItem } from '../../model/types';
import { wordCount } from './inline-text';
import type { Slide, SlideUnit, VisibleUnit } from './slide-plan';
import { cutUnit } from './split-unit';
import { unitText } from './timing';

/**
 * How many words a slide puts before the room: its prose (paragraphs, list items, quotes), the
 * title aside. Tables, code, images and equations are laid out and cut by the fit, by the room
 * they take, not counted here.
 */
export function slideWords(slide: Slide): number {
  return slide.units.reduce((sum, unit) => sum + (unit.visible ? visibleWords(unit.visible) : 0), 0);
}

function visibleWords(visible: VisibleUnit): number {
  return visible.type === 'block' ? 0 : wordCount(unitText(visible));
}

/**
 * A slide of at most `budget` words, or as many "(suite)" slides as it takes: cut between units,
 * a list between its items at any depth (the parent repeated, as the fit cuts one), never right
 * after what introduces a list. Notes go with the unit they follow. A single line longer than
 * the budget (a clause with no punctuation to cut at) stands alone on its slide.
 */
export function withinWordBudget(slide: Slide, budget: number, continuedLabel: string): Slide[] {
  const units = slide.units.flatMap((unit) => (unit.visible?.type === 'item' && visibleWords(unit.visible) > budget ? cutItem(unit, budget, continuedLabel) : [unit]));
  // Each shown unit with the notes-only units after it (those before the first go with it).
  const runs: SlideUnit[][] = [];
  for (const unit of units) {
    if (unit.visible || runs.length === 0) runs.push([unit]);
    else runs.at(-1)!.push(unit);
  }
  if (runs.length > 1 && !runs[0]!.some((unit) => unit.visible)) runs.splice(0, 2, [...runs[0]!, ...runs[1]!]);
  const words = runs.map((run) => run.reduce((sum, unit) => sum + (unit.visible ? visibleWords(unit.visible) : 0), 0));
  const groups = fewestEvenSlides(words, runs.map((run) => run.some((unit) => unit.keepWithNext)), budget);
  if (groups.length === 1) return [slide];
  return groups.map(([from, to], index) => {
    const group = runs.slice(from, to).flat();
    return {
      ...slide,
      units: group,
      continuation: slide.continuation + index,
      position: index === 0 ? slide.position : (group.find((unit) => unit.position)?.position ?? slide.position),
    };
  });
}

/**
 * Where to cut runs of `words` into slides of at most `budget` words: the fewest slides, then the
 * most even (least squared room left), never right after a run that leads into the next
 * (`keepWithNext`) unless nothing else fits. A run longer than the budget stands alone.
 */
function fewestEvenSlides(words: readonly number[], keepWithNext: readonly boolean[], budget: number): [number, number][] {
  const plan = (strict: boolean) => {
    const best: ({ slides: number; cost: number; from: number } | undefined)[] = [{ slides: 0, cost: 0, from: 0 }];
    for (let to = 1; to <= words.length; to += 1) {
      let sum = 0;
      for (let from = to - 1; from >= 0; from -= 1) {
        sum += words[from]!;
        if (sum > budget && to - from > 1) break;
        const before = best[from];
        if (!before || (strict && from > 0 && keepWithNext[from - 1])) continue;
        const slides = before.slides + 1;
        const cost = before.cost + Math.max(0, budget - sum) ** 2;
        const current = best[to];
        if (!current || slides < current.slides || (slides === current.slides && cost < current.cost)) best[to] = { slides, cost, from };
      }
    }
    if (!best[words.length]) return undefined;
    const cuts: [number, number][] = [];
    for (let to = words.length; to > 0; to = best[to]!.from) cuts.unshift([best[to]!.from, to]);
    return cuts;
  };
  return plan(true) ?? plan(false)!;
}

/** A list item whose tree has more words than a slide holds, cut between its items; each piece counts the parents it repeats. */
function cutItem(unit: SlideUnit, budget: number, continuedLabel: string): SlideUnit[] {
  const visible = unit.visible as Extract<VisibleUnit, { type: 'item' }>;
  const parts = partWords(visible.item, 0);
  const label = wordCount(continuedLabel);
  const cuts: number[] = [];
  let words = 0;
  parts.forEach(({ own, above }, index) => {
    if (index > 0 && words + own > budget) {
      cuts.push(index);
      words = above + (above > 0 ? label : 0);
    }
    words += own;
  });
  return cutUnit(unit, cuts, continuedLabel);
}

/** Words of each item of the tree in document order (the order `split-unit.ts` counts parts in), and of its parents. */
function partWords(item: ListItem, above: number): { own: number; above: number }[] {
  const own = wordCount([inlineText(item.children), ...item.more.map(inlineText)].join(' '));
  return [{ own, above }, ...(item.sublist?.items.flatMap((child) => partWords(child, above + own)) ?? [])];
}
