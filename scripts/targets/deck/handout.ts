import type { Page } from 'puppeteer-core';
import type { Metadata } from '../../model/types';
import type { Theme } from '../../theme/load-theme';
import { fontFaceCss, themeVariables } from '../../theme/load-theme';

export interface HandoutSlide {
  png: Uint8Array;
  title: string;
  /** Notes paragraphs, as the presenter reads them. */
  notes: string[];
  /** "≈ 1 min 20 s". */
  timing: string;
}

export interface HandoutOptions {
  meta: Metadata;
  theme: Theme;
  /** "Durée totale ≈ 32 min". */
  summary: string;
}

/**
 * The speaker's handout on A4: each slide with its notes beside it, as Marp has no such layout.
 * Laid out in HTML and printed with Chromium's paged media (margin boxes for the running title
 * and page numbers).
 */
export function handoutDocument(slides: readonly HandoutSlide[], options: HandoutOptions): string {
  const { meta, theme } = options;
  const rows = slides
    .map((slide, index) => {
      const notes = slide.notes.length > 0 ? slide.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('') : '<p class="empty">Pas de notes.</p>';
      return `<article class="row"><figure><img src="data:image/png;base64,${Buffer.from(slide.png).toString('base64')}" alt=""><figcaption>${index + 1}. ${escapeHtml(slide.title)}</figcaption><div class="timing">${escapeHtml(slide.timing)}</div></figure><div class="notes">${notes}</div></article>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(meta.title)} — notes de l’orateur</title>
<style>
${fontFaceCss(theme, { embed: true })}
${themeVariables(theme)}
@page {
  size: A4;
  margin: 16mm 14mm 18mm;
  @top-left { content: ${cssString(meta.title)}; font: 8pt var(--font-heading); color: var(--color-muted); }
  @top-right { content: "Notes de l’orateur"; font: 8pt var(--font-heading); color: var(--color-muted); }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt var(--font-heading); color: var(--color-muted); }
}
html { font: 9.5pt/1.42 var(--font-text); color: var(--color-ink); }
body { margin: 0; }
h1 { font: 600 15pt/1.2 var(--font-heading); color: var(--color-accent-dark); margin: 0 0 2mm; }
.summary { font: 9pt var(--font-heading); color: var(--color-muted); margin: 0 0 6mm; }
.row { display: grid; grid-template-columns: 88mm 1fr; gap: 6mm; padding: 4mm 0; border-top: 0.3mm solid var(--color-rule); break-inside: avoid; }
figure { margin: 0; }
img { width: 88mm; display: block; border: 0.3mm solid var(--color-rule); }
figcaption { font: 600 8pt/1.3 var(--font-heading); color: var(--color-accent-dark); margin-top: 1.5mm; }
.timing { font: 8pt var(--font-heading); color: var(--color-highlight); margin-top: 0.8mm; }
.notes p { margin: 0 0 2mm; hyphens: manual; text-align: left; }
.notes p.empty { color: var(--color-muted); font-style: italic; }
</style></head><body>
<h1>${escapeHtml(meta.title)}</h1>
<p class="summary">${escapeHtml(options.summary)}</p>
${rows}
</body></html>`;
}

export async function printHandout(page: Page, html: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

function cssString(text: string): string {
  return JSON.stringify(text);
}
