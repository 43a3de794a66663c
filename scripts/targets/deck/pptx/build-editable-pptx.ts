import { fileURLToPath } from 'node:url';
import PptxGenJS from 'pptxgenjs';
import type { Metadata } from '../../../model/types';
import type { Theme } from '../../../theme/load-theme';
import type { Box, LayoutBlock, SlideLayout, TextParagraph, TextRun } from './slide-layout';
import { finishSlides, type SlideFinish } from './finish-slides';
import { newPresentation, slideInches, writePresentation, type SlideInches, type SlidePixels } from './presentation';

export interface EditableSlide {
  layout: SlideLayout;
  /** Speaker notes, the speaking time first. */
  notes: string;
}

/** The size of a deck with no slide to measure: the planned deck's 16:9. */
const WIDESCREEN: SlidePixels = { width: 1280, height: 720 };

/** The slide layouts of the file, one per kind of slide (PowerPoint's "Layout" menu shows them by these names). */
const MASTERS = { title: 'Triptyque Title', section: 'Triptyque Section', subsection: 'Triptyque Subsection', content: 'Triptyque Content' } as const;

type TextProps = PptxGenJS.TextProps;

/**
 * deck.pptx as native slides: each slide of the fitted deck, laid out from what Chromium measured
 * (a text box per block, at the block's place and size), the title in the layout's title
 * placeholder, lists with real bullets and levels, tables as tables, images as pictures, and the
 * notes; every run tagged with the document's language.
 */
export async function buildEditablePptx(slides: readonly EditableSlide[], meta: Metadata, theme: Theme): Promise<Uint8Array> {
  // Marp's `size` is the deck's, one for all its slides: the first slide's measured box is the presentation's.
  const at = new Placement(slideInches(slides[0]?.layout.size ?? WIDESCREEN));
  const pptx = newPresentation(meta, at.slide);
  // A PPTX cannot carry the woff2 files: the theme's names, which PowerPoint and LibreOffice substitute when missing.
  pptx.theme = { headFontFace: theme.fonts.heading.family, bodyFontFace: theme.fonts.text.family };
  defineMasters(pptx, theme);

  const finishes: SlideFinish[] = [];
  for (const { layout, notes } of slides) {
    const slide = pptx.addSlide({ masterName: masterOf(layout.kind) });
    const finish: SlideFinish = { markerColors: [], page: layout.page ? pageWords(layout.page) : undefined };
    finishes.push(finish);
    slide.background = { color: bare(layout.background) };
    for (const shape of layout.shapes) slide.addShape('rect', { ...at.inches(shape.box), fill: { color: bare(shape.color) }, line: { type: 'none' } });
    addTitle(slide, layout, finish, at);
    for (const block of layout.blocks) addBlock(slide, block, finish, at);
    if (layout.header) slide.addText(layout.header.run.text, { ...at.inches(layout.header.box), ...runProps(layout.header.run, at), ...FLAT });
    if (layout.footer) slide.addText(layout.footer.run.text, { ...at.inches(layout.footer.box), ...runProps(layout.footer.run, at), ...FLAT });
    if (layout.page) {
      const run = runProps(layout.page.run, at);
      slide.slideNumber = { ...at.inches(layout.page.box), fontFace: run.fontFace, fontSize: run.fontSize, color: run.color, align: 'right' };
    }
    if (notes) slide.addNotes(notes);
  }
  return writePresentation(pptx, meta.lang, (parts) => finishSlides(parts, finishes));
}

/** The words the deck shows around the page number ("11 / 30"): PowerPoint's field keeps the number, the rest is fixed text. */
function pageWords(page: NonNullable<SlideLayout['page']>): SlideFinish['page'] {
  const at = page.shown.indexOf(String(page.number));
  return at < 0 ? undefined : { before: page.shown.slice(0, at), after: page.shown.slice(at + String(page.number).length) };
}

/**
 * A text box at the place and size the HTML gave it; set to shrink on overflow, since the office
 * suite may lay the text out in a wider substitute of the theme's font.
 */
const FLAT = { margin: 0, valign: 'top', align: 'left', wrap: true, fit: 'shrink' } as const;

function defineMasters(pptx: PptxGenJS, theme: Theme): void {
  const { colors } = theme;
  // No place of its own: pptxgenjs would put every slide's title there instead of where the slide has it.
  // It writes the layout's placeholder at the top left, 75 % of the presentation's width: on the slide whatever its size.
  const title = (color: string) => ({ placeholder: { options: { name: 'title', type: 'title' as const, color: bare(color), fontFace: theme.fonts.heading.family }, text: '' } });
  pptx.defineSlideMaster({ title: MASTERS.title, background: { color: bare(colors.accent) }, objects: [title(colors.paper)] });
  pptx.defineSlideMaster({ title: MASTERS.section, background: { color: bare(colors.accentDark) }, objects: [title(colors.paper)] });
  pptx.defineSlideMaster({ title: MASTERS.subsection, background: { color: bare(colors.accentSoft) }, objects: [title(colors.accentDark)] });
  pptx.defineSlideMaster({ title: MASTERS.content, background: { color: bare(colors.paper) }, objects: [title(colors.accentDark)] });
}

function masterOf(kind: string): string {
  if (kind === 'title') return MASTERS.title;
  if (kind === 'divider') return MASTERS.section;
  if (kind === 'subdivider') return MASTERS.subsection;
  return MASTERS.content;
}

function addTitle(slide: PptxGenJS.Slide, layout: SlideLayout, finish: SlideFinish, at: Placement): void {
  const { title } = layout;
  // Every slide has a title for the outline and screen readers, even one whose HTML shows none.
  const box = title.box.w > 0 ? title.box : at.titleBox;
  const runs = title.paragraphs.length > 0 ? paragraphRuns(title.paragraphs, finish, at) : [{ text: title.text || ' ' }];
  slide.addText(runs, { placeholder: 'title', ...at.inches(box), ...FLAT, lineSpacingMultiple: 0.95 });
}

function addBlock(slide: PptxGenJS.Slide, block: LayoutBlock, finish: SlideFinish, at: Placement): void {
  const { pt } = at;
  const ptPerPx = 72 / at.slide.pxPerInch;
  switch (block.kind) {
    case 'image':
      addImage(slide, block, at);
      return;
    case 'table': {
      const width = block.columns.reduce((sum, column) => sum + column, 0) || block.box.w;
      const rows = block.rows.map((row) =>
        row.cells.map((cell) => ({
          text: cell.map((run) => ({ text: run.text, options: runProps(run, at) })),
          options: { border: [{ type: 'none' }, { type: 'none' }, { type: 'solid', pt: (row.header ? 2 : 1) * ptPerPx, color: bare(block.rule || '#cccccc') }, { type: 'none' }] as [PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps], valign: 'middle' as const },
        })),
      );
      slide.addTable(rows, { ...at.inches(block.box), colW: block.columns.map((column) => (column / width) * (block.box.w / at.slide.pxPerInch)), fontSize: pt(block.fontPx), margin: [0.3 * block.fontPx * ptPerPx, 0.7 * block.fontPx * ptPerPx, 0.3 * block.fontPx * ptPerPx, 0.7 * block.fontPx * ptPerPx] });
      return;
    }
    case 'text': {
      if (block.borderLeft) slide.addShape('rect', { ...at.inches({ ...block.box, w: block.borderLeft.px }), fill: { color: bare(block.borderLeft.color) }, line: { type: 'none' } });
      const inset = block.fill ? { x: block.box.x + (block.borderLeft?.px ?? 0), w: block.box.w - (block.borderLeft?.px ?? 0) } : {};
      // pptxgenjs takes the insets as [left, right, bottom, top], in points; a list's padding is its bullets' indent instead.
      const { top, right, bottom, left } = block.padding;
      const padding = block.tag === 'ul' || block.tag === 'ol' ? 0 : [left, right, bottom, top].map(pt);
      // The list's indent, as the theme's `padding-left` of 1.15em and a little room for a number.
      slide.addText(paragraphRuns(block.paragraphs, finish, at, pt(block.fontPx * 1.3)), {
        ...at.inches({ ...block.box, ...inset }),
        ...FLAT,
        margin: padding as PptxGenJS.Margin,
        fill: block.fill ? { color: bare(block.fill) } : undefined,
        lineSpacing: pt(block.lineHeightPx),
        paraSpaceAfter: block.tag === 'ul' || block.tag === 'ol' ? pt(block.fontPx * 0.32) : pt(block.fontPx * 0.35),
      });
    }
  }
}

function addImage(slide: PptxGenJS.Slide, block: Extract<LayoutBlock, { kind: 'image' }>, at: Placement): void {
  const box = at.inches(block.box);
  const natural = block.background?.natural;
  // A background picture fills its box as Marp draws it: cropped to cover it, or whole inside it.
  const where = natural ? { ...box, h: (box.w * natural.h) / natural.w, altText: block.alt, sizing: { type: block.background!.fit, w: box.w, h: box.h } } : { ...box, altText: block.alt };
  if (block.src.startsWith('data:')) slide.addImage({ ...where, data: block.src.slice('data:'.length) });
  else if (block.src.startsWith('file:')) slide.addImage({ ...where, path: fileURLToPath(block.src) });
  // A web background was not fetched at render time: a grey box holds its place, with its description if it has one.
  else if (block.background) slide.addText(block.alt, { ...box, ...FLAT, italic: true, fill: { color: 'E6E6E6' } });
  // A web image was not fetched at render time: its description stands in its place.
  else slide.addText(block.alt || block.src, { ...where, ...FLAT, italic: true });
}

/** pptxgenjs runs: a paragraph's bullet and level on its first run, a line break after its last; each bullet's colour noted in `finish`. */
function paragraphRuns(paragraphs: readonly TextParagraph[], finish: SlideFinish, placement: Placement, indent = 24): TextProps[] {
  const out: TextProps[] = [];
  paragraphs.forEach((paragraph, index) => {
    const last = index === paragraphs.length - 1;
    const runs = paragraph.runs.length > 0 ? paragraph.runs : undefined;
    const bullet = paragraph.bullet === 'number' ? { type: 'number' as const, indent, numberStartAt: paragraph.number ?? 1 } : paragraph.bullet === 'bullet' ? { indent, characterCode: paragraph.level === 0 ? '25AA' : '2013' } : undefined;
    const indentLevel = paragraph.level;
    (runs ?? [{ text: '' } as TextRun]).forEach((run, at, all) => {
      const options: PptxGenJS.TextPropsOptions = run.fontPx ? runProps(run, placement) : {};
      if (at === 0) {
        if (bullet) {
          options.bullet = bullet;
          finish.markerColors.push(paragraph.markerColor);
        }
        // An item's further paragraph lines up with the item's text: an invisible bullet gives it the same indent.
        else if (paragraph.continued) {
          options.bullet = { indent, characterCode: '200B' };
          finish.markerColors.push(undefined);
        }
        options.indentLevel = indentLevel;
      }
      if (at > 0 && all[at - 1]!.breakAfter) options.softBreakBefore = true;
      if (at === all.length - 1 && !last) options.breakLine = true;
      out.push({ text: run.text, options });
    });
  });
  return out;
}

function runProps(run: TextRun, at: Placement): PptxGenJS.TextPropsOptions {
  return {
    fontFace: run.font,
    fontSize: at.pt(run.fontPx),
    color: bare(run.color),
    bold: run.bold,
    italic: run.italic,
    superscript: run.superscript || undefined,
    hyperlink: run.link && /^(https?:|mailto:)/.test(run.link) ? { url: run.link } : undefined,
  };
}

/** Where the HTML slide's pixels fall on the PowerPoint slide of the deck's size. */
class Placement {
  /** The title's box on a slide whose HTML shows none: at the top, within the planned deck's side margins (84 px of 1280) in proportion. */
  readonly titleBox: Box;

  constructor(readonly slide: SlideInches) {
    const width = slide.width * slide.pxPerInch;
    this.titleBox = { x: (width * 84) / 1280, y: 20, w: (width * 1112) / 1280, h: 40 };
  }

  /** A box in inches, clamped to the slide: a box is never placed outside it. */
  readonly inches = (box: Box): { x: number; y: number; w: number; h: number } => {
    const { width, height, pxPerInch } = this.slide;
    const x = Math.max(0, Math.min(box.x / pxPerInch, width));
    const y = Math.max(0, Math.min(box.y / pxPerInch, height));
    return { x, y, w: Math.max(0.01, Math.min(box.w / pxPerInch, width - x)), h: Math.max(0.01, Math.min(box.h / pxPerInch, height - y)) };
  };

  /** A length of the HTML slide in points (72 pt an inch), to a tenth. */
  readonly pt = (px: number): number => Math.round(((px * 72) / this.slide.pxPerInch) * 10) / 10;
}

function bare(color: string): string {
  return color.replace(/^#/, '').toUpperCase() || '000000';
}
