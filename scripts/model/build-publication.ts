import type { Heading, Root, RootContent, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { mergeSettings, reportZodIssues } from '../config/load';
import { frontMatterSchema, type FrontMatter, type Settings } from '../config/schema';
import { parseYaml, yamlToData } from '../config/yaml-location';
import { typesetFrench } from '../typography/french-rules';
import { toBlocks } from './blocks';
import { sourceSlug, uniqueSlugger } from './slug';
import { TARGET_NAMES, type Metadata, type Publication, type Section } from './types';

export interface BuiltPublication {
  publication?: Publication;
  settings?: Settings;
}

/** Turns a parsed source into the one model every target renders. Problems go onto `file`. */
export function buildPublication(tree: Root, file: VFile, baseSettings: Settings, slugOfBuild?: string): BuiltPublication {
  const frontMatter = readFrontMatter(tree, file);
  if (!frontMatter) return {};
  const { deck, brochure, digest, theme, ...metadata } = frontMatter;
  const merged = mergeSettings(baseSettings, { deck, brochure, digest, theme, organisation: metadata.organisation, author: metadata.author, lang: metadata.lang });
  if (!merged.success) {
    const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
    reportZodIssues(file, parseYaml(yamlNode?.value ?? ''), merged.error, 'front-matter-invalid', frontMatterLine(yamlNode));
    return {};
  }
  const settings = merged.data;
  const slug = slugOfBuild ?? sourceSlug(file.path ?? 'source.md');
  // Front-matter strings never went through the Markdown pipeline: typeset them here, once.
  const typeset = (text: string | undefined) => (text === undefined ? undefined : typesetFrench(text));
  const meta: Metadata = {
    title: typesetFrench(metadata.title),
    subtitle: typeset(metadata.subtitle),
    event: typeset(metadata.event),
    date: metadata.date,
    organisation: typesetFrench(settings.organisation),
    author: typesetFrench(settings.author ?? settings.organisation),
    lang: settings.lang,
    description: typeset(metadata.description),
    brochureUrl: metadata.brochureUrl ?? settings.brochure.publicUrl?.replaceAll('{slug}', slug),
    backCover: metadata.backCover === undefined ? undefined : [metadata.backCover].flat().map(typesetFrench),
  };
  const { preamble, sections } = sectionTree(tree.children, file);
  return { publication: { file: file.path ?? slug, slug, meta, preamble, sections }, settings };
}

function frontMatterLine(node: Yaml | undefined): number {
  // The YAML starts on the line after the opening `---`.
  return node?.position ? node.position.start.line : 0;
}

function readFrontMatter(tree: Root, file: VFile): FrontMatter | undefined {
  const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
  if (!node) {
    file.message('no front matter: start the source with a `---` block giving at least `title:` and `date:`', {
      place: { line: 1, column: 1 },
      ruleId: 'missing-metadata',
      source: 'triptyque',
    }).fatal = true;
    return undefined;
  }
  const parsed = parseYaml(node.value);
  const offset = frontMatterLine(node);
  if (parsed.doc.errors.length > 0) {
    for (const error of parsed.doc.errors) {
      const pos = error.linePos?.[0];
      file.message(`front matter is not valid YAML: ${error.message.split('\n')[0]}`, {
        place: { line: (pos?.line ?? 1) + offset, column: pos?.col ?? 1 },
        ruleId: 'front-matter-yaml',
        source: 'triptyque',
      }).fatal = true;
    }
    return undefined;
  }
  const converted = yamlToData(parsed);
  if ('error' in converted) {
    file.message(`front matter is not valid YAML: ${converted.error}`, { place: { line: offset + 1, column: 1 }, ruleId: 'front-matter-yaml', source: 'triptyque' }).fatal = true;
    return undefined;
  }
  const data = converted.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    file.message('front matter must be a mapping of `key: value` lines', { place: node.position?.start, ruleId: 'front-matter-invalid', source: 'triptyque' }).fatal = true;
    return undefined;
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const missing = result.error.issues.some((issue) => issue.path.length === 1 && (data as Record<string, unknown>)[String(issue.path[0])] === undefined);
    reportZodIssues(file, parsed, result.error, missing ? 'missing-metadata' : 'front-matter-invalid', offset);
    return undefined;
  }
  return result.data;
}

/** Nests headings into sections; a heading's depth is relative to the shallowest one in the body. */
function sectionTree(nodes: RootContent[], file: VFile): { preamble: Publication['preamble']; sections: Section[] } {
  const headings = nodes.filter((node): node is Heading => node.type === 'heading');
  const shallowest = Math.min(...headings.map((h) => h.depth), 6);
  const slug = uniqueSlugger();
  const context = { file, targets: TARGET_NAMES, keep: false };
  const root: Section[] = [];
  const stack: Section[] = [];
  const preambleNodes: RootContent[] = [];
  let pending: RootContent[] = preambleNodes;
  const flush = () => {
    const current = stack.at(-1);
    if (current && pending !== preambleNodes) current.blocks = toBlocks(pending, context);
  };
  for (const node of nodes) {
    if (node.type !== 'heading') {
      pending.push(node);
      continue;
    }
    flush();
    const depth = node.depth - shallowest + 1;
    const titleText = toString(node).trim();
    const section: Section = { id: slug(titleText), depth, title: node.children, titleText, blocks: [], children: [], position: node.position, targets: TARGET_NAMES };
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    (stack.at(-1)?.children ?? root).push(section);
    stack.push(section);
    pending = [];
  }
  flush();
  return { preamble: toBlocks(preambleNodes, context), sections: root };
}
