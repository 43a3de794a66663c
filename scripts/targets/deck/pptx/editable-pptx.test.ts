import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_SOURCE, tempDir, writeSource } from '../../../../test/helpers';
import { tool } from '../../../../test/tools';
import { BrowserService } from '../../../browser/browser-service';
import { settingsSchema } from '../../../config/schema';
import { build } from '../../../core/build';
import { PACKAGE_ROOT } from '../../../paths';
import { loadSource } from '../../../source/load-source';
import { planOptionsFor, planSlides } from '../plan-slides';
import { unitText } from '../timing';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();
const browser = new BrowserService();
afterAll(() => browser.close());

function all(document: Document | Element, ns: string, name: string): Element[] {
  return Array.from(document.getElementsByTagNameNS(ns, name) as unknown as ArrayLike<Element>);
}
const textOf = (element: Document | Element) => all(element, A, 't').map((t) => t.textContent ?? '').join('');
/** A text box's text, its paragraphs joined by spaces. */
const paragraphsText = (element: Document | Element) => normalise(all(element, A, 'p').map(textOf).join(' '));

describe('deck.pptx of the real source, as native slides', () => {
  let dir: string;
  let zip: JSZip;
  let slides: Document[];
  let notes: Document[];
  let htmlSlides: number;

  const xml = async (name: string) => new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml') as unknown as Document;
  const numbered = (pattern: RegExp) => Object.keys(zip.files).filter((name) => pattern.test(name)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));

  beforeAll(async () => {
    const outDir = tempDir('triptyque-pptx-test-');
    const result = await build({ sources: [REAL_SOURCE], root: PACKAGE_ROOT, outDir, only: ['deck'], browser });
    const report = result.reports[0]!;
    expect(report.targets.deck?.ok).toBe(true);
    dir = join(outDir, report.slug);
    htmlSlides = (readFileSync(join(dir, 'deck.html'), 'utf8').match(/<svg[^>]*data-marpit-svg/g) ?? []).length;
    zip = await JSZip.loadAsync(await readFile(join(dir, 'deck.pptx')));
    slides = await Promise.all(numbered(/^ppt\/slides\/slide\d+\.xml$/).map(xml));
    notes = await Promise.all(numbered(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map(xml));
  }, 300_000);

  it('has one slide per slide of deck.html, each with its title in a title placeholder', () => {
    expect(htmlSlides).toBeGreaterThan(15);
    expect(slides).toHaveLength(htmlSlides);
    const titles = slides.map((slide) => all(slide, P, 'sp').find((shape) => all(shape, P, 'ph').some((ph) => ph.getAttribute('type') === 'title')));
    expect(titles.every(Boolean)).toBe(true);
    expect(titles.map((shape) => paragraphsText(shape!)).filter((title) => title === '')).toEqual([]);
    expect(paragraphsText(titles[0]!)).toBe('Synthèse de la journée du 27 mai 2010');
  });

  it('holds every paragraph and list item of the slide plan as text, with real bullets', async () => {
    const settings = settingsSchema.parse({});
    const { publication } = await loadSource(REAL_SOURCE, settings);
    const units = planSlides(publication!, planOptionsFor(settings.deck)).flatMap((slide) => slide.units.flatMap((unit) => (unit.visible && (unit.visible.type === 'paragraph' || unit.visible.type === 'item') ? [unit.visible] : [])));
    expect(units.length).toBeGreaterThan(30);
    const corpus = slides.map(paragraphsText).join(' ');
    // An item's text (and its sub-items, one paragraph each) is in the runs, in order.
    const missing = units.map((unit) => normalise(unitText(unit)).replace(/^(\d+\.|[-*+]) /gm, '')).filter((text) => !corpus.includes(text.split(/ (?:\d+\.|[-*+]) /)[0]!));
    expect(missing).toEqual([]);
    const bullets = slides.flatMap((slide) => all(slide, A, 'buChar'));
    expect(bullets.length).toBeGreaterThan(20);
  });

  it("colours every visible list marker as the deck's theme does (markers blue, agenda numbers orange)", () => {
    const theme = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'themes', 'arifor', 'theme.json'), 'utf8')) as { colors: Record<string, string> };
    const paragraphProperties = slides.flatMap((slide) => all(slide, A, 'pPr')).filter((pPr) => all(pPr, A, 'buAutoNum').length > 0 || all(pPr, A, 'buChar').some((char) => char.getAttribute('char') !== '\u200b'));
    expect(paragraphProperties.length).toBeGreaterThan(20);
    const colours = paragraphProperties.map((pPr) => all(all(pPr, A, 'buClr')[0] ?? pPr, A, 'srgbClr')[0]?.getAttribute('val') ?? 'none');
    expect(colours.filter((colour) => colour === 'none')).toEqual([]);
    expect(new Set(colours)).toEqual(new Set([theme.colors['accent'], theme.colors['highlight']].map((colour) => colour!.slice(1).toUpperCase())));
  });

  it('numbers the slides as the deck shows them, "11 / 30", the number a field PowerPoint keeps up to date', () => {
    const numbered = slides.flatMap((slide) => all(slide, A, 'p').filter((p) => all(p, A, 'fld').some((field) => field.getAttribute('type') === 'slidenum')));
    expect(numbered.length).toBeGreaterThan(10);
    for (const paragraph of numbered) expect(textOf(paragraph)).toMatch(new RegExp(`^\\d+ / ${slides.length}$`));
    expect(textOf(numbered[0]!)).toMatch(/^\d+ \//);
  });

  it('declares a content type only for the parts the file holds', async () => {
    const types = await xml('[Content_Types].xml');
    const parts = all(types, 'http://schemas.openxmlformats.org/package/2006/content-types', 'Override').map((override) => override.getAttribute('PartName')!.slice(1));
    expect(parts.length).toBeGreaterThan(slides.length);
    expect(parts.filter((part) => !zip.file(part))).toEqual([]);
  });

  it('places every shape inside the slide', async () => {
    const size = all(await xml('ppt/presentation.xml'), P, 'sldSz')[0]!;
    const [width, height] = [Number(size.getAttribute('cx')), Number(size.getAttribute('cy'))];
    const outside = slides.flatMap((slide, index) =>
      all(slide, A, 'xfrm').flatMap((xfrm) => {
        const off = all(xfrm, A, 'off')[0];
        const ext = all(xfrm, A, 'ext')[0];
        if (!off || !ext) return [];
        const [x, y, w, h] = [off.getAttribute('x'), off.getAttribute('y'), ext.getAttribute('cx'), ext.getAttribute('cy')].map(Number) as [number, number, number, number];
        return x < 0 || y < 0 || x + w > width + 1 || y + h > height + 1 ? [`slide ${index + 1}: ${x},${y} ${w}x${h}`] : [];
      }),
    );
    expect(outside).toEqual([]);
  });

  it('has the speaker notes with their speaking time, every run tagged fr-FR', () => {
    expect(notes).toHaveLength(slides.length);
    const text = notes.map(textOf).join(' ');
    expect(text).toContain('Temps de parole');
    expect(text).toContain('groupes de travail sur des thématiques particulières');
    const langs = new Set([...slides, ...notes].flatMap((part) => [...all(part, A, 'rPr'), ...all(part, A, 'endParaRPr')].map((run) => run.getAttribute('lang'))));
    expect([...langs]).toEqual(['fr-FR']);
  });

  it('sets the title, author, subject and language of the file', async () => {
    const core = await xml('docProps/core.xml');
    const DC = 'http://purl.org/dc/elements/1.1/';
    const field = (name: string) => normalise(all(core, DC, name)[0]?.textContent ?? '');
    expect(field('title')).toBe('Synthèse de la journée du 27 mai 2010');
    expect(field('creator')).toBe('GIP ARIFOR Champagne-Ardenne');
    expect(field('subject')).toContain('travailler en réseau');
    expect(field('language')).toBe('fr-FR');
  });

  it("opens in LibreOffice Impress, which prints every slide's title", () => {
    const out = tempDir('triptyque-pptx-lo-');
    execFileSync(tool('soffice'), [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, join(dir, 'deck.pptx')], { stdio: 'pipe', timeout: 240_000 });
    const pdf = join(out, 'deck.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(execFileSync(tool('pdfinfo'), [pdf], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${slides.length}\\n`));
    const printed = normalise(execFileSync(tool('pdftotext'), [pdf, '-'], { encoding: 'utf8' })).replace(/- /g, '-');
    const titles = slides.map((slide) => paragraphsText(all(slide, P, 'sp').find((shape) => all(shape, P, 'ph').length > 0)!));
    expect(titles.filter((title) => !printed.includes(title))).toEqual([]);
  }, 300_000);
});

describe('deck.pptx of a 4:3 Marp deck', () => {
  it('is a 4:3 presentation (10 x 7.5 in), its slides laid out across the whole of it', async () => {
    const source = writeSource('---\nmarp: true\nsize: 4:3\npaginate: true\ntitle: Essai\n---\n\n# Une diapositive carrée\n\nUn paragraphe assez long pour aller d’un bord à l’autre de la diapositive, sur plusieurs lignes.\n\n---\n\n## Deuxième\n\n- Un point\n- Un autre\n');
    const outDir = tempDir('triptyque-pptx-4x3-');
    const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, only: ['deck'], browser });
    const report = result.reports[0]!;
    expect(report.targets.deck?.ok).toBe(true);
    const zip = await JSZip.loadAsync(await readFile(join(outDir, report.slug, 'deck.pptx')));
    const xml = async (name: string) => new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml') as unknown as Document;
    const size = all(await xml('ppt/presentation.xml'), P, 'sldSz')[0]!;
    const [width, height] = [Number(size.getAttribute('cx')), Number(size.getAttribute('cy'))];
    expect([width, height]).toEqual([9144000, 6858000]);
    const slides = await Promise.all([1, 2].map((n) => xml(`ppt/slides/slide${n}.xml`)));
    const boxes = slides.flatMap((slide) =>
      all(slide, A, 'xfrm').flatMap((xfrm) => {
        const off = all(xfrm, A, 'off')[0];
        const ext = all(xfrm, A, 'ext')[0];
        return off && ext ? [[off.getAttribute('x'), off.getAttribute('y'), ext.getAttribute('cx'), ext.getAttribute('cy')].map(Number) as [number, number, number, number]] : [];
      }),
    );
    expect(boxes.length).toBeGreaterThan(4);
    expect(boxes.filter(([x, y, w, h]) => x < 0 || y < 0 || x + w > width + 1 || y + h > height + 1)).toEqual([]);
    // The page number stands in the slide's bottom right corner, as Marp puts it: the slide's right edge is the presentation's.
    const numbers = slides.flatMap((slide) => all(slide, P, 'sp').filter((shape) => all(shape, A, 'fld').length > 0));
    expect(numbers).toHaveLength(2);
    for (const shape of numbers) {
      const off = all(shape, A, 'off')[0]!;
      const ext = all(shape, A, 'ext')[0]!;
      expect(Number(off.getAttribute('x')) + Number(ext.getAttribute('cx'))).toBeGreaterThan(width * 0.9);
      expect(Number(off.getAttribute('y')) + Number(ext.getAttribute('cy'))).toBeGreaterThan(height * 0.9);
    }
  }, 180_000);
});

describe('deck.pptx: pictures', () => {
  it('writes one picture per slide, with the notes, when the configuration asks for pictures', async () => {
    const source = writeSource('---\ntitle: Essai\ndate: 2024-01-15\ndeck: { pptx: pictures }\n---\n\n# Partie\n\n## Une diapositive\n\nUn paragraphe.\n');
    const outDir = tempDir('triptyque-pptx-pictures-');
    const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, only: ['deck'], browser });
    const report = result.reports[0]!;
    expect(report.targets.deck?.ok).toBe(true);
    const zip = await JSZip.loadAsync(await readFile(join(outDir, report.slug, 'deck.pptx')));
    const slides = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    expect(slides).toHaveLength(report.targets.deck!.counts['slides']!);
    expect(slides.every((slide) => slide.includes('<p:pic>') && !slide.includes('type="title"'))).toBe(true);
    expect(Object.keys(zip.files).filter((name) => /^ppt\/media\/.+/.test(name))).toHaveLength(slides.length);
    // Its notes are proofed in the document's language too, not pptxgenjs's en-US.
    const notes = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    expect(notes.join('')).toContain('lang="fr-FR"');
    expect(notes.join('')).not.toContain('lang="en-US"');
  }, 180_000);
});
