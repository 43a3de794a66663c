import remarkGridtables from '@adobe/remark-gridtables';
import type { PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { Parent } from 'unist';

interface GridCell {
  type: 'gtCell';
  colSpan?: number;
  align?: 'left' | 'right' | 'center';
  children: RootContent[];
}
interface GridRow {
  type: 'gtRow';
  children: GridCell[];
}
interface GridTable {
  type: 'gridTable';
  children: { type: 'gtHeader' | 'gtBody' | 'gtFooter'; children: GridRow[] }[];
  position?: import('unist').Position;
}

/**
 * Pandoc's grid tables (`+---+---+` rules), read by @adobe/remark-gridtables, become ordinary
 * tables: a cell's paragraphs and list items are its lines, a cell spanning columns is followed
 * by empty ones so every row keeps its columns.
 */
const remarkGridTables: Plugin<[], Root> = function (this: Processor) {
  remarkGridtables.call(this as never);
  return (tree: Root) => {
    const walk = (parent: Parent): void => {
      parent.children = parent.children.map((child) => {
        if (child.type === 'gridTable') return gridToTable(child as unknown as GridTable);
        if ('children' in child) walk(child as Parent);
        return child;
      });
    };
    walk(tree);
  };
};

function gridToTable(grid: GridTable): Table {
  const rows = grid.children.flatMap((part) => part.children);
  const align = rows[0]?.children.flatMap((cell) => Array.from({ length: cell.colSpan ?? 1 }, () => cell.align ?? null)) ?? [];
  return {
    type: 'table',
    align,
    children: rows.map(
      (row): TableRow => ({
        type: 'tableRow',
        children: row.children.flatMap((cell): TableCell[] => [
          { type: 'tableCell', children: cellLines(cell.children) },
          ...Array.from({ length: (cell.colSpan ?? 1) - 1 }, (): TableCell => ({ type: 'tableCell', children: [] })),
        ]),
      }),
    ),
    position: grid.position,
  };
}

/** A cell's blocks as one run of text, a line break between two. */
function cellLines(blocks: readonly RootContent[]): PhrasingContent[] {
  const lines = blocks.flatMap(blockLines);
  return lines.flatMap((line, index) => (index === 0 ? line : [{ type: 'break' as const }, ...line]));
}

function blockLines(node: RootContent): PhrasingContent[][] {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return [node.children];
  if (node.type === 'code' || node.type === 'html') return [[{ type: 'text', value: node.value }]];
  if (node.type === 'list') return node.children.flatMap((item) => item.children.flatMap(blockLines).map((line, index) => (index === 0 ? [{ type: 'text' as const, value: '• ' }, ...line] : line)));
  if ('children' in node) return (node.children as RootContent[]).flatMap(blockLines);
  return [];
}

export default remarkGridTables;
