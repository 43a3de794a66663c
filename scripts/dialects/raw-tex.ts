import type { Paragraph, PhrasingContent, Root, RootContent, Text, ThematicBreak } from 'mdast';
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
export default function remarkRawTex(options: { commands?: boolean; environments?: boolean } = {}) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const places = location(file);
    const unknown = new Map<string, { count: number; offset?: number }>();
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (options.environments && node.type === 'paragraph') {
        const blocks = environmentAt(parent.children as RootContent[], index, source);
        if (blocks) {
          const written = source.slice(blocks.start, blocks.end);
          if (MATH_ENVIRONMENTS.has(blocks.name)) {
            // KaTeX sets `equation`, `align`, `gather`... as they are, as MathJax does in a notebook.
            parent.children.splice(index, blocks.count, { type: 'math', value: written.trim(), position: node.position } as never);
            return [SKIP, index + 1];
          }
          for (const [name, offset] of commandsOf(written)) {
            const seen = unknown.get(name) ?? { count: 0, offset: blocks.start + offset };
            seen.count += 1;
            unknown.set(name, seen);
          }
          const paragraph: Paragraph = { type: 'paragraph', children: wordsOf(written), position: node.position };
          parent.children.splice(index, blocks.count, ...((paragraph.children.length > 0 ? [paragraph] : []) as never[]));
          return [SKIP, index + 1];
        }
      }
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
      text.value = texCommandsAsWords(text.value, (name, written) => {
        const seen = unknown.get(name) ?? { count: 0, offset: start === undefined ? undefined : source.indexOf(written, start) };
        seen.count += 1;
        unknown.set(name, seen);
      });
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

/** Commands that print a name, as pandoc writes them outside LaTeX. */
const LOGOS: Record<string, string> = { LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2ε', BibTeX: 'BibTeX' };

/**
 * A line of text with its inline LaTeX commands read as a reader sees them typeset: the words of
 * their `{arguments}` kept, the command dropped (`seen` told of each one that is not silent).
 */
export function texCommandsAsWords(text: string, seen?: (name: string, written: string) => void): string {
  const read = text.replace(COMMAND, (written, name: string, _options: string, args: string) => {
    if (PAGE_BREAKS.has(name) || SILENT.has(name)) return '';
    if (LOGOS[name] !== undefined && args === '') return LOGOS[name]!;
    seen?.(name, written);
    if (name === 'begin' || name === 'end') return '';
    return [...args.matchAll(/\{((?:[^{}]|\{[^{}]*\})*)\}/gu)].map((match) => match[1]!.replace(/[{}]/gu, '')).join(' ');
  });
  // A dropped command leaves the spaces that stood around it.
  return read === text ? text : read.replace(/ {2,}/gu, ' ');
}

/** Environments that are display math. */
const MATH_ENVIRONMENTS = new Set(['equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'flalign', 'flalign*', 'alignat', 'alignat*', 'eqnarray', 'eqnarray*', 'displaymath']);
/** Commands whose arguments are no words a reader sees (a file, a label); `\href` shows only its second. */
const NOT_WORDS = /\\(?:includegraphics|input|include|label|ref|pageref|eqref|bibliography|bibliographystyle|usepackage)\*?(?:\s*\[[^\]\n]*\])*(?:\s*\{[^{}]*\})*|\\href\s*\{[^{}]*\}/gu;

/** `\begin{name}` with maybe `[options]` or `{arguments}` after it, opening a block. */
const BEGIN = /^\\begin\{([A-Za-z*]+)\}/u;
/** Characters LaTeX escapes, as a reader sees them. */
const ESCAPED: Record<string, string> = { '&': '&', '%': '%', '$': '$', '#': '#', _: '_', '{': '{', '}': '}' };

/**
 * A LaTeX environment written as blocks of its own, `\begin{center}` to its `\end{center}`
 * (over blank lines too): which of `children`, from `index` on, it spans, and where in the source.
 * Read from the source, where its backslashes are as written (Markdown took `\\` for an escape).
 */
function environmentAt(children: readonly RootContent[], index: number, source: string): { name: string; count: number; start: number; end: number } | undefined {
  const start = children[index]?.position?.start.offset;
  if (start === undefined) return undefined;
  const name = BEGIN.exec(source.slice(start))?.[1];
  if (!name) return undefined;
  const closing = `\\end{${name}}`;
  for (let last = index; last < children.length; last += 1) {
    const end = children[last]!.position?.end.offset;
    if (end === undefined) return undefined;
    if (source.slice(start, end).trimEnd().endsWith(closing)) return children[last]!.type === 'paragraph' ? { name, count: last - index + 1, start, end } : undefined;
  }
  return undefined;
}

/** The commands of a LaTeX fragment, each with where it first stands; an environment as `begin{center}`. */
function commandsOf(tex: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of tex.matchAll(/\\(?:\\|(begin|end)\{([A-Za-z*]+)\}|([A-Za-z]+))/gu)) {
    if (match[0] === '\\\\') continue;
    const name = match[3] ?? `begin{${match[2]!}}`;
    if (match[1] === 'end' || SILENT.has(name) || found.has(name)) continue;
    found.set(name, match.index);
  }
  return found;
}

/**
 * What a reader sees of LaTeX as words, as pandoc would show it typeset: commands and their
 * `[options]` dropped, the words of their `{arguments}` kept, `\\` at a line end a new line
 * (inside a line, as in a diagram's node `Scientific\\Writing`, a space), `\&` a `&`.
 */
function wordsOf(tex: string): PhrasingContent[] {
  const text = tex
    .replace(/(?<!\\)%.*$/gmu, '')
    .replace(NOT_WORDS, ' ')
    .replace(/\\(begin|end)\{[A-Za-z*]+\}(?:\s*\[[^\]]*\])?/gu, ' ')
    .replace(/\\\\[ \t]*\r?\n/gu, '\u2028')
    .replace(/\\\\/gu, ' ')
    .replace(/\\([&%$#_{}])/gu, (_escape, char: string) => ESCAPED[char] ?? char)
    .replace(/\\[A-Za-z]+\*?(?:\s*\[[^\]\n]*\])*/gu, ' ')
    .replace(/[{}]/gu, ' ')
    .replace(/~/gu, '\u00a0');
  const lines = text.split('\u2028').map((line) => line.replace(/\s+/gu, ' ').trim()).filter(Boolean);
  return lines.flatMap((line, index): PhrasingContent[] => (index === 0 ? [{ type: 'text', value: line }] : [{ type: 'break' }, { type: 'text', value: line }]));
}
