import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Processor } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { mathError } from '../math/katex';

/** An equation's label as it rides on its node, for the cross-references to number. */
export interface EquationData {
  equationLabel?: string;
}

/** pandoc-crossref's `{#eq:label}` (Quarto's `{#eq-label}`) after a `$$` equation. */
const CROSSREF_LABEL = /^\s*\{#(eq[:-][^\s}]+)[^}]*\}\s*$/u;
/** bookdown's `(\#eq:label)` inside the equation. */
const BOOKDOWN_LABEL = /\(\\#(eq:[^\s)]+)\)/u;
/** A closing `$$` with a label after it, which remark-math (like a code fence) does not take as a closer. */
const LABELLED_CLOSER = /^[ \t]*\$\$[ \t]*(\{#eq[:-][^}\n]*\})[ \t]*$/mu;

/**
 * What remark-math leaves for the document to mean: a `$$` equation alone in its paragraph is a
 * displayed equation; pandoc-crossref's and bookdown's labels are read off; a single `$` that
 * pandoc would not read as math (followed by a space, or closed before a digit: "5 $ et 10 $")
 * is a dollar again; and what KaTeX cannot read is reported where it stands.
 */
export default function remarkMathBlocks(this: Processor) {
  const processor = this;
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    repairLabelledClosers(tree, source, processor);
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === 'inlineMath' && !isPandocMath(node, source)) {
        parent.children[index] = { type: 'text', value: sliceOf(node, source) ?? `$${node.value}$`, position: node.position } as never;
        return SKIP;
      }
      if (node.type === 'paragraph') {
        const equation = displayedEquation(node, source);
        if (equation) parent.children[index] = equation as never;
      }
      return undefined;
    });
    visit(tree, (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const bookdown = BOOKDOWN_LABEL.exec(node.value);
      if (bookdown) {
        node.value = node.value.replace(BOOKDOWN_LABEL, '').trim();
        node.data = { ...node.data, equationLabel: bookdown[1] } as unknown as typeof node.data;
      }
      const problem = mathError(node.value, node.type === 'math');
      if (problem) {
        file.message(`math that KaTeX cannot read (${problem}): it is shown as its TeX source; fix the TeX`, { place: node.position, ruleId: 'math-invalid', source: 'triptyque' });
      }
    });
  };
}

function sliceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : source.slice(start, end);
}

/** Pandoc's rule for `$...$`: no space inside either dollar, no digit right after the closing one. `$$` is always math. */
function isPandocMath(node: InlineMath, source: string): boolean {
  const written = sliceOf(node, source);
  if (written === undefined || written.startsWith('$$') || written.startsWith('\\')) return true;
  const end = node.position!.end.offset!;
  return !/^\$\s/u.test(written) && !/\s\$$/u.test(written) && !/^\d/u.test(source.slice(end, end + 1));
}

/** A paragraph of one `$$...$$` or `\\[...\\]` (and maybe its `{#eq:x}`): the equation, displayed. */
function displayedEquation(paragraph: Paragraph, source: string): Math | undefined {
  const parts = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [math, label] = parts;
  const written = math?.type === 'inlineMath' ? sliceOf(math, source) : undefined;
  if (parts.length > 2 || math?.type !== 'inlineMath' || !(written?.startsWith('$$') || written?.startsWith('\\['))) return undefined;
  const crossref = label?.type === 'text' ? CROSSREF_LABEL.exec(label.value) : undefined;
  if (label && !crossref) return undefined;
  return { type: 'math', value: math.value.trim(), position: paragraph.position, ...(crossref ? { data: { equationLabel: crossref[1] } as unknown as Math['data'] } : {}) };
}

/**
 * `$$` ... `$$ {#eq:x}`: remark-math reads on to the end of the document, as after an unclosed
 * fence. The equation ends at that line, its label is read, and what follows is parsed again as
 * the Markdown it is (only at the top level, where the source's lines are the document's).
 */
function repairLabelledClosers(tree: Parent, source: string, processor: Processor): void {
  for (let index = 0; index < tree.children.length; index += 1) {
    const node = tree.children[index] as RootContent;
    if (node.type !== 'math' || node.position?.start.offset === undefined || node.position.end.offset === undefined) continue;
    const start = node.position.start.offset;
    const end = node.position.end.offset;
    const written = source.slice(start, end);
    const closer = LABELLED_CLOSER.exec(written);
    if (!closer) continue;
    const innerStart = written.indexOf('\n') + 1;
    const value = written.slice(innerStart, closer.index).replace(/\n$/u, '');
    const label = CROSSREF_LABEL.exec(closer[1]!)![1]!;
    const restOffset = start + closer.index + closer[0].length + 1;
    const restLine = source.slice(0, restOffset).split('\n').length;
    const closerEndLine = restLine - 1;
    const equation: Math = {
      type: 'math',
      value,
      data: { equationLabel: label } as unknown as Math['data'],
      position: { start: node.position.start, end: { line: closerEndLine, column: closer[0].length + 1, offset: restOffset - 1 } },
    };
    const rest = restOffset < end ? (processor.parse(source.slice(restOffset, end)) as Root) : { type: 'root' as const, children: [] };
    shiftPositions(rest, restLine - 1, restOffset);
    tree.children.splice(index, 1, equation, ...rest.children);
  }
}

function shiftPositions(tree: Root, lines: number, offset: number): void {
  visit(tree, (node) => {
    const position = node.position;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  });
}

