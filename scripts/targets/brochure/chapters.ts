import { blockText } from '../../model/plain-text';
import type { Block, Publication, Section } from '../../model/types';

/**
 * A chapter and the run of pages it is printed on. Chromium cannot copy a heading into the page
 * margin (no `string-set`), so each run of pages gets its own named page whose margin boxes
 * carry the titles; a change of named page also starts a new page. A chapter long enough to
 * fill half a page opens a run; shorter ones continue the run before them, on the same page, so
 * a document of many short sections does not print pages of two lines.
 */
export interface Chapter {
  /** CSS page name of the run of pages the chapter is on (shared by the chapters of one run). */
  pageName: string;
  /** Running head on left-hand pages: the part (depth-1) title. */
  leftHead: string;
  /** Running head on right-hand pages: the chapter's own (depth-2) title, or the part's. */
  rightHead: string;
  /** The depth-1 section opening here, whose heading leads the chapter (first chapter of a part). */
  part?: Section;
  /** The depth-2 section of the chapter, absent for a part's own blocks or a part without children. */
  section?: Section;
}

const HEAD_LENGTH = 48;

/** Cuts a long title at a word boundary, so it fits a margin box on one line. */
export function shortenTitle(title: string, max = HEAD_LENGTH): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.search(/[\s\u00a0\u202f][^\s\u00a0\u202f]*$/u);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s\u00a0\u202f,;:.–—-]+$/u, '')}…`;
}

/** Estimated lines of the text block of an A5 page (9.6 pt on 1.45 lines, about 62 characters a line). */
const PAGE_LINES = 36;
const LINE_CHARACTERS = 62;
/** A chapter opens a new page when it fills at least this much of one. */
const OPENS_PAGE_AT = PAGE_LINES / 2;

export function planChapters(publication: Publication, shows: (section: Section) => boolean): Chapter[] {
  const chapters = chaptersOf(publication, shows);
  return pageRuns(chapters, shows, shortenTitle(publication.meta.title));
}

/**
 * Chapters grouped into runs of pages: a run's chapters share its named page. Its running heads
 * name what its pages belong to: the opening chapter's own when the run is that chapter (and
 * at most half a page of short ones after it, on its last page), else the part when the run
 * stays within one, else the document's title.
 */
function pageRuns(chapters: Chapter[], shows: (section: Section) => boolean, documentHead: string): Chapter[] {
  const runs: { chapter: Chapter; lines: number }[][] = [];
  for (const chapter of chapters) {
    const current = runs.at(-1);
    const lines = estimatedLines(chapter, shows);
    if (!current || lines >= OPENS_PAGE_AT) runs.push([{ chapter, lines }]);
    else current.push({ chapter, lines });
  }
  return runs.flatMap((run) => {
    const [{ chapter: first, lines: firstLines }, ...rest] = run as [{ chapter: Chapter; lines: number }, ...{ chapter: Chapter; lines: number }[]];
    const restLines = rest.reduce((sum, entry) => sum + entry.lines, 0);
    if (rest.length === 0 || (firstLines >= PAGE_LINES && restLines < OPENS_PAGE_AT)) return run.map(({ chapter }) => ({ ...chapter, pageName: first.pageName, leftHead: first.leftHead, rightHead: first.rightHead }));
    const onePart = run.every(({ chapter }) => chapter.leftHead === first.leftHead);
    const head = onePart ? first.leftHead : documentHead;
    return run.map(({ chapter }) => ({ ...chapter, pageName: first.pageName, leftHead: head, rightHead: head }));
  });
}

/** How many lines of the page a chapter takes, roughly: enough to tell a short chapter from a long one. */
function estimatedLines(chapter: Chapter, shows: (section: Section) => boolean): number {
  const shown = (blocks: readonly Block[]) => blocks.filter((block) => block.targets.includes('brochure'));
  const section = (of: Section): number => 3 + blocksLines(shown(of.blocks)) + of.children.filter(shows).reduce((sum, child) => sum + section(child), 0);
  let lines = 0;
  if (chapter.part) lines += chapter.section ? 4 : 4 + blocksLines(shown(chapter.part.blocks));
  if (chapter.section) lines += section(chapter.section);
  return lines;
}

function blocksLines(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + blockLines(block), 0);
}

function blockLines(block: Block): number {
  const textLines = (text: string) => text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / LINE_CHARACTERS)), 0);
  switch (block.type) {
    case 'code':
      return 1 + block.value.split('\n').length * 0.85;
    case 'table':
      return 1 + block.rows.length * 1.4;
    case 'image':
      return 12;
    case 'quote':
    case 'notes':
      return blocksLines(block.blocks);
    case 'slide-break':
    case 'page-break':
      return 0;
    case 'rule':
      return 1;
    default:
      return 0.5 + textLines(blockText(block));
  }
}

function chaptersOf(publication: Publication, shows: (section: Section) => boolean): Chapter[] {
  const chapters: Chapter[] = [];
  publication.sections.filter(shows).forEach((part, partIndex) => {
    const partHead = shortenTitle(part.titleText);
    const children = part.children.filter(shows);
    const ownBlocks = part.blocks.some((block) => block.targets.includes('brochure'));
    // The part's own blocks (or a part with no chapters) form a chapter of their own.
    if (children.length === 0 || ownBlocks) {
      chapters.push({ pageName: `chapter-${partIndex + 1}`, leftHead: partHead, rightHead: partHead, part });
    }
    children.forEach((section, index) => {
      chapters.push({
        pageName: `chapter-${partIndex + 1}-${index + 1}`,
        leftHead: partHead,
        rightHead: shortenTitle(section.titleText),
        part: index === 0 && !ownBlocks ? part : undefined,
        section,
      });
    });
  });
  return chapters;
}
