import { isMap, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document } from 'yaml';
import { operations } from '../messages/operations';
import { MAX_NESTING, yamlTooDeep } from '../source/nesting-depth';

export interface YamlPlace {
  line: number;
  column: number;
}

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  // Nesting past the limit is refused before the parser, whose recursion it would overflow.
  const deep = yamlTooDeep(text);
  if (deep) {
    const doc = parseDocument('', { lineCounter: new LineCounter() });
    const error = new YAMLParseError([deep.offset, deep.offset + 1], 'UNEXPECTED_TOKEN', operations.nestingTooDeep('YAML', MAX_NESTING));
    error.linePos = [{ line: deep.line, col: deep.column }];
    doc.errors.push(error);
    return { doc, lines };
  }
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

/** Aliases a YAML file may expand: enough for any real document, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 50;

/**
 * The document as plain data, or the reason it is refused (too many aliases expanded). Every YAML
 * Triptyque reads (front matter, configuration, themes) goes through here, so one limit holds.
 */
export function yamlToData(parsed: ParsedYaml): { data: unknown } | { error: string; place: YamlPlace } {
  try {
    return { data: parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { error: `${(error as Error).message}; write the values out instead of repeating aliases`, place: firstAlias(parsed) };
  }
}

/** Where the first alias is (1-based): the place to point at when aliases expand too far. */
function firstAlias(parsed: ParsedYaml): YamlPlace {
  let offset = 0;
  visit(parsed.doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = parsed.lines.linePos(offset);
  return { line, column: col };
}

/** Where the value at `path` (as zod reports it) starts, 1-based; the document start if absent. */
export function locateYamlPath(parsed: ParsedYaml, path: readonly PropertyKey[]): YamlPlace {
  let node: unknown = parsed.doc.contents;
  let offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = pair.value ?? pair.key;
      offset = (pair.value as { range?: number[] } | null)?.range?.[0] ?? (pair.key as { range?: number[] }).range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as { range?: number[] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  const { line, col } = parsed.lines.linePos(offset);
  return { line, column: col };
}
