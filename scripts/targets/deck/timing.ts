import { blockText, inlineText } from '../../model/plain-text';
import { wordCount } from './inline-text';
import type { Slide, VisibleUnit } from './slide-plan';

/** Even a divider takes a moment to show and say. */
const MIN_SECONDS = 10;

export function unitText(visible: VisibleUnit): string {
  switch (visible.type) {
    case 'paragraph':
      return inlineText(visible.children);
    case 'item':
      return blockText({ type: 'list', ordered: visible.ordered, items: [visible.item], targets: ['deck'] });
    case 'quote':
      return visible.blocks.map(blockText).join('\n');
    case 'block':
      return blockText(visible.block);
  }
}

/** The notes a presenter reads for this slide (without the timing line). */
export function slideNotes(slide: Slide): string[] {
  return slide.units.flatMap((unit) => unit.notes);
}

/**
 * Seconds to present a slide at `pace` words a minute: what the speaker says, its title and, unit
 * by unit, the notes (which hold the whole of what a line on the slide stands for), or what the
 * unit shows when it has no notes.
 */
export function speakingSeconds(slide: Slide, pace: number): number {
  const said = slide.units.map((unit) => (unit.notes.length > 0 ? unit.notes.join(' ') : unit.visible ? unitText(unit.visible) : ''));
  const words = wordCount([slide.title, ...said].join(' '));
  return Math.max(MIN_SECONDS, Math.round(((words / pace) * 60) / 5) * 5);
}

/** "≈ 1 min 20 s", with no-break spaces as French typography wants. */
export function formatDuration(seconds: number, approximate = true): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [minutes > 0 ? `${minutes}\u00a0min` : '', rest > 0 || minutes === 0 ? `${rest}\u00a0s` : ''].filter(Boolean);
  return `${approximate ? '≈\u00a0' : ''}${parts.join('\u00a0')}`;
}
