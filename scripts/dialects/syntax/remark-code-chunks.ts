import type { Code, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';

/**
 * Quarto's and R Markdown's code chunks (```` ```{r label, echo=FALSE} ````, ```` ```{python} ````
 * with `#| echo: false` lines) and pandoc's ```` ```{.python} ````: shown as code in the language
 * named, without their options. Their output is never computed here: a chunk whose code is hidden
 * (`echo: false`, `include: false`) shows nothing, with an info note.
 */
const INLINE_CHUNK = /^(?:r|\{(?:r|python|julia|ojs)\})[ \t]+\S/u;

const remarkCodeChunks: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  let chunks = 0;
  visit(tree, 'code', (node: Code, index, parent) => {
    const header = chunkHeader(node);
    if (!header) return undefined;
    // Pandoc's raw blocks (```` ```{=html} ````) are another reading's.
    if (header.startsWith('=')) return undefined;
    const [engine = '', ...rest] = header.split(/[\s,]+/u).filter(Boolean);
    const lines = node.value.split('\n');
    const optionLines = lines.findIndex((line) => !line.startsWith('#|'));
    const optionCount = optionLines === -1 ? lines.length : optionLines;
    const options = readOptions(lines.slice(0, optionCount).map((line) => line.slice(2)).join('\n'), rest);
    node.lang = engine.replace(/^\./u, '') || null;
    node.meta = null;
    node.value = lines.slice(optionCount).join('\n').replace(/^\n+/u, '');
    chunks += 1;
    if ((isFalse(options['echo']) || isFalse(options['include'])) && parent && index !== undefined) {
      file.info(`code chunk${options['label'] ? ` \`${String(options['label'])}\`` : ''} with \`${isFalse(options['include']) ? 'include' : 'echo'}: false\` is left out: its output is not computed here`, { place: node.position?.start, ruleId: 'code-chunk-hidden', source: 'triptyque' });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  // Inline code R Markdown and Quarto compute (`r nrow(x)`, `{python} len(x)`): shown as code, never computed.
  visit(tree, 'inlineCode', (node) => {
    if (!INLINE_CHUNK.test(node.value)) return;
    file.message(`inline code \`${node.value.slice(0, 40)}\` is computed by R Markdown or Quarto, not here: it is printed as code`, { place: node.position?.start, ruleId: 'dialect-unsupported', source: 'triptyque' });
  });
  if (chunks > 0) {
    file.info(`${chunks} code chunk${chunks === 1 ? '' : 's'} shown as code: their output (figures, tables, printed values) is not computed here`, { place: { line: 1, column: 1 }, ruleId: 'code-chunk-output', source: 'triptyque' });
  }
};

/** What is inside `{...}` in the info string, or nothing for an ordinary fence. */
function chunkHeader(node: Code): string | undefined {
  const info = [node.lang, node.meta].filter(Boolean).join(' ').trim();
  return info.startsWith('{') && info.endsWith('}') ? info.slice(1, -1).trim() : undefined;
}

/** `#|` lines are YAML; `label, echo=FALSE` in the header are R's own `name=value` options. */
function readOptions(yaml: string, header: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  header.forEach((item, position) => {
    const [name, value] = item.split('=');
    if (value !== undefined) options[name!.trim()] = value.trim();
    else if (position === 0 && !item.startsWith('.')) options['label'] = item;
  });
  try {
    const data: unknown = yaml.trim() ? parseYaml(yaml) : undefined;
    if (data && typeof data === 'object' && !Array.isArray(data)) Object.assign(options, data);
  } catch {
    // Options that are not YAML change nothing a reader would see: the code still shows.
  }
  return options;
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(?:F|FALSE|false)$/u.test(value));
}

export default remarkCodeChunks;
