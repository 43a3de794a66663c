import type { CodeBlock, Inline, ListItem, TableBlock } from '../../model/types';
import type { PartKind } from './measure-slides';
import type { SlideUnit, VisibleUnit } from './slide-plan';

/**
 * Cutting one block that no slide holds whole into pieces that each fit: a list between items at
 * any depth (a nested list that goes on repeats its parent item, marked as continued), a table
 * between rows (its header row repeated), a code block between lines. Pure: the fit decides
 * where, from measured boxes; this only cuts.
 */

/** How many parts the unit has, in the order the measure lists them; 0 when it cannot be cut. */
export function partCount(visible: VisibleUnit): number {
  if (visible.type === 'item') return itemSize(visible.item);
  if (visible.type !== 'block') return 0;
  if (visible.block.type === 'table') return visible.block.rows.length;
  if (visible.block.type === 'code') return codeLines(visible.block).length;
  return 0;
}

export function partKind(visible: VisibleUnit): PartKind | undefined {
  if (visible.type === 'item') return 'items';
  if (visible.type === 'block' && visible.block.type === 'table') return 'rows';
  if (visible.type === 'block' && visible.block.type === 'code') return 'lines';
  return undefined;
}

/**
 * Cuts the unit before each part index of `cuts` (ascending, each between 1 and the count - 1;
 * for a table, a cut is before a body row: 2 at least, as row 0 is the header that every piece
 * repeats). The notes stay with the first piece.
 */
/** `continuedLabel` marks a parent item repeated above the rest of its nested list. */
export function cutUnit(unit: SlideUnit, cuts: readonly number[], continuedLabel: string): SlideUnit[] {
  const visible = unit.visible;
  if (!visible || cuts.length === 0) return [unit];
  const bounds = [0, ...cuts, partCount(visible)];
  const pieces: VisibleUnit[] = [];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const [from, to] = [bounds[index]!, bounds[index + 1]!];
    if (visible.type === 'item') {
      const head = itemHead(from === 0 ? visible.item : itemTail(visible.item, from, continuedLabel), from === 0 ? to : to - from + ancestorsOf(visible.item, from));
      pieces.push(from === 0 ? { ...visible, item: head } : { ...visible, item: head, continued: true });
    } else if (visible.type === 'block' && visible.block.type === 'table') {
      const table: TableBlock = visible.block;
      pieces.push({ type: 'block', block: { ...table, rows: [table.rows[0]!, ...table.rows.slice(Math.max(1, from), to)] } });
    } else if (visible.type === 'block' && visible.block.type === 'code') {
      const code: CodeBlock = visible.block;
      pieces.push({ type: 'block', block: { ...code, value: codeLines(code).slice(from, to).join('\n') } });
    }
  }
  return pieces.map((piece, index) => ({ ...unit, visible: piece, notes: index === 0 ? unit.notes : [], keepWithNext: index === pieces.length - 1 ? unit.keepWithNext : false }));
}

function codeLines(code: CodeBlock): string[] {
  return code.value.split('\n');
}

/** The item and every item nested in it, at any depth. */
function itemSize(item: ListItem): number {
  return 1 + (item.sublist?.items.reduce((sum, child) => sum + itemSize(child), 0) ?? 0);
}

/** The first `count` items of the tree, in document order. */
function itemHead(item: ListItem, count: number): ListItem {
  if (!item.sublist) return item;
  let left = count - 1;
  const items: ListItem[] = [];
  for (const child of item.sublist.items) {
    if (left <= 0) break;
    const size = itemSize(child);
    items.push(size <= left ? child : itemHead(child, left));
    left -= Math.min(size, left);
  }
  return { ...item, sublist: items.length > 0 ? { ...item.sublist, items } : undefined };
}

/** How many items of the tree repeat above the item at `index` (its parents) when cut there. */
function ancestorsOf(item: ListItem, index: number): number {
  if (index === 0 || !item.sublist) return 0;
  let skip = index - 1;
  for (const child of item.sublist.items) {
    const size = itemSize(child);
    if (skip < size) return 1 + ancestorsOf(child, skip);
    skip -= size;
  }
  return 1;
}

/** The tree from the item at `index` on, its parents repeated and marked as continued. */
function itemTail(item: ListItem, index: number, label: string): ListItem {
  if (index === 0) return item;
  const sublist = item.sublist!;
  let skip = index - 1;
  const items: ListItem[] = [];
  let first = -1;
  sublist.items.forEach((child, position) => {
    const size = itemSize(child);
    if (skip >= size) {
      skip -= size;
      return;
    }
    if (first < 0) first = position;
    items.push(skip > 0 ? itemTail(child, skip, label) : child);
    skip = 0;
  });
  return { ...item, children: continuedText(item.children, label), more: [], sublist: { ...sublist, items, start: (sublist.start ?? 1) + Math.max(0, first) } };
}

function continuedText(children: readonly Inline[], label: string): Inline[] {
  return [...children, { type: 'text', value: ' ' }, { type: 'emphasis', children: [{ type: 'text', value: label }] }];
}
