import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { pdfLibDeflate } from './node-deflate';

describe('the PDFs pdf-lib writes, compressed by Node’s zlib', () => {
  it('compresses with Node’s zlib, and the bytes come back whole', () => {
    const text = new TextEncoder().encode('BT /F1 12 Tf 72 720 Td (Rencontre annuelle) Tj ET\n'.repeat(200));
    const packed = pdfLibDeflate(text);
    expect(Buffer.from(packed).equals(deflateSync(text))).toBe(true);
    expect(Buffer.from(inflateSync(packed)).equals(Buffer.from(text))).toBe(true);
  });

  it('writes PDFs that pdf-lib and poppler read back, embedded pages included', async () => {
    const drawn = await PDFDocument.create();
    const font = await drawn.embedFont(StandardFonts.Helvetica);
    for (const words of ['Premier feuillet', 'Second feuillet']) drawn.addPage([420, 595]).drawText(words, { x: 50, y: 500, size: 18, font });
    // Imposed as the build imposes a print: from a PDF read back, its fonts written.
    const source = await PDFDocument.load(await drawn.save());
    const imposed = await PDFDocument.create();
    const embedded = await imposed.embedPages(source.getPages());
    const sheet = imposed.addPage([842, 595]);
    embedded.forEach((page, index) => sheet.drawPage(page, { x: index * 421, y: 0 }));
    const bytes = await imposed.save();
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const file = join(tempDir(), 'imposed.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Premier feuillet');
    expect(text).toContain('Second feuillet');
  });
});
