import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../browser/browser-service';
import { settingsSchema } from '../../config/schema';
import { build } from '../../core/build';
import { publicationText } from '../../model/plain-text';
import type { Publication } from '../../model/types';
import { BUILT_IN_THEMES_DIR, PACKAGE_ROOT } from '../../paths';
import { DEFAULT_THEME, fontPackageDirs, loadTheme } from '../../theme/load-theme';
import { loadSource } from '../../source/load-source';
import { pdfPageTexts } from './pdf-text';
import { keepWholeWords } from './whole-words';
import { tool } from '../../../test/tools';

const SOURCE = join(PACKAGE_ROOT, 'content', '2010-05-27-travailler-en-reseau.md');
const SLUG = '2010-05-27-travailler-en-reseau';
const SOFT_HYPHEN = '\u00ad';
/** What Chromium draws (and poppler and pdf.js extract) where a soft hyphen broke a line. */
const LINE_END_HYPHEN = '\u2010';

let outRoot: string;
let publication: Publication;
const artifact = (name: string) => join(outRoot, SLUG, name);

beforeAll(async () => {
  outRoot = await mkdtemp(join(tmpdir(), 'triptyque-words-'));
  const result = await build({ sources: [SOURCE], root: PACKAGE_ROOT, outDir: outRoot, only: ['brochure'] });
  expect(result.ok).toBe(true);
  publication = (await loadSource(SOURCE, settingsSchema.parse({}))).publication!;
});

afterAll(async () => {
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

/** Poppler's text of each page. */
function popplerPages(file: string): string[] {
  return execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f').slice(0, -1);
}

/** How many unused soft hyphens Chromium's spans still mark, counted by qpdf in the decoded streams. */
function softHyphenSpans(file: string): number {
  const qdf = execFileSync(tool('qpdf'), ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 << 20 }).toString('latin1');
  return qdf.match(/ActualText\s*<feff00ad>/gi)?.length ?? 0;
}

/** Words as a reader would search them: split at spaces, outer punctuation trimmed. */
function wordsOf(text: string): string[] {
  return text
    .split(/[\s\u00a0\u202f]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/**
 * The body text of pages 3 to the one before the back cover, the margin boxes (running head,
 * folio) left out so a word broken across a page break meets its end, then every line-end
 * hyphen joined with the line after it, both ways: `text` keeps the hyphen (a compound broken at
 * its own hyphen), `joined` drops it (a word broken by hyphenation). Chromium draws the hyphen of
 * a break as U+2010 when the font has one, else as U+002D (fontsource's subsets of Plex).
 */
function joinedBody(pages: string[], isMarginLine: (line: string, index: number) => boolean): { text: string; joined: string; brokenLines: number } {
  const lines = pages.slice(2, -1).flatMap((page) => page.split('\n').filter((line, index) => !isMarginLine(line, index)));
  const body = lines.filter((line) => line.trim() !== '').join('\n');
  const broken = new RegExp(`[${LINE_END_HYPHEN}-]\\n`, 'g');
  return { text: body.replace(new RegExp(`${LINE_END_HYPHEN}\\n`, 'g'), '').replace(/-\n/g, '-'), joined: body.replace(broken, ''), brokenLines: body.match(broken)?.length ?? 0 };
}

describe('the brochure text a reader copies or searches', () => {
  it('has no soft hyphen in what poppler and pdf.js extract, in the brochure, the booklet and the print file', async () => {
    for (const name of ['brochure.pdf', 'brochure-booklet.pdf', 'brochure-print.pdf']) {
      expect(softHyphenSpans(artifact(name)), name).toBe(0);
      expect(popplerPages(artifact(name)).join('').split(SOFT_HYPHEN).length - 1, `${name} (pdftotext)`).toBe(0);
      const pdfjs = await pdfPageTexts(new Uint8Array(await readFile(artifact(name))));
      expect(pdfjs.join('').split(SOFT_HYPHEN).length - 1, `${name} (pdf.js)`).toBe(0);
    }
  });

  it('finds every word of the source whole, a line-end hyphen still extracted as a hyphen at the line end', async () => {
    const source = new Set(wordsOf(publicationText(publication, 'brochure').replaceAll(SOFT_HYPHEN, '')));
    expect(source.size).toBeGreaterThan(1000);
    const extractors = {
      // Poppler puts the running head first and the folio alone on a line near the end.
      pdftotext: joinedBody(popplerPages(artifact('brochure.pdf')), (line, index) => index === 0 || /^\d+$/.test(line.trim())),
      // pdf.js reads the margin boxes first: running head, then folio.
      'pdf.js': joinedBody(await pdfPageTexts(new Uint8Array(await readFile(artifact('brochure.pdf')))), (_line, index) => index < 2),
    };
    // The page is still hyphenated: dozens of lines end with a hyphen, as a hyphen, in what pdf.js
    // reads (poppler joins a word broken at a U+002D hyphen itself, so its lines hardly show one).
    expect(extractors['pdf.js'].brokenLines).toBeGreaterThan(30);
    for (const [extractor, body] of Object.entries(extractors)) {
      const extracted = new Set([...wordsOf(body.text), ...wordsOf(body.joined)]);
      // Poppler itself joins a word broken at a real hyphen and drops that hyphen
      // ("socio-\nprofessionnelle" gives "socioprofessionnelle"): its choice, not the page's.
      const missing = [...source].filter((word) => !extracted.has(word) && !(extractor === 'pdftotext' && extracted.has(word.replaceAll('-', ''))));
      expect(missing, extractor).toEqual([]);
    }
  });

  it('draws the same pages as Chromium printed them, with the unused soft hyphens gone from the text', async () => {
    const work = await mkdtemp(join(outRoot, 'print-'));
    const browser = new BrowserService();
    try {
      // Chromium's own print of the brochure's HTML, before any rewriting.
      const html = join(work, 'brochure.html');
      await writeFile(html, await readFile(artifact('brochure.html')));
      const printed = await browser.withPage({ allowedRoots: [work, ...fontPackageDirs(loadTheme(DEFAULT_THEME)), BUILT_IN_THEMES_DIR] }, async (page) => {
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
      });
      const pdf = await PDFDocument.load(printed, { updateMetadata: false });
      const dropped = keepWholeWords(pdf);
      await writeFile(join(work, 'before.pdf'), printed);
      await writeFile(join(work, 'after.pdf'), await pdf.save());

      const spansBefore = softHyphenSpans(join(work, 'before.pdf'));
      expect(spansBefore).toBeGreaterThan(1000);
      expect(dropped).toBe(spansBefore);
      expect(softHyphenSpans(join(work, 'after.pdf'))).toBe(0);
      expect(popplerPages(join(work, 'before.pdf')).join('').split(SOFT_HYPHEN).length - 1).toBe(spansBefore);

      for (const name of ['before', 'after']) execFileSync(tool('pdftoppm'), ['-r', '50', join(work, `${name}.pdf`), join(work, name)]);
      const pageCount = pdf.getPageCount();
      expect(pageCount).toBeGreaterThan(10);
      for (let number = 1; number <= pageCount; number++) {
        const suffix = `-${String(number).padStart(2, '0')}.ppm`;
        const [before, after] = await Promise.all([readFile(join(work, `before${suffix}`)), readFile(join(work, `after${suffix}`))]);
        expect(after.equals(before), `page ${number} renders the same`).toBe(true);
      }
    } finally {
      await browser.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});
