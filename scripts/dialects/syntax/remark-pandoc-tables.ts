import type { PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';

/** A line of dashes alone: a multiline table's top or bottom. */
const FULL_RULE = /^-{3,}[ \t]*$/u;
/** Runs of dashes side by side: the rule under a table's header, whose runs are the columns. */
const COLUMN_RULE = /^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$/u;

interface Line {
  text: string;
  start: number;
  end: number;
}

interface Found {
  /** Source offsets the table spans, rules included. */
  start: number;
  end: number;
  header: string[][] | undefined;
  rows: string[][][];
  columns: number[];
}

/**
 * Pandoc's simple and multiline tables, which CommonMark reads as paragraphs, rules, indented
 * code and even setext headings: read from the source lines by pandoc's own rules (the dash runs
 * under the header are the columns; a multiline table's rows are separated by blank lines, between
 * a line of dashes above and below), and put in place of what CommonMark made of them, as a table.
 * A region that overlaps anything else (a fenced code block, a list) is left as it was.
 */
const remarkPandocTables: Plugin<[], Root> = function (this: Processor) {
  // A cell's Markdown is read as the rest of the document is: the dialect's own parser.
  const read = (text: string) => this.parse(text) as Root;
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const lines: Line[] = [];
    let offset = 0;
    for (const text of source.split('\n')) {
      lines.push({
        text: text.replace(/\r$/u, ''),
        start: offset,
        end: offset + text.length,
      });
      offset += text.length + 1;
    }
    for (let index = 0; index < lines.length; index += 1) {
      const found = multilineTable(lines, index) ?? simpleTable(lines, index);
      if (!found) continue;
      if (replace(tree, found, source, read)) index = lines.findIndex((line) => line.start >= found.end) - 1;
      if (index < 0) break;
    }
  };
};

const blank = (line: Line | undefined) => line === undefined || line.text.trim() === '';

/** The columns a rule's dash runs mark: where each starts. */
function columnsOf(rule: string): number[] {
  return [...rule.matchAll(/-+/gu)].map((run) => run.index);
}

/** A line cut into the columns: each from its run's start to the next one's. */
function cells(text: string, columns: readonly number[]): string[] {
  return columns.map((start, column) => text.slice(column === 0 ? 0 : start, columns[column + 1] ?? text.length).trim());
}

/** Lines of one row, joined cell by cell. */
function joined(rowLines: readonly Line[], columns: readonly number[]): string[][] {
  const parts = rowLines.map((line) => cells(line.text, columns));
  return columns.map((_, column) => parts.map((part) => part[column]!).filter(Boolean));
}

/** `-----` / header lines / `--- ---` / rows between blank lines / `-----` (or no header: `--- ---` ... `--- ---`). */
function multilineTable(lines: readonly Line[], at: number): Found | undefined {
  const top = lines[at]!;
  if (!blank(lines[at - 1]) || !(FULL_RULE.test(top.text) || COLUMN_RULE.test(top.text))) return undefined;
  let rule = at;
  if (FULL_RULE.test(top.text)) {
    rule = at + 1;
    while (rule < lines.length && !blank(lines[rule]) && !COLUMN_RULE.test(lines[rule]!.text)) rule += 1;
    if (rule === at + 1 || !COLUMN_RULE.test(lines[rule]?.text ?? '')) return undefined;
  }
  const columns = columnsOf(lines[rule]!.text);
  const rows: string[][][] = [];
  let row: Line[] = [];
  for (let index = rule + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    const closes = rule === at ? COLUMN_RULE.test(line.text) || FULL_RULE.test(line.text) : FULL_RULE.test(line.text);
    if (closes) {
      if (row.length > 0) rows.push(joined(row, columns));
      // A headerless table with no blank line between rows is a simple one (`simpleTable`).
      if (rule === at && !lines.slice(rule + 1, index).some(blank)) return undefined;
      if (rows.length === 0 || !blank(lines[index + 1])) return undefined;
      const header = rule === at ? undefined : joined(lines.slice(at + 1, rule), columns);
      return { start: top.start, end: line.end, header, rows, columns };
    }
    if (blank(line)) {
      if (row.length > 0) rows.push(joined(row, columns));
      row = [];
      // Two blank lines end it: no bottom rule, no table.
      if (blank(lines[index + 1]) && index + 1 < lines.length) return undefined;
    } else row.push(line);
  }
  return undefined;
}

/** `header` / `--- ---` / one row a line, up to a blank line (or, with no header, a closing `--- ---`). */
function simpleTable(lines: readonly Line[], at: number): Found | undefined {
  const head = lines[at]!;
  const headed = !blank(head) && !COLUMN_RULE.test(head.text) && blank(lines[at - 1]) && COLUMN_RULE.test(lines[at + 1]?.text ?? '');
  const headless = COLUMN_RULE.test(head.text) && blank(lines[at - 1]);
  if (!headed && !headless) return undefined;
  const rule = headed ? at + 1 : at;
  const columns = columnsOf(lines[rule]!.text);
  let end = rule + 1;
  while (end < lines.length && !blank(lines[end]) && !(headless && COLUMN_RULE.test(lines[end]!.text))) end += 1;
  const body = lines.slice(rule + 1, end);
  if (body.length === 0) return undefined;
  if (headless && !COLUMN_RULE.test(lines[end]?.text ?? '')) return undefined;
  const last = headless ? lines[end]! : body.at(-1)!;
  const inColumns = (text: string) => cells(text, columns).map((cell) => [cell]);
  return {
    start: head.start,
    end: last.end,
    header: headed ? inColumns(head.text) : undefined,
    rows: body.map((line) => inColumns(line.text)),
    columns,
  };
}

/** The root's blocks CommonMark made of the table, replaced by it; false if they hold anything else. */
function replace(tree: Root, found: Found, source: string, read: (text: string) => Root): boolean {
  const inside = (node: RootContent) =>
    node.position?.start.offset !== undefined && node.position.end.offset !== undefined && node.position.start.offset < found.end && node.position.end.offset > found.start;
  const first = tree.children.findIndex(inside);
  if (first === -1) return false;
  let last = first;
  while (last + 1 < tree.children.length && inside(tree.children[last + 1]!)) last += 1;
  const covered = tree.children.slice(first, last + 1);
  // An indented row is indented code to CommonMark; a fenced block is the author's code, never a table's.
  const fenced = (node: RootContent) => node.type === 'code' && /^[ \t]*(?:`{3}|~{3})/u.test(source.slice(node.position!.start.offset!));
  const within = covered.every(
    (node) => node.position!.start.offset! >= found.start && node.position!.end.offset! <= found.end && ['paragraph', 'thematicBreak', 'heading', 'code'].includes(node.type) && !fenced(node),
  );
  if (!within) return false;
  const row = (row: string[][]): TableRow => ({
    type: 'tableRow',
    children: row.map((parts): TableCell => ({
      type: 'tableCell',
      children: phrasing(parts.join(' '), read),
    })),
  });
  const header: string[][] = found.header ?? found.columns.map(() => []);
  const table: Table = {
    type: 'table',
    align: found.columns.map(() => null),
    children: [row(header), ...found.rows.map(row)],
    position: {
      start: covered[0]!.position!.start,
      end: covered.at(-1)!.position!.end,
    },
  };
  tree.children.splice(first, covered.length, table);
  return true;
}

/** A cell's Markdown (emphasis, code, links, math) as phrasing content. */
function phrasing(text: string, read: (text: string) => Root): PhrasingContent[] {
  if (!text) return [];
  const [paragraph] = read(text).children;
  return paragraph?.type === 'paragraph' ? paragraph.children : [{ type: 'text', value: text }];
}

export default remarkPandocTables;
