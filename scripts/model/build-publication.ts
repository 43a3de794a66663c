import { basename } from 'node:path';
import type { Heading, Html, Root, RootContent } from 'mdast';
import type {} from '../dialects/syntax/syntax-nodes';
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
import { hasMessages, MESSAGE_LANGUAGES } from '../messages/messages';
import { toBlocks } from './blocks';
import { numberFootnoteReferences } from './footnote-numbers';
import { readWrittenDate } from './written-date';
import { sourceSlug, uniqueSlugger } from './slug';
import { TARGET_NAMES, type AuthoredSlides, type Inline, type Metadata, type Publication, type Section } from './types';
import { isMarpDirective } from '../dialects/marp-directives';
import { texCommandsAsWords } from '../dialects/raw-tex';
import { deckBody } from './deck-source';
import { headingText } from './plain-text';

export interface BuiltPublication {
  publication?: Publication;
  settings?: Settings;
}

/** Turns a parsed source into the one model every target renders. Problems go onto `file`. */
/** `slugOfBuild` names the output folder when the build had to tell same-named sources apart. */
export function buildPublication(tree: Root, file: VFile, baseSettings: Settings, slugOfBuild?: string): BuiltPublication {
  const deckSource = (file.data['dialect'] as { name?: string } | undefined)?.name === 'marp';
  const read = readFrontMatter(tree, file, deckSource);
  if (!read) return {};
  const { frontMatter, raw } = read;
  const { deck, brochure, digest, triptyqueTheme, ...metadata } = frontMatter;
  // A deck's `theme` is Marp's; its Triptyque theme is `triptyqueTheme` or the configuration's.
  const theme = deckSource ? triptyqueTheme : (frontMatter.theme ?? triptyqueTheme);
  delete metadata.theme;
  const authors = metadata.author ?? metadata.authors ?? [];
  const authorNames = authors.length > 0 ? authors.map((person) => person.name).join(', ') : undefined;
  const merged = mergeSettings(baseSettings, { deck, brochure, digest, theme, organisation: metadata.organisation, author: authorNames, lang: metadata.lang ?? (file.data['lang'] as string | undefined) });
  if (!merged.success) {
    reportIssues(file, raw, merged.error, 'front-matter-invalid');
    return {};
  }
  const settings = merged.data;
  if (!hasMessages(settings.lang)) {
    file.info(`the words Triptyque prints itself (contents, parts, greetings) are in English: it has no table for \`${settings.lang}\` yet (${MESSAGE_LANGUAGES.join(', ')})`, {
      place: { line: 1, column: 1 },
      ruleId: 'labels-language',
      source: 'triptyque',
    });
  }
  if (!checkSenderOverrides(frontMatter, baseSettings, raw, file)) return {};
  const fileName = basename(file.path ?? 'source.md');
  const slug = slugOfBuild ?? sourceSlug(file.path ?? 'source.md');
  // Front-matter strings never went through the Markdown pipeline: typeset them here, once; in a
  // document that writes LaTeX, their commands are LaTeX too (pandoc reads metadata as Markdown).
  const typesetLine = typesetterFor(settings.lang);
  const readsTex = (file.data['dialect'] as { extensions?: readonly string[] } | undefined)?.extensions?.includes('raw-tex') === true;
  const typesetText = (text: string) => typesetLine(readsTex && /\\[A-Za-z]/u.test(text) ? texCommandsAsWords(text).replace(/ ([,.;:!?])/gu, '$1').trim() : text);
  const typeset = (text: string | undefined) => (text === undefined ? undefined : typesetText(text));
  const date = metadata.date ?? DATE_PREFIX.exec(fileName)?.[1];
  const heading = firstHeading(tree);
  const title = metadata.title ?? heading ?? readableFileName(slug);
  if (metadata.title === undefined) reportDerivedMetadata(file, raw, { title, fromHeading: heading !== undefined, date });
  const body = deckSource ? deckBody(tree, file, typesetText(title)) : undefined;
  const meta: Metadata = {
    title: typesetText(title),
    subtitle: typeset(metadata.subtitle) ?? body?.subtitle,
    event: typeset(metadata.event),
    date,
    // Nobody's name by default: with no organisation configured, the cover shows the authors, or nothing.
    organisation: typeset(settings.organisation ?? (authors.length > 0 ? undefined : settings.author)),
    author: typeset(settings.author ?? settings.organisation),
    // A name or an affiliation is one line wherever it is printed (a cover, a title slide's line).
    authors: authors.map((person) => ({ name: typesetText(oneLine(person.name)), ...(person.affiliation ? { affiliation: typesetText(oneLine(person.affiliation)) } : {}) })),
    lang: settings.lang,
    description: typeset(metadata.description ?? metadata.abstract ?? metadata.summary ?? metadata.excerpt),
    brochureUrl: metadata.brochureUrl ?? settings.brochure.publicUrl?.replaceAll('{slug}', slug),
    backCover: metadata.backCover === undefined ? undefined : [metadata.backCover].flat().map(typesetText),
  };
  // A deck's title is its title slide's, already the cover's: its slide titles are all sections.
  const outline = sectionTree(body?.nodes ?? tree.children, file, meta.lang);
  const { preamble, sections } = body ? outline : withTitleHeadingLifted(outline, metadata.title);
  if (preamble.length === 0 && sections.length === 0) {
    // The one case with truly nothing to publish.
    file.message('nothing to publish: the source has no text', { place: { line: 1, column: 1 }, ruleId: 'empty-source', source: 'triptyque' }).fatal = true;
    return {};
  }
  const dependencies = file.data['dependencies'] as string[] | undefined;
  const publication: Publication = { file: file.path ?? slug, slug, meta, preamble, sections, ...(dependencies?.length ? { dependencies } : {}) };
  if (body) publication.slides = authoredSlides(String(file.value), body.slides, raw);
  numberFootnoteReferences(publication);
  return { publication, settings };
}

/** A deck source's slides as written, and Marp's theme: from its front matter, else a `<!-- theme: x -->` directive. */
function authoredSlides(markdown: string, count: number, raw: RawFrontMatter | undefined): AuthoredSlides {
  const declared = raw?.data['theme'];
  if (typeof declared === 'string' && declared.trim()) {
    const place = raw?.yaml ? shiftLines(locateYamlPath(raw.yaml, ['theme']), raw.lineOffset) : { line: 1, column: 1 };
    return { markdown, count, theme: { name: declared.trim(), line: place.line } };
  }
  const lines = markdown.split('\n');
  const line = lines.findIndex((text) => /<!--\s*theme:\s*[\w-]+\s*-->/.test(text));
  if (line === -1) return { markdown, count };
  return { markdown, count, theme: { name: /theme:\s*([\w-]+)/.exec(lines[line]!)![1]!, line: line + 1 } };
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
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
function readFrontMatter(tree: Root, file: VFile, deckSource: boolean): { frontMatter: FrontMatter; raw?: RawFrontMatter } | undefined {
  const raw = readRawFrontMatter(tree, file);
  if (raw === null) return undefined;
  if (raw === undefined) return { frontMatter: {} };
  // Marp's directives are Marp's; those that mean the same to Triptyque (title, author...) it reads too.
  const data = deckSource ? Object.fromEntries(Object.entries(raw.data).filter(([key]) => !isMarpDirective(key) || (FRONT_MATTER_KEYS.has(key) && key !== 'theme'))) : raw.data;
  let result = frontMatterSchema.safeParse(data);
  // A date another tool wrote its own way ("27 mai 2010", "11/11/2023") is read in the document's
  // language; one that reads as no calendar day leaves the publication undated, with a warning.
  if (!result.success && result.error.issues.every((issue) => issue.path[0] === 'date')) {
    const written = typeof raw.data['date'] === 'string' ? raw.data['date'] : undefined;
    const lang = typeof file.data['lang'] === 'string' ? file.data['lang'] : 'en';
    const read = written === undefined ? undefined : readWrittenDate(written, lang);
    const place = raw.yaml ? shiftLines(locateYamlPath(raw.yaml, ['date']), raw.lineOffset) : { line: raw.lineOffset + 1, column: 1 };
    if (read?.numeric) {
      file.info(`\`date\`: \`${written}\` is read as ${read.iso}, in the order \`${lang}\` writes dates; write it as YYYY-MM-DD to be sure`, { place, ruleId: 'front-matter-date', source: 'triptyque' });
    } else if (!read) {
      const shown = written === undefined ? '' : ` \`${written.slice(0, 60)}\``;
      file.message(`\`date\`:${shown} is not a calendar day: the publication is undated; write it as YYYY-MM-DD to date it`, { place, ruleId: 'front-matter-date', source: 'triptyque' });
    }
    result = frontMatterSchema.safeParse({ ...data, date: read?.iso });
  }
  if (!result.success) {
    reportIssues(file, raw, result.error, 'front-matter-invalid');
    return undefined;
  }
  const ignored = Object.keys(data).filter((key) => !FRONT_MATTER_KEYS.has(key));
  if (ignored.length > 0) {
    file.info(`front-matter keys Triptyque does not use are ignored: ${ignored.join(', ')}`, {
      place: { line: raw.lineOffset + 1, column: 1 },
      ruleId: 'front-matter-ignored',
      source: 'triptyque',
    });
  }
  return { frontMatter: result.data, raw };
}

/**
 * A document whose one top-level heading is its title (a README, a docs page, a Word file's
 * Title): that heading is the cover's, not a part of one chapter. Its text before the next
 * heading opens the body and its subsections are the body's sections.
 */
function withTitleHeadingLifted(tree: { preamble: Publication['preamble']; sections: Section[] }, declaredTitle: string | undefined): { preamble: Publication['preamble']; sections: Section[] } {
  const [only, ...others] = tree.sections;
  if (!only || others.length > 0) return tree;
  const same = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase() === b.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  if (declaredTitle !== undefined && !same(declaredTitle, only.titleText)) return tree;
  // A note called from the title has no place on the cover: the heading stays, with its call.
  if (holdsNoteCall(only.title)) return tree;
  // Its subsections keep their level: a README's ten short sections stay sections that share pages, not ten parts.
  return { preamble: [...tree.preamble, ...only.blocks], sections: only.children };
}

function holdsNoteCall(nodes: readonly Inline[]): boolean {
  return nodes.some((node) => node.type === 'footnoteReference' || ('children' in node && holdsNoteCall(node.children as Inline[])));
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
    const titleText = headingText(node);
    // A heading a dialect's reader gave an id (`{#sec:x}`, `{#custom-id}`) keeps it: links and cross-references go to it.
    const data = node.data as { id?: unknown; hProperties?: { id?: unknown } } | undefined;
    const given = [data?.hProperties?.id, data?.id].find((value): value is string => typeof value === 'string');
    const section: Section = { id: slug(titleText, given), depth, title: node.children, titleText, blocks: [], children: [], position: node.position, targets: TARGET_NAMES };
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    (stack.at(-1)?.children ?? root).push(section);
    stack.push(section);
    pending = [];
  }
  flush();
  return { preamble: toBlocks(preambleNodes, context), sections: root };
}
