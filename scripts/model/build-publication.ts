import { basename } from 'node:path';
import type { Heading, Html, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { mergeSettings, reportZodIssues } from '../config/load';
import { locateYamlPath } from '../config/yaml-location';
import type { ZodError } from 'zod';
import { FRONT_MATTER_KEYS, frontMatterSchema, type FrontMatter, type Settings } from '../config/schema';
import { checkSenderOverrides } from '../config/source-overrides';
import { readRawFrontMatter, type RawFrontMatter } from '../source/front-matter';
import { typesetterFor } from '../typography/rules';
import { htmlToText } from '../sanitize/html-to-text';
import { toBlocks } from './blocks';
import { numberFootnoteReferences } from './footnote-numbers';
import { sourceSlug, uniqueSlugger } from './slug';
import { TARGET_NAMES, type Metadata, type Publication, type Section } from './types';

export interface BuiltPublication {
  publication?: Publication;
  settings?: Settings;
}

/** Turns a parsed source into the one model every target renders. Problems go onto `file`. */
/** `slugOfBuild` names the output folder when the build had to tell same-named sources apart. */
export function buildPublication(tree: Root, file: VFile, baseSettings: Settings, slugOfBuild?: string): BuiltPublication {
  const read = readFrontMatter(tree, file);
  if (!read) return {};
  const { frontMatter, raw } = read;
  const { deck, brochure, digest, theme, ...metadata } = frontMatter;
  const merged = mergeSettings(baseSettings, { deck, brochure, digest, theme, organisation: metadata.organisation, author: metadata.author, lang: metadata.lang ?? (file.data['lang'] as string | undefined) });
  if (!merged.success) {
    reportIssues(file, raw, merged.error, 'front-matter-invalid');
    return {};
  }
  const settings = merged.data;
  if (!checkSenderOverrides(frontMatter, baseSettings, raw, file)) return {};
  const fileName = basename(file.path ?? 'source.md');
  const slug = slugOfBuild ?? sourceSlug(file.path ?? 'source.md');
  // Front-matter strings never went through the Markdown pipeline: typeset them here, once.
  const typesetText = typesetterFor(settings.lang);
  const typeset = (text: string | undefined) => (text === undefined ? undefined : typesetText(text));
  const date = metadata.date ?? DATE_PREFIX.exec(fileName)?.[1];
  const heading = firstHeading(tree);
  const title = metadata.title ?? heading ?? readableFileName(slug);
  if (metadata.title === undefined) reportDerivedMetadata(file, raw, { title, fromHeading: heading !== undefined, date });
  const meta: Metadata = {
    title: typesetText(title),
    subtitle: typeset(metadata.subtitle),
    event: typeset(metadata.event),
    date,
    // Nobody's name by default: with no organisation configured, the cover shows the author, or nothing.
    organisation: typeset(settings.organisation ?? settings.author),
    author: typeset(settings.author ?? settings.organisation),
    lang: settings.lang,
    description: typeset(metadata.description),
    brochureUrl: metadata.brochureUrl ?? settings.brochure.publicUrl?.replaceAll('{slug}', slug),
    backCover: metadata.backCover === undefined ? undefined : [metadata.backCover].flat().map(typesetText),
  };
  const { preamble, sections } = sectionTree(tree.children, file, meta.lang);
  if (preamble.length === 0 && sections.length === 0) {
    // The one case with truly nothing to publish.
    file.message('nothing to publish: the source has no text', { place: { line: 1, column: 1 }, ruleId: 'empty-source', source: 'triptyque' }).fatal = true;
    return {};
  }
  const publication: Publication = { file: file.path ?? slug, slug, meta, preamble, sections };
  numberFootnoteReferences(publication);
  return { publication, settings };
}

/** `2017-03-20-minutes.md`: Jekyll's and Hugo's way of dating a post by its file name. */
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-/;

/** `2017-03-20-compte_rendu-final` → `Compte rendu final`. */
function readableFileName(slug: string): string {
  const words = slug.replace(DATE_PREFIX, '').replace(/[-_.]+/g, ' ').trim() || slug;
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/**
 * The first heading's text: the title of a source whose front matter gives none. A heading
 * written in HTML counts too (READMEs open with `<h1><img alt="name"></h1>`), read as a reader
 * sees it: its text, an image as its alt.
 */
function firstHeading(tree: Root): string | undefined {
  const heading = tree.children.find((node): node is Heading | Html => node.type === 'heading' || (node.type === 'html' && /^\s*<h[1-6][\s>]/i.test(node.value)));
  // Raw HTML in a heading (a README's badges) is not part of its text.
  const text = heading?.type === 'html' ? htmlToText(heading.value) : heading && toString(heading, { includeHtml: false });
  return text?.replace(/\s+/g, ' ').trim() || undefined;
}

/** One warning saying what the build chose for a source without a title (and maybe without a front matter). */
function reportDerivedMetadata(file: VFile, raw: RawFrontMatter | undefined, chosen: { title: string; fromHeading: boolean; date?: string }): void {
  const origin = chosen.fromHeading ? 'the first heading' : 'the file name';
  const reason = raw
    ? `no \`title\` in the front matter: the title is "${chosen.title}", from ${origin}`
    : `no front matter: the title is "${chosen.title}", from ${origin}, and the publication is ${chosen.date ? `dated ${chosen.date} from the file name` : 'undated'}; start the source with a \`---\` block giving \`title:\` and \`date:\` to set them`;
  file.message(reason, { place: { line: raw ? raw.lineOffset + 1 : 1, column: 1 }, ruleId: 'missing-metadata', source: 'triptyque' });
}

function shiftLines(place: { line: number; column: number }, lineOffset: number): { line: number; column: number } {
  return { line: place.line + lineOffset, column: place.column };
}

function reportIssues(file: VFile, raw: RawFrontMatter | undefined, error: ZodError, ruleId: string): void {
  if (raw?.yaml) {
    reportZodIssues(file, raw.yaml, error, ruleId, raw.lineOffset);
    return;
  }
  for (const issue of error.issues) {
    file.message(`\`${issue.path.join('.')}\`: ${issue.message}`, { place: { line: raw?.lineOffset ?? 1, column: 1 }, ruleId, source: 'triptyque' }).fatal = true;
  }
}

/** `raw` is absent when the source has no front matter: every key then takes its default. */
function readFrontMatter(tree: Root, file: VFile): { frontMatter: FrontMatter; raw?: RawFrontMatter } | undefined {
  const raw = readRawFrontMatter(tree, file);
  if (raw === null) return undefined;
  if (raw === undefined) return { frontMatter: {} };
  let result = frontMatterSchema.safeParse(raw.data);
  // A date another tool wrote its own way ("12 mars 2024") leaves the publication undated, with a
  // warning; it is no reason to refuse the whole source.
  if (!result.success && result.error.issues.every((issue) => issue.path[0] === 'date')) {
    const written = typeof raw.data['date'] === 'string' ? ` \`${raw.data['date'].slice(0, 60)}\`` : '';
    file.message(`\`date\`:${written} is not a date written YYYY-MM-DD: the publication is undated; write it as YYYY-MM-DD to date it`, {
      place: raw.yaml ? shiftLines(locateYamlPath(raw.yaml, ['date']), raw.lineOffset) : { line: raw.lineOffset + 1, column: 1 },
      ruleId: 'front-matter-date',
      source: 'triptyque',
    });
    result = frontMatterSchema.safeParse({ ...raw.data, date: undefined });
  }
  if (!result.success) {
    reportIssues(file, raw, result.error, 'front-matter-invalid');
    return undefined;
  }
  const ignored = Object.keys(raw.data).filter((key) => !FRONT_MATTER_KEYS.has(key));
  if (ignored.length > 0) {
    file.info(`front-matter keys Triptyque does not use are ignored: ${ignored.join(', ')}`, {
      place: { line: raw.lineOffset + 1, column: 1 },
      ruleId: 'front-matter-ignored',
      source: 'triptyque',
    });
  }
  return { frontMatter: result.data, raw };
}

/** Nests headings into sections; a heading's depth is relative to the shallowest one in the body. */
function sectionTree(nodes: RootContent[], file: VFile, lang: string): { preamble: Publication['preamble']; sections: Section[] } {
  const headings = nodes.filter((node): node is Heading => node.type === 'heading');
  const shallowest = Math.min(...headings.map((h) => h.depth), 6);
  const slug = uniqueSlugger();
  const context = { file, targets: TARGET_NAMES, keep: false, lang };
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
    const titleText = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
    const section: Section = { id: slug(titleText), depth, title: node.children, titleText, blocks: [], children: [], position: node.position, targets: TARGET_NAMES };
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    (stack.at(-1)?.children ?? root).push(section);
    stack.push(section);
    pending = [];
  }
  flush();
  return { preamble: toBlocks(preambleNodes, context), sections: root };
}
