import type { Page } from 'puppeteer-core';
import type { Metadata } from '../../model/types';
import type { Theme } from '../../theme/load-theme';
import { themeVariables } from '../../theme/load-theme';
import { messages } from '../../messages/messages';
import { showDocument } from './deck-page';
import { cssString } from '../../escape/css-string';

export interface HandoutSlide {
  /** The slide's Marp `<section>`, set in the handout as it is (vector text, not a picture). */
  section: string;
  title: string;
  /** Notes paragraphs, as the presenter reads them. */
  notes: string[];
  /** "≈ 1 min 20 s". */
  timing: string;
}

export interface HandoutOptions {
  meta: Metadata;
  theme: Theme;
  /** Marp's stylesheet for the sections. */
  slideCss: string;
  /** "Durée totale ≈ 32 min". */
  summary: string;
}

/**
 * The speaker's handout on A4: each slide with its notes beside it, as Marp has no such layout.
 * Laid out in HTML and printed with Chromium's paged media (margin boxes for the running title
 * and page numbers). Each slide is its Marp section scaled down into an 88 mm box: crisp at any
 * zoom, small, and no screenshot to take. Shown in a page that already has the fonts (`openFontPage`).
 */
export function handoutDocument(slides: readonly HandoutSlide[], options: HandoutOptions): { css: string; body: string; lang: string } {
  const { meta, theme } = options;
  const words = messages(meta.lang);
  const rows = slides
    .map((slide, index) => {
      const notes = slide.notes.length > 0 ? slide.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('') : `<p class="empty">${escapeHtml(words.noNotes)}</p>`;
      return `<article class="row"><figure><div class="slide"><div class="marpit">${slide.section}</div></div><figcaption>${index + 1}. ${escapeHtml(slide.title)}</figcaption><div class="timing">${escapeHtml(slide.timing)}</div></figure><div class="notes">${notes}</div></article>`;
    })
    .join('\n');
  const css = `${options.slideCss}
${themeVariables(theme)}
@page {
  size: A4;
  margin: 16mm 14mm 18mm;
  @top-left { content: ${cssString(meta.title)}; font: 8pt var(--font-heading); color: var(--color-muted); }
  @top-right { content: ${cssString(words.speakerNotes)}; font: 8pt var(--font-heading); color: var(--color-muted); }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt var(--font-heading); color: var(--color-muted); }
}
html { font: 9.5pt/1.42 var(--font-text); color: var(--color-ink); }
html, body { margin: 0; background: #fff; break-inside: auto; page-break-inside: auto; }
h1.handout-title { font: 600 15pt/1.2 var(--font-heading); color: var(--color-accent-dark); margin: 0 0 2mm; }
.summary { font: 9pt var(--font-heading); color: var(--color-muted); margin: 0 0 6mm; }
.row { display: grid; grid-template-columns: 88mm 1fr; gap: 6mm; padding: 4mm 0; border-top: 0.3mm solid var(--color-rule); break-inside: avoid; }
figure { margin: 0; }
/* 1280x720 px scaled to 88 mm wide (88 mm = 332.6 px). */
.slide { width: 88mm; height: 49.5mm; overflow: hidden; border: 0.3mm solid var(--color-rule); }
.slide div.marpit > section { transform: scale(${SLIDE_SCALE}); transform-origin: 0 0; break-before: auto; page-break-before: auto; }
figcaption { font: 600 8pt/1.3 var(--font-heading); color: var(--color-accent-dark); margin-top: 1.5mm; }
.timing { font: 8pt var(--font-heading); color: var(--color-highlight); margin-top: 0.8mm; }
.notes p { margin: 0 0 2mm; hyphens: manual; text-align: left; }
.notes p.empty { color: var(--color-muted); font-style: italic; }
`;
  const body = `<h1 class="handout-title">${escapeHtml(meta.title)}</h1>
<p class="summary">${escapeHtml(options.summary)}</p>
${rows}`;
  return { css, body, lang: meta.lang };
}

const SLIDE_SCALE = ((88 / 25.4) * 96) / 1280;

/** Prints the handout in a page opened with `openFontPage`. */
export async function printHandout(page: Page, document: { css: string; body: string; lang: string }): Promise<Uint8Array> {
  await showDocument(page, document);
  return page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
}
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

