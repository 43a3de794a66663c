import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { FRONT_MATTER, tempDir, writeSource } from '../../../test/helpers';
import { BrowserService } from '../../browser/browser-service';
import { build } from '../../core/build';
import { PACKAGE_ROOT } from '../../paths';
import { fillContentsSlots } from './contents-numbers';
import { comparableText, pdfPageTexts } from './pdf-text';

const browser = new BrowserService();
afterAll(() => browser.close());

const paragraph = 'Les acteurs du territoire se retrouvent pour partager leurs pratiques et construire ensemble des réponses communes. ';
/** Three chapters; the first one `length` paragraphs long, so the later ones move when it grows. */
function source(length: number): string {
  const chapter = (title: string, paragraphs: number) => `## ${title}\n\n${Array.from({ length: paragraphs }, () => paragraph.repeat(4)).join('\n\n')}\n\n`;
  return `${FRONT_MATTER}# Première partie\n\n${chapter('Ouverture', length)}${chapter('Ateliers', 3)}# Seconde partie\n\n${chapter('Clôture', 2)}`;
}

/** One source file per output folder: a rebuild is the same source edited, not another one. */
const sources = new Map<string, string>();

async function buildInto(outDir: string, markdown: string, onArtifact?: (path: string) => void) {
  const known = sources.get(outDir);
  if (known) writeFileSync(known, markdown);
  const path = known ?? writeSource(markdown);
  sources.set(outDir, path);
  const result = await build({ sources: [path], root: PACKAGE_ROOT, outDir, only: ['brochure'], browser, force: true, onArtifact });
  const brochure = result.reports[0]!.targets.brochure!;
  expect(brochure.error).toBeUndefined();
  return brochure;
}

/** Title -> the number the contents page prints beside it, and the page where the heading is. */
async function listedAndActual(pdfPath: string, titles: string[]) {
  // Lower case: the contents print the parts' titles in capitals.
  const pages = (await pdfPageTexts(new Uint8Array(readFileSync(pdfPath)))).map((text) => comparableText(text).toLowerCase());
  return titles.map((title) => ({
    title,
    listed: Number(new RegExp(`${title.toLowerCase()}[ .]*(\\d+)`).exec(pages[1]!)?.[1]),
    actual: pages.findIndex((text, index) => index >= 2 && text.includes(title.toLowerCase())) + 1,
  }));
}

describe('the contents page numbers', () => {
  const titles = ['Ouverture', 'Ateliers', 'Seconde partie', 'Clôture'];

  it('a cold build prints the brochure once and its contents numbers match the pages where the chapters start', async () => {
    const outDir = tempDir('triptyque-contents-');
    const brochure = await buildInto(outDir, source(2));
    expect(brochure.counts['prints']).toBe(1);
    for (const entry of await listedAndActual(join(outDir, 'essai', 'brochure.pdf'), titles)) expect(entry.listed, entry.title).toBe(entry.actual);
  });

  it('are right after an edit moved the chapters, still in one print, and brochure.html says the same', async () => {
    const outDir = tempDir('triptyque-contents-');
    await buildInto(outDir, source(2));
    const before = await listedAndActual(join(outDir, 'essai', 'brochure.pdf'), titles);
    const brochure = await buildInto(outDir, source(14));
    expect(brochure.counts['prints']).toBe(1);
    const after = await listedAndActual(join(outDir, 'essai', 'brochure.pdf'), titles);
    expect(after.find((entry) => entry.title === 'Clôture')!.actual).toBeGreaterThan(before.find((entry) => entry.title === 'Clôture')!.actual);
    for (const entry of after) expect(entry.listed, entry.title).toBe(entry.actual);
    const html = readFileSync(join(outDir, 'essai', 'brochure.html'), 'utf8');
    const inHtml = [...html.matchAll(/<span class="toc-title">([^<]*)<\/span><span class="toc-page">(\d+)<\/span>/g)].map((match) => [match[1], Number(match[2])]);
    for (const entry of after) expect(inHtml.find(([title]) => String(title).includes(entry.title))?.[1], entry.title).toBe(entry.actual);
  });

  it('a rebuild that moves no chapter writes brochure.html once, before the print, with the numbers the earlier build found', async () => {
    const outDir = tempDir('triptyque-contents-');
    const writes = (into: string[]) => (path: string) => into.push(path.split('/').pop()!);
    const first: string[] = [];
    await buildInto(outDir, source(2), writes(first));
    // A first build has no earlier numbers: its HTML is written again once the print has them.
    expect(first.filter((name) => name === 'brochure.html')).toHaveLength(2);
    const second: string[] = [];
    await buildInto(outDir, source(2), writes(second));
    expect(second.filter((name) => name === 'brochure.html')).toHaveLength(1);
    expect(second.indexOf('brochure.html')).toBeLessThan(second.indexOf('brochure.pdf'));
    const listed = await listedAndActual(join(outDir, 'essai', 'brochure.pdf'), titles);
    const html = readFileSync(join(outDir, 'essai', 'brochure.html'), 'utf8');
    for (const entry of listed) expect(html, entry.title).toMatch(new RegExp(`${entry.title}</span><span class="toc-page">${entry.actual}<`));
  });
});

describe('filling the contents slots', () => {
  it('leaves a PDF without slots as it was and says so, so the brochure is printed again with the numbers', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Sommaire 0123456789', { font, x: 50, y: 700 });
    const before = await pdf.save();
    expect(fillContentsSlots(pdf, [3, 5], 1)).toBe(false);
    expect(Buffer.from(await pdf.save()).equals(Buffer.from(before))).toBe(true);
  });
});
