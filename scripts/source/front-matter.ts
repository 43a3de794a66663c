import type { Root, Yaml } from 'mdast';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { VFile } from 'vfile';
import { parseYaml, yamlToData, type ParsedYaml } from '../config/yaml-location';

/** The front matter's raw data, and where to point a schema issue. */
export interface RawFrontMatter {
  data: Record<string, unknown>;
  /** For YAML, the parsed document that locates each key; TOML issues point at the block's start. */
  yaml?: ParsedYaml;
  /** Line of the first line of the block's content, minus one. */
  lineOffset: number;
}

interface TomlNode {
  type: 'toml';
  value: string;
  position?: Yaml['position'];
}

export function frontMatterNode(tree: Root): Yaml | TomlNode | undefined {
  return tree.children.find((child) => child.type === 'yaml' || (child.type as string) === 'toml') as Yaml | TomlNode | undefined;
}

/**
 * Reads a `---` YAML or `+++` TOML front matter. `undefined` with no block; `null` when the block
 * is broken (the located errors are on `file`, unless `file` is absent: a silent look-ahead).
 */
export function readRawFrontMatter(tree: Root, file?: VFile): RawFrontMatter | undefined | null {
  const node = frontMatterNode(tree);
  if (!node) return undefined;
  const lineOffset = node.position ? node.position.start.line : 0;
  const fail = (reason: string, line: number, column: number, ruleId: string) => {
    if (file) file.message(reason, { place: { line, column }, ruleId, source: 'triptyque' }).fatal = true;
    return null;
  };
  let data: unknown;
  let yaml: ParsedYaml | undefined;
  if (node.type === 'toml') {
    try {
      data = parseToml(node.value);
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      return fail(`front matter is not valid TOML: ${error.message.split('\n')[0]}`, error.line + lineOffset, error.column, 'front-matter-toml');
    }
  } else {
    yaml = parseYaml(node.value);
    if (yaml.doc.errors.length > 0) {
      for (const error of yaml.doc.errors) {
        const at = error.linePos?.[0];
        fail(`front matter is not valid YAML: ${error.message.split('\n')[0]}`, (at?.line ?? 1) + lineOffset, at?.col ?? 1, 'front-matter-yaml');
      }
      return null;
    }
    const converted = yamlToData(yaml);
    if ('error' in converted) return fail(`front matter is not valid YAML: ${converted.error}`, converted.place.line + lineOffset, converted.place.column, 'front-matter-yaml');
    data = converted.data ?? {};
  }
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    return fail('front matter must be a mapping of `key: value` lines', lineOffset, 1, 'front-matter-invalid');
  }
  return { data: data as Record<string, unknown>, yaml, lineOffset };
}

/** The document's language as its front matter gives it, read before typography runs. */
export function frontMatterLang(tree: Root): string | undefined {
  const raw = readRawFrontMatter(tree);
  const lang = raw?.data['lang'];
  return typeof lang === 'string' && lang.length >= 2 ? lang : undefined;
}
