import type { Publication, Section } from '../../model/types';

/**
 * A run of pages that share one running head. Chromium cannot copy a heading into the page
 * margin (no `string-set`), so each chapter gets its own named page whose margin boxes carry
 * the titles; a change of named page also starts a new page, which is where chapters begin.
 */
export interface Chapter {
  /** CSS page name, unique in the document. */
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

export function planChapters(publication: Publication, shows: (section: Section) => boolean): Chapter[] {
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
