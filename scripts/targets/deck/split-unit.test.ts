import { describe, expect, it } from 'vitest';
import { inlineText } from '../../model/plain-text';
import type { ListItem, TableBlock } from '../../model/types';
import { cutsFor } from './fit-slides';
import type { SlideUnit } from './slide-plan';
import { cutUnit } from './split-unit';

const text = (value: string) => [{ type: 'text' as const, value }];
const item = (value: string, children: ListItem[] = []): ListItem => ({
  children: text(value),
  more: [],
  sublist: children.length > 0 ? { type: 'list', ordered: true, items: children, targets: ['deck'] } : undefined,
});

/** Each item as "text" with its depth, in document order. */
function outline(entry: ListItem, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${inlineText(entry.children)}${entry.sublist?.start ? ` @${entry.sublist.start}` : ''}`, ...(entry.sublist?.items.flatMap((child) => outline(child, depth + 1)) ?? [])];
}

describe('cutting a block between its parts', () => {
  const tree = item('A', [item('A1'), item('A2', [item('A2a'), item('A2b')]), item('A3')]);
  const unit: SlideUnit = { visible: { type: 'item', item: tree, ordered: false, number: 1, list: 0 }, notes: ['dit'] };

  it('cuts a nested list at any depth, the parents repeated and marked as continued, the numbering going on', () => {
    const pieces = cutUnit(unit, [4], '(suite)').map((piece) => (piece.visible?.type === 'item' ? outline(piece.visible.item) : []));
    expect(pieces).toEqual([
      ['A', '  A1', '  A2', '    A2a'],
      ['A (suite) @2', '  A2 (suite) @2', '    A2b', '  A3'],
    ]);
    expect(cutUnit(unit, [4], '(suite)').map((piece) => piece.notes)).toEqual([['dit'], []]);
  });

  it('repeats the header row on every piece of a table', () => {
    const table: TableBlock = { type: 'table', align: [], rows: ['H', '1', '2', '3', '4'].map((cell) => [text(cell)]), targets: ['deck'] };
    const pieces = cutUnit({ visible: { type: 'block', block: table }, notes: [] }, [3], '(suite)');
    expect(pieces.map((piece) => (piece.visible as { block: TableBlock }).block.rows.map((row) => inlineText(row[0]!)))).toEqual([['H', '1', '2'], ['H', '3', '4']]);
  });

  it('finds the cuts from measured ends: the first piece fills the room left, the others a whole slide', () => {
    const ends = Array.from({ length: 10 }, (_, index) => (index + 1) * 30);
    expect(cutsFor(ends, 'lines', 95, 200)).toEqual({ cuts: [3, 9], onNext: false });
    // Not even one part fits in the room left: the block starts on the next slide.
    expect(cutsFor(ends, 'lines', 10, 200).onNext).toBe(true);
    // A table piece keeps one row at least under its header.
    expect(cutsFor(ends, 'rows', 10, 40).cuts.every((cut) => cut >= 2)).toBe(true);
  });
});
