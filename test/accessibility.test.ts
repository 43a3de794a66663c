import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../scripts/browser/find-browser';
import { settingsSchema } from '../scripts/config/schema';
import { messages } from '../scripts/messages/messages';
import { allSections } from '../scripts/model/plain-text';
import type { Publication } from '../scripts/model/types';
import { loadSource } from '../scripts/source/load-source';
import { build } from '../scripts/core/build';
import { readSourceView } from '../scripts/gallery/source-view';
import { writeGallery } from '../scripts/gallery/write-gallery';
import { previewHtml } from '../scripts/preview/preview-html';
import { PACKAGE_ROOT } from '../scripts/paths';
import { REAL_SOURCE, tempDir } from './helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** axe-core's WCAG 2.1 AA violations of the page at `url`, in real Chromium, each as "rule: where (why)". */
async function axeViolations(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: AXE });
    const violations = (await page.evaluate(async (tags) => {
      const axe = (globalThis as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
    }, WCAG_21_AA)) as Violation[];
    return violations.flatMap((violation) => violation.nodes.slice(0, 3).map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary.split('\n').slice(1, 2).join('').trim()})`));
  } finally {
    await page.close();
  }
}

describe('the HTML artifacts of the seed, checked by axe-core (WCAG 2.1 AA) in real Chromium', () => {
  let browser: Browser;
  let outDir: string;
  let slugDir: string;
  let report: Awaited<ReturnType<typeof build>>['reports'][number];

  beforeAll(async () => {
    outDir = tempDir('triptyque-axe-');
    const result = await build({ sources: [REAL_SOURCE], root: PACKAGE_ROOT, outDir });
    expect(result.ok).toBe(true);
    await writeGallery({ outDir, reports: result.reports, root: PACKAGE_ROOT });
    report = result.reports[0]!;
    slugDir = join(outDir, report.slug);
    browser = await puppeteer.launch({ executablePath: (await findBrowser()).executablePath, args: ['--no-sandbox'] });
  }, 400_000);
  afterAll(() => browser?.close());

  it.each(['deck.html', 'brochure.html', 'digest.html'])('%s has no violation', async (name) => {
    expect(await axeViolations(browser, pathToFileURL(join(slugDir, name)).href)).toEqual([]);
  }, 120_000);

  it('the gallery has no violation, and describes a French document in French, marked lang="fr"', async () => {
    const gallery = join(outDir, 'index.html');
    expect(await axeViolations(browser, pathToFileURL(gallery).href)).toEqual([]);
    const html = readFileSync(gallery, 'utf8');
    expect(html).toMatch(/<ol class="thumbs slides"[^>]* lang="fr">/);
    expect(html).toContain('alt="Diapositive 1"');
    expect(html).toContain('alt="Page 1"');
    expect(html).not.toMatch(/alt="Slide \d/);
  }, 120_000);

  it('the preview page has no violation', async () => {
    const view = await readSourceView(report, slugDir);
    const page = join(outDir, 'preview.html');
    writeFileSync(page, previewHtml({ views: [view], current: view, building: false, otherDiagnostics: [], root: PACKAGE_ROOT, sources: [REAL_SOURCE] }));
    expect(await axeViolations(browser, pathToFileURL(page).href)).toEqual([]);
  }, 120_000);
});

/** A document with what a structure tree must carry: three heading levels, nested and numbered lists, a table, a picture, a link, notes. */
const STRUCTURED = `---
title: Structure check
lang: en
date: 2024-03-01
---

# First part

An opening paragraph with a [link to the example site](https://example.org/) and a claim[^a].

## A second-level heading

- First item
- Second item
  - Nested item
- Third item

1. One
2. Two

### A third-level heading

| City | Population |
| --- | --- |
| Reims | 180000 |
| Troyes | 60000 |

![A blue square logo](marp.png)

Another paragraph with a second note[^b].

[^a]: Where the claim comes from.
[^b]: The second note, with more words.

# Second part

Closing words.
`;

interface Tagged {
  role: string;
  alt?: string;
  text: string;
  page: number;
  kids: Tagged[];
}

/** The structure tree as pdf.js gives it to a reader (`getStructTree`), each element with the text of its marked content; and the text drawn outside any tag. */
async function readTags(file: string): Promise<{ pages: Tagged[][]; untagged: string[]; artifacts: string[][]; pdf: PDFDocumentProxy }> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages: Tagged[][] = [];
  const untagged: string[] = [];
  const artifacts: string[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const texts = new Map<string, string>();
    const open: { tag: string; id?: string }[] = [];
    const pageArtifacts: string[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('type' in item && (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')) open.push({ tag: (item as { tag?: string }).tag ?? '', id: item.id ?? undefined });
      else if ('type' in item && item.type === 'endMarkedContent') open.pop();
      else if ('str' in item) {
        const id = open.findLast((entry) => entry.id)?.id;
        const drawn = item.str.trim() !== '';
        if (open.length === 0 && drawn) untagged.push(item.str);
        else if (open.some((entry) => entry.tag === 'Artifact')) drawn && pageArtifacts.push(item.str);
        else if (id) texts.set(id, (texts.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
      }
    }
    artifacts.push(pageArtifacts);
    type Node = { role?: string; alt?: string; type?: string; id?: string; children?: Node[] };
    const walk = (node: Node): Tagged => {
      const kids = (node.children ?? []).filter((child) => child.role !== undefined).map(walk);
      const own = (node.children ?? []).filter((child) => child.type === 'content').map((child) => texts.get(child.id!) ?? '');
      return { role: node.role!, ...(node.alt ? { alt: node.alt } : {}), text: [...own, ...kids.map((kid) => kid.text)].join(''), page: number, kids };
    };
    const tree = (await page.getStructTree()) as Node | null;
    pages.push((tree?.children ?? []).filter((child) => child.role !== undefined).map(walk));
  }
  return { pages, untagged, artifacts, pdf };
}

const everyTag = (tags: readonly Tagged[]): Tagged[] => tags.flatMap((tag) => [tag, ...everyTag(tag.kids)]);
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('brochure.pdf and deck.pdf: the structure tree a reader gets (pdf.js getStructTree) matches the model', () => {
  let dir: string;
  let publication: Publication;

  beforeAll(async () => {
    dir = tempDir('triptyque-tags-');
    writeFileSync(join(dir, 'tags.md'), STRUCTURED);
    copyFileSync(join(PACKAGE_ROOT, 'test', 'corpus', 'marp', 'img', 'marp.png'), join(dir, 'marp.png'));
    const result = await build({ sources: [join(dir, 'tags.md')], root: PACKAGE_ROOT, outDir: join(dir, 'out'), only: ['brochure', 'deck'] });
    expect(result.ok).toBe(true);
    publication = (await loadSource(join(dir, 'tags.md'), settingsSchema.parse({}))).publication!;
  }, 300_000);

  it('brochure.pdf: headings H1-H3 in the order and at the levels of the model, with their titles', async () => {
    const { pages } = await readTags(join(dir, 'out', 'tags', 'brochure.pdf'));
    const headings = everyTag(pages.flat())
      .filter((tag) => /^H[1-6]$/.test(tag.role) && squeeze(tag.text) !== messages('en').contentsTitle)
      .map((tag) => `${tag.role} ${squeeze(tag.text).replace(/\u00ad/g, '')}`);
    const expected = allSections(publication.sections).map((section) => `H${section.depth} ${section.title.map((node) => ('value' in node ? node.value : '')).join('')}`);
    expect(headings).toEqual(expected);
  }, 60_000);

  it('brochure.pdf: lists as L > LI > Lbl + LBody, a table with column headers, the picture with its alt text, the link, the notes as Note', async () => {
    const file = join(dir, 'out', 'tags', 'brochure.pdf');
    const { pages } = await readTags(file);
    const tags = everyTag(pages.flat());
    const items = tags.filter((tag) => tag.role === 'LI' && tag.kids.some((kid) => kid.role === 'Lbl'));
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const item of items) expect(item.kids.map((kid) => kid.role)).toEqual(['Lbl', 'LBody']);
    expect(items.map((item) => squeeze(item.kids[1]!.text))).toEqual(expect.arrayContaining(['First item', 'Nested item', 'Third item', 'One', 'Two']));
    const table = tags.find((tag) => tag.role === 'Table')!;
    expect(table.kids.map((row) => row.kids.map((cell) => `${cell.role} ${squeeze(cell.text)}`))).toEqual([
      ['TH City', 'TH Population'],
      ['TD Reims', 'TD 180000'],
      ['TD Troyes', 'TD 60000'],
    ]);
    expect(tags.filter((tag) => tag.role === 'Figure').map((tag) => tag.alt)).toEqual(['A blue square logo']);
    expect(tags.some((tag) => tag.role === 'Link' && squeeze(tag.text).includes('link to the example site'))).toBe(true);
    expect(tags.filter((tag) => tag.role === 'Note').map((tag) => squeeze(tag.text))).toEqual(['1 Where the claim comes from.', '2 The second note, with more words.']);
    // The column headers say so (pdf.js does not show attributes: read with pdf-lib).
    const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    const scopes = [...doc.context.enumerateIndirectObjects()]
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('TH'))
      .map((th) => String(th.lookup(PDFName.of('A'))).match(/\/Scope\s*\/(\w+)/)?.[1]);
    expect(scopes).toEqual(['Column', 'Column']);
  }, 60_000);

  it('brochure.pdf: running heads and page numbers are artifacts, no text is left untagged; language, title shown as window title, XMP', async () => {
    const { untagged, artifacts, pdf } = await readTags(join(dir, 'out', 'tags', 'brochure.pdf'));
    expect(untagged).toEqual([]);
    // Body pages (not the covers, not the contents page): the page number and a running head are artifacts.
    for (const page of [3, 4]) expect(artifacts[page - 1]).toEqual(expect.arrayContaining([String(page)]));
    expect(artifacts[2]!.concat(artifacts[3]!).some((text) => /part|heading|Structure/.test(text))).toBe(true);
    const { info, metadata } = await pdf.getMetadata();
    expect((info as { Language?: string }).Language).toBe('en');
    expect((info as { Title?: string }).Title).toBe('Structure check');
    expect(metadata?.get('dc:title')).toBe('Structure check');
    expect(((await pdf.getViewerPreferences()) as Record<string, unknown> | null)?.['DisplayDocTitle']).toBe(true);
  }, 60_000);

  it('brochure.html of this document (notes, table, picture) has no axe violation either', async () => {
    const browser = await puppeteer.launch({ executablePath: (await findBrowser()).executablePath, args: ['--no-sandbox'] });
    try {
      expect(await axeViolations(browser, pathToFileURL(join(dir, 'out', 'tags', 'brochure.html')).href)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('deck.pdf: lists as Lbl + LBody, the table, the picture with its alt text, the link, no untagged text, language, title and XMP', async () => {
    const { pages, untagged, pdf } = await readTags(join(dir, 'out', 'tags', 'deck.pdf'));
    const tags = everyTag(pages.flat());
    const items = tags.filter((tag) => tag.role === 'LI');
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const item of items) expect(item.kids.map((kid) => kid.role)).toEqual(['Lbl', 'LBody']);
    expect(tags.find((tag) => tag.role === 'Table')!.kids[0]!.kids.map((cell) => `${cell.role} ${squeeze(cell.text)}`)).toEqual(['TH City', 'TH Population']);
    expect(tags.filter((tag) => tag.role === 'Figure').map((tag) => tag.alt)).toEqual(['A blue square logo']);
    expect(tags.some((tag) => tag.role === 'Link' && squeeze(tag.text).includes('link to the example site'))).toBe(true);
    expect(tags.some((tag) => tag.role === 'H1' || tag.role === 'H2')).toBe(true);
    expect(untagged).toEqual([]);
    const { info, metadata } = await pdf.getMetadata();
    expect((info as { Language?: string }).Language).toBe('en');
    expect(metadata?.get('dc:title')).toBe('Structure check');
    expect(((await pdf.getViewerPreferences()) as Record<string, unknown> | null)?.['DisplayDocTitle']).toBe(true);
  }, 60_000);
});
