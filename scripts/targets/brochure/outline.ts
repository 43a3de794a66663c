import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { HeadingPlace } from './read-pdf';

export interface OutlineEntry {
  /** The title as the model has it: Chromium's own bookmarks glue the words of wrapped headings. */
  title: string;
  depth: number;
  place: HeadingPlace;
}

interface OutlineNode {
  entry: OutlineEntry;
  children: OutlineNode[];
}

/** Writes the bookmarks (nested by heading depth) and shows them when the file opens. */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  const roots = nest(entries);
  if (roots.length === 0) return;
  const context = pdf.context;
  const outlinesRef = context.nextRef();
  const pages = pdf.getPages();

  const writeLevel = (nodes: OutlineNode[], parentRef: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = nodes.map(() => context.nextRef());
    let count = 0;
    nodes.forEach((node, index) => {
      const page = pages[node.entry.place.page - 1] ?? pages[0]!;
      const top = node.entry.place.top ?? page.getHeight();
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.entry.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.min(top + 12, page.getHeight())), PDFNull]) as PDFArray);
      if (index > 0) dict.set(PDFName.of('Prev'), refs[index - 1]!);
      if (index < nodes.length - 1) dict.set(PDFName.of('Next'), refs[index + 1]!);
      count += 1;
      if (node.children.length > 0) {
        const level = writeLevel(node.children, refs[index]!);
        dict.set(PDFName.of('First'), level.first);
        dict.set(PDFName.of('Last'), level.last);
        // Parts open, their chapters and sections folded (a positive count shows them open).
        const open = node.entry.depth === 1;
        dict.set(PDFName.of('Count'), PDFNumber.of(open ? level.count : -level.count));
        if (open) count += level.count;
      }
      context.assign(refs[index]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };

  const level = writeLevel(roots, outlinesRef);
  context.assign(outlinesRef, context.obj({ Type: 'Outlines', First: level.first, Last: level.last, Count: level.count }));
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function nest(entries: readonly OutlineEntry[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const entry of entries) {
    const node: OutlineNode = { entry, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.entry.depth >= entry.depth) stack.pop();
    (stack[stack.length - 1]?.children ?? roots).push(node);
    stack.push(node);
  }
  return roots;
}
