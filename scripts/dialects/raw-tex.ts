import type { Root, Text, ThematicBreak } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

/** A page break asked for in LaTeX: a rule the brochure turns into a new page and the other targets leave out. */
export interface PageBreakData {
  pageBreak?: true;
}

const PAGE_BREAKS = new Set(['newpage', 'pagebreak', 'clearpage', 'cleardoublepage']);
/** Commands that carry nothing for a reader: an index entry, a label, spacing. Dropped without a word. */
const SILENT = new Set(['index', 'label', 'noindent', 'vspace', 'hspace', 'vfill', 'hfill', 'smallskip', 'medskip', 'bigskip', 'centering', 'nopagebreak', 'linebreak', 'newline', 'FloatBarrier', 'phantomsection', 'addcontentsline']);

/** `\name`, its `[options]` and `{arguments}` (one level of nested braces). */
const COMMAND = /\\([A-Za-z]+)\*?((?:\s*\[[^\]\n]*\])*)((?:\{(?:[^{}]|\{[^{}]*\})*\})*)/gu;

/**
 * With `commands: false`, only a paragraph that is nothing but `\newpage` (or its kin), which no
 * Markdown means as text. Raw LaTeX in a pandoc source, which pandoc passes to LaTeX and drops elsewhere: `\newpage` and
 * its kin alone in a paragraph become a page break in the brochure; `\index{}`, `\label{}` and
 * spacing are dropped; any other command is dropped with its arguments' words kept, and named
 * once in a warning at its first place.
 */
export default function remarkRawTex(options: { commands?: boolean } = {}) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const places = location(file);
    const unknown = new Map<string, { count: number; offset?: number }>();
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'text') {
        const command = /^\s*\\([A-Za-z]+)\s*$/u.exec(node.children[0]!.value)?.[1];
        if (command && PAGE_BREAKS.has(command)) {
          const pageBreak: ThematicBreak = { type: 'thematicBreak', position: node.position, data: { pageBreak: true } as ThematicBreak['data'] };
          parent.children[index] = pageBreak as never;
          return SKIP;
        }
      }
      if (!options.commands || node.type !== 'text' || !node.value.includes('\\')) return undefined;
      const text = node as Text;
      const start = text.position?.start.offset;
      const before = text.value;
      text.value = text.value.replace(COMMAND, (written, name: string, _options: string, args: string) => {
        if (PAGE_BREAKS.has(name) || SILENT.has(name)) return '';
        const seen = unknown.get(name) ?? { count: 0, offset: start === undefined ? undefined : source.indexOf(written, start) };
        seen.count += 1;
        unknown.set(name, seen);
        if (name === 'begin' || name === 'end') return '';
        return [...args.matchAll(/\{((?:[^{}]|\{[^{}]*\})*)\}/gu)].map((match) => match[1]!.replace(/[{}]/gu, '')).join(' ');
      });
      // A dropped command leaves the spaces that stood around it.
      if (text.value !== before) text.value = text.value.replace(/ {2,}/gu, ' ');
      return undefined;
    });
    for (const [name, { count, offset }] of unknown) {
      const place = offset !== undefined && offset >= 0 ? places.toPoint(offset) : undefined;
      file.message(`raw LaTeX \`\\${name}\`${count > 1 ? ` (${count} times)` : ''} is not rendered: the command is dropped, the words of its arguments are kept`, {
        place,
        ruleId: 'raw-latex',
        source: 'triptyque',
      });
    }
  };
}
