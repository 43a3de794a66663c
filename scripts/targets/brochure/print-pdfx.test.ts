import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../core/build';
import { PACKAGE_ROOT } from '../../paths';
import { streamText } from '../../pdf/content-streams';
import { convertToPdfX } from './pdfx';
import { tool } from '../../../test/tools';

const SOURCE = join(PACKAGE_ROOT, 'content', '2010-05-27-travailler-en-reseau.md');
const SLUG = '2010-05-27-travailler-en-reseau';

/** Ghostscript's ink coverage of each page inside its trim (without the crop marks), in % of the page: C, M, Y, K. */
function inkCoverage(file: string): [number, number, number, number][] {
  const report = execFileSync(tool('gs'), ['-q', '-o', '-', '-dUseTrimBox', '-sDEVICE=ink_cov', file], { encoding: 'utf8' });
  return [...report.matchAll(/^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK/gm)].map((m) => [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number]);
}

/** A page's or a form's content stream: not an image, a font program, a profile or metadata. */
function drawsContent(stream: PDFRawStream): boolean {
  const subtype = stream.dict.get(PDFName.of('Subtype'));
  return (subtype === undefined || subtype === PDFName.of('Form')) && !stream.dict.has(PDFName.of('N')) && !stream.dict.has(PDFName.of('Length1')) && stream.dict.get(PDFName.of('Type')) !== PDFName.of('Metadata');
}

describe('brochure-print.pdf for a print shop, converted by Ghostscript', () => {
  let file: string;
  let pdf: PDFDocument;

  beforeAll(async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'triptyque-pdfx-'));
    // The repository's configuration, asking for the print shop's file.
    const config = join(outDir, 'triptyque.config.yaml');
    await writeFile(config, (await readFile(join(PACKAGE_ROOT, 'triptyque.config.yaml'), 'utf8')).replace(/^brochure: \{\}$/m, 'brochure: { printFile: pdfx }'));
    const result = await build({ sources: [SOURCE], root: PACKAGE_ROOT, config, outDir, only: ['brochure'] });
    expect(result.ok).toBe(true);
    expect(result.reports[0]!.targets.brochure!.counts['printPdfX']).toBe(1);
    file = join(outDir, SLUG, 'brochure-print.pdf');
    pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  }, 300_000);

  it('is PDF/X-4 (PDF 1.6, the version in the document information and the XMP packet) with an output intent that embeds a CMYK profile', async () => {
    expect(Buffer.from((await readFile(file)).subarray(0, 8)).toString('latin1')).toBe('%PDF-1.6');
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
    expect(String(info.get(PDFName.of('GTS_PDFXVersion')))).toBe('(PDF/X-4)');
    expect(info.get(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    const xmp = streamText(pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata'))) as PDFRawStream);
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
    const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    const profile = pdf.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as PDFRawStream;
    expect(String(profile.dict.get(PDFName.of('N')))).toBe('4');
  });

  it('has no DeviceRGB left: no RGB colour space, no rg/RG operator', () => {
    const rgbSpaces: string[] = [];
    const rgbOperators: string[] = [];
    for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
      const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
      if (dict && dict.toString().includes('/DeviceRGB')) rgbSpaces.push(ref.toString());
      if (object instanceof PDFRawStream && drawsContent(object)) {
        const operators = streamText(object).match(/(?:^|\s)[\d.]+\s+[\d.]+\s+[\d.]+\s+(?:rg|RG)(?=\s)/g);
        if (operators) rgbOperators.push(`${ref}: ${operators[0]}`);
      }
    }
    expect(rgbSpaces).toEqual([]);
    expect(rgbOperators).toEqual([]);
  });

  it('keeps the TrimBox and BleedBox and embeds every font', () => {
    for (const page of pdf.getPages()) {
      expect(page.getTrimBox().width).toBeCloseTo(419.53, 0);
      expect(page.getBleedBox().width - page.getTrimBox().width).toBeCloseTo(17, 0);
    }
    const fonts = execFileSync(tool('pdffonts'), [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/\syes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it('prints the body text on the black plate alone (Ghostscript ink_cov): text pages carry K, next to no C, M or Y', () => {
    const pages = inkCoverage(file);
    expect(pages.length).toBe(pdf.getPageCount());
    // Pages of running text: ink on them, and no heading colour (the accent would put C and M there).
    // In RGB, Ghostscript put such text on all four plates (C 3-8 %, M 2-5 %, Y 1.5-4 % for K 4-7 %).
    const blackTextPages = pages.filter(([c, m, y, k]) => k > 2 && Math.max(c, m, y) < k / 100);
    expect(blackTextPages.length, pages.map((inks) => inks.join(' ')).join('\n')).toBeGreaterThanOrEqual(4);
  });

  it('keeps every page as vectors, the transparency of the cover live, and draws the crop marks in registration colour, all four inks at 100 %', () => {
    const drawings = pdf.getPages().map((page) => {
      const contents = pdf.context.lookup(page.node.get(PDFName.of('Contents')));
      const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref) as PDFRawStream) : [contents as PDFRawStream];
      return streams.map(streamText).join('\n');
    });
    // PDF/X-3 allows no transparency: Ghostscript would flatten a page that has some (the cover) into one picture, marks included.
    for (const drawing of drawings) expect(drawing).not.toMatch(/^q [\d. -]+ cm\s+q [\d. -]+ cm\s+\/\w+ Do\s+Q\s+Q\s*$/);
    for (const drawing of drawings) expect(drawing).toMatch(/(^|\s)1 1 1 1 K(\s|$)/);
    const transparent = [...pdf.context.enumerateIndirectObjects()].filter(([, object]) => object instanceof PDFDict && /\/ca 0?\.\d/.test(object.toString()));
    expect(transparent.length).toBeGreaterThan(0);
  });
});

describe('PDF/X-3 for a print shop that asks for it', () => {
  it('flattens transparency: the half-transparent square is opaque ink, the file says X-3', async () => {
    const source = await PDFDocument.create();
    source.addPage([200, 200]).drawRectangle({ x: 20, y: 20, width: 100, height: 100, color: rgb(0.8, 0.2, 0.1), opacity: 0.5 });
    const bytes = await source.save();
    const read = async (version: 'pdfx-3' | 'pdfx-4') => {
      const conversion = await convertToPdfX(bytes, { version });
      if (!conversion.ok) throw new Error(conversion.reason);
      const pdf = await PDFDocument.load(conversion.bytes, { updateMetadata: false });
      const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
      const transparent = [...pdf.context.enumerateIndirectObjects()].some(([, object]) => object instanceof PDFDict && /\/ca 0?\.5/.test(object.toString()));
      return { version: String(info.get(PDFName.of('GTS_PDFXVersion'))), transparent };
    };
    expect(await read('pdfx-3')).toEqual({ version: '(PDF/X-3:2002)', transparent: false });
    expect(await read('pdfx-4')).toEqual({ version: '(PDF/X-4)', transparent: true });
  }, 60_000);
});

describe('without Ghostscript', () => {
  it('says why and leaves the RGB file to the build', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const conversion = await convertToPdfX(new Uint8Array([37, 80, 68, 70]), { version: 'pdfx-4' });
      expect(conversion).toEqual({ ok: false, reason: 'Ghostscript (gs) is not installed' });
    } finally {
      process.env['PATH'] = path;
    }
  });
});
