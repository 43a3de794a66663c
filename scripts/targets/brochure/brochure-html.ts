import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Publication, Section } from '../../model/types';
import { hyphenateHast } from '../../typography/rehype-hyphenate-french';
import { blocksToHast, footnoteId, inlineToHast, type BlockRenderOptions } from './blocks-to-hast';
import { planChapters, type Chapter } from './chapters';
import { footnoteNumbers } from '../../model/footnote-numbers';
import { CONTENTS_SLOT_CSS, contentsSlot } from './contents-numbers';
import { formatDate } from '../../typography/format-date';
import { messages } from '../../messages/messages';
import { pageRulesCss } from './page-geometry';
import { textDirection } from '../../model/text-direction';

export interface BrochureHtmlOptions {
  /** Stylesheets put in the head, in order: fonts, theme variables, brochure.css. */
  stylesheets: readonly string[];
  sourceDir: string;
  /** 0 for the reading PDF, the bleed in mm for the print shop's variant. */
  bleedMm: number;
  /** Page of each heading (section id -> page); unknown numbers print as a placeholder of the same width. */
  pageNumbers?: ReadonlyMap<string, number>;
  /** Slots instead of numbers, for a print whose numbers are written in afterwards (contents-numbers.ts). */
  contentsSlots?: boolean;
  /** The theme's logo as data URLs: the cover is dark, the back cover light. */
  logo?: BrochureLogo;
  /** The HTML that is kept: images inside it (the stylesheets given embed the fonts likewise). */
  portable?: boolean;
}

export interface BrochureLogo {
  onDark: string;
  onLight: string;
  alt: string;
}

export interface ContentsEntry {
  id: string;
  depth: number;
  title: string;
}

export interface BrochureDocument {
  html: string;
  chapters: Chapter[];
  /** The headings listed on the contents page, in order. */
  contents: ContentsEntry[];
  /** The anchor of each note that the text calls. */
  footnotes: string[];
}

/** Depth of headings listed on the contents page and in the bookmarks. */
export const CONTENTS_DEPTH = 3;
const TARGET = 'brochure';

/** Model -> the print HTML: cover, contents, chapters on named pages, back cover. Pure. */
export function brochureHtml(publication: Publication, options: BrochureHtmlOptions): BrochureDocument {
  const shows = (section: Section) => section.targets.includes(TARGET);
  const chapters = planChapters(publication, shows);
  // A contents page, and bookmarks, only where there are parts to find: one part is the whole text.
  const contents = publication.sections.filter(shows).length > 1 ? contentsEntries(publication.sections, shows) : [];
  const render: BlockRenderOptions = { sourceDir: options.sourceDir, target: TARGET, footnotes: footnoteNumbers(publication), embedImages: options.portable, calls: new Map() };
  const body: Root = {
    type: 'root',
    children: [
      cover(publication, options.logo),
      ...(contents.length > 0 ? [contentsPage(contents, messages(publication.meta.lang).contentsTitle, options)] : []),
      element('main', { className: ['body'] }, [...preamble(publication, render, chapters[0]), ...chapters.map((chapter) => chapterElement(chapter, shows, render))]),
      backCover(publication, options.logo),
    ],
  };
  // Last step: French soft hyphens in running text (covers and contents are marked `no-hyphens`).
  hyphenateHast(body, publication.meta.lang);
  const meta = publication.meta;
  const head = [
    '<meta charset="utf-8">',
    `<title>${escapeText(meta.title)}</title>`,
    meta.author ? `<meta name="author" content="${escapeText(meta.author)}">` : '',
    meta.subtitle ? `<meta name="description" content="${escapeText(meta.subtitle)}">` : '',
    ...options.stylesheets.map((css) => `<style>${css}</style>`),
    `<style>${pageRulesCss({ bleedMm: options.bleedMm, chapters })}</style>`,
    options.contentsSlots ? `<style>${CONTENTS_SLOT_CSS}</style>` : '',
  ].filter(Boolean);
  const html = `<!doctype html>\n<html lang="${escapeText(meta.lang)}" dir="${textDirection(meta.lang)}">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${toHtml(body)}\n</body>\n</html>\n`;
  const footnotes = [...(render.calls ?? new Map<string, number>()).keys()].flatMap((identifier) => {
    const number = render.footnotes?.get(identifier);
    return number === undefined ? [] : [footnoteId(number)];
  });
  return { html, chapters, contents, footnotes };
}

function contentsEntries(sections: readonly Section[], shows: (section: Section) => boolean): ContentsEntry[] {
  return sections
    .filter(shows)
    .flatMap((section) => [
      { id: section.id, depth: section.depth, title: section.titleText },
      ...(section.depth < CONTENTS_DEPTH ? contentsEntries(section.children, shows) : []),
    ]);
}

function logoImage(className: string, src: string, alt: string): Element {
  return element('img', { className: [className], src, alt }, []);
}

function cover(publication: Publication, logo: BrochureLogo | undefined): Element {
  const { meta } = publication;
  return element('header', { className: ['cover', 'no-hyphens'] }, [
    logo ? logoImage('cover-logo', logo.onDark, logo.alt) : undefined,
    meta.event ? element('p', { className: ['cover-event'] }, [text(meta.event)]) : undefined,
    element('div', { className: ['cover-titles'] }, [
      element('p', { className: ['cover-title'] }, [text(meta.title)]),
      meta.subtitle ? element('p', { className: ['cover-subtitle'] }, [text(meta.subtitle)]) : undefined,
    ]),
    meta.authors.length > 0
      ? element(
          'ul',
          { className: ['cover-authors'] },
          meta.authors.map((person) =>
            element('li', { className: ['cover-author'] }, [
              element('span', { className: ['cover-author-name'] }, [text(person.name)]),
              person.affiliation ? element('span', { className: ['cover-author-affiliation'] }, [text(person.affiliation)]) : undefined,
            ]),
          ),
        )
      : undefined,
    element('div', { className: ['cover-foot'] }, [
      meta.date === undefined ? undefined : element('p', { className: ['cover-date'] }, [element('time', { dateTime: meta.date }, [text(formatDate(meta.date, meta.lang))])]),
      meta.organisation ? element('p', { className: ['cover-organisation'] }, [text(meta.organisation)]) : undefined,
    ]),
  ]);
}

function contentsPage(entries: readonly ContentsEntry[], contentsTitle: string, { pageNumbers, contentsSlots }: BrochureHtmlOptions): Element {
  return element('nav', { className: ['contents', 'no-hyphens'], ariaLabelledBy: ['contents-title'] }, [
    element('h2', { className: ['contents-title'], id: 'contents-title' }, [text(contentsTitle)]),
    element(
      'ol',
      { className: ['toc'] },
      entries.map((entry, index) =>
        element('li', { className: ['toc-entry', `toc-depth-${entry.depth}`] }, [
          element('a', { href: `#${entry.id}` }, [
            element('span', { className: ['toc-title'] }, [text(entry.title)]),
            element('span', { className: ['toc-page'] }, [contentsSlots ? contentsSlot(index) : text(String(pageNumbers?.get(entry.id) ?? '00'))]),
          ]),
        ]),
      ),
    ),
  ]);
}

/** What comes before the first heading (a README's badges and logo) opens the first chapter's pages, not a page of its own. */
function preamble(publication: Publication, render: BlockRenderOptions, first: Chapter | undefined): Element[] {
  const blocks = blocksToHast(publication.preamble, render);
  return blocks.length > 0 ? [element('section', { className: ['preamble'], style: first ? `page:${first.pageName}` : undefined }, blocks)] : [];
}

function chapterElement(chapter: Chapter, shows: (section: Section) => boolean, render: BlockRenderOptions): Element {
  const children: ElementContent[] = [];
  if (chapter.part) {
    children.push(heading(chapter.part, render));
    if (!chapter.section) children.push(...blocksToHast(chapter.part.blocks, render));
  }
  if (chapter.section) children.push(...sectionContent(chapter.section, shows, render));
  return element('section', { className: ['chapter'], style: `page:${chapter.pageName}` }, children);
}

function sectionContent(section: Section, shows: (section: Section) => boolean, render: BlockRenderOptions): ElementContent[] {
  return [
    heading(section, render),
    ...blocksToHast(section.blocks, render),
    ...section.children.filter(shows).map((child) => element('section', { className: ['subsection'] }, sectionContent(child, shows, render))),
  ];
}

function heading(section: Section, render: BlockRenderOptions): Element {
  return element(`h${Math.min(section.depth, 6)}`, { id: section.id }, inlineToHast(section.title, render));
}

function backCover(publication: Publication, logo: BrochureLogo | undefined): Element {
  const { meta } = publication;
  return element('footer', { className: ['back-cover', 'no-hyphens'] }, [
    meta.backCover?.length ? element('div', { className: ['back-cover-lines'] }, meta.backCover.map((line) => element('p', {}, [text(line)]))) : undefined,
    logo ? logoImage('back-cover-logo', logo.onLight, logo.alt) : undefined,
    element('div', { className: ['back-cover-foot'] }, [
      meta.organisation ? element('p', { className: ['back-cover-organisation'] }, [text(meta.organisation)]) : undefined,
      meta.date === undefined ? undefined : element('p', { className: ['back-cover-date'] }, [text(formatDate(meta.date, meta.lang))]),
    ]),
  ]);
}

function element(tagName: string, properties: Properties, children: (ElementContent | undefined)[]): Element {
  return { type: 'element', tagName, properties, children: children.filter((child): child is ElementContent => child !== undefined) };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
