import { cssString } from '../../escape/css-string';
import type { Chapter } from './chapters';

/** A5 portrait, in millimetres; inner margins are the ones at the fold. */
export const PAGE = { width: 148, height: 210, top: 18, bottom: 20, inner: 17, outer: 15 } as const;
export const BLEED_MM = 3;
export const MM_TO_PT = 72 / 25.4;

export interface PageCssOptions {
  /** Extra paper around every page: 0 for reading, BLEED_MM for the print shop's variant. */
  bleedMm: number;
  chapters: readonly Chapter[];
}

/**
 * The @page rules that depend on numbers or content: sizes and margins (grown by the bleed so
 * the text block does not move), and one named page per chapter carrying its running heads.
 * Styling of the margin boxes lives in brochure.css.
 */
export function pageRulesCss({ bleedMm, chapters }: PageCssOptions): string {
  const mm = (value: number) => `${value + bleedMm}mm`;
  const size = `${PAGE.width + 2 * bleedMm}mm ${PAGE.height + 2 * bleedMm}mm`;
  const rules = [
    `:root{--bleed:${bleedMm}mm}`,
    `@page{size:${size};margin:${mm(PAGE.top)} ${mm(PAGE.outer)} ${mm(PAGE.bottom)} ${mm(PAGE.inner)}}`,
    `@page :left{margin-left:${mm(PAGE.outer)};margin-right:${mm(PAGE.inner)}}`,
    `@page :right{margin-left:${mm(PAGE.inner)};margin-right:${mm(PAGE.outer)}}`,
    // Covers are drawn edge to edge (into the bleed) by their own element.
    `@page cover{margin:0}`,
    `@page back{margin:0}`,
  ];
  // Chapters of one run of pages share its named page, and its rules.
  for (const chapter of new Map(chapters.map((chapter) => [chapter.pageName, chapter])).values()) {
    rules.push(
      `@page ${chapter.pageName}:left{@top-left{content:${cssString(chapter.leftHead)}}}`,
      `@page ${chapter.pageName}:right{@top-right{content:${cssString(chapter.rightHead)}}}`,
    );
  }
  return rules.join('\n');
}
