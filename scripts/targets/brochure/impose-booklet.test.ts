import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { imposeBooklet } from './impose-booklet';
import { MM_TO_PT } from './page-geometry';

/** Where poppler (pdftotext -bbox) finds each page's label on each side of the booklet: "P3" -> [side, left edge in pt]. */
async function labelPlaces(creepMm: number | undefined): Promise<Map<string, [number, number]>> {
  const source = await PDFDocument.create();
  const font = await source.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= 12; number++) source.addPage([419.53, 595.28]).drawText(`P${number}`, { x: 60, y: 300, size: 12, font });
  const { pdf } = await imposeBooklet(await PDFDocument.load(await source.save()), { creepMm });
  const file = join(mkdtempSync(join(tmpdir(), 'triptyque-creep-')), 'booklet.pdf');
  writeFileSync(file, await pdf.save());
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const places = new Map<string, [number, number]>();
  html.split('<page ').slice(1).forEach((side, index) => {
    for (const match of side.matchAll(/<word xMin="([\d.]+)"[^>]*>(P\d+)<\/word>/g)) places.set(match[2]!, [index + 1, Number(match[1])]);
  });
  return places;
}

describe('the imposed booklet', () => {
  it('moves each sheet\'s pages toward the fold in proportion to its depth in the pile (creepMm), the outer sheet not at all', async () => {
    const plain = await labelPlaces(undefined);
    const crept = await labelPlaces(1.5);
    const shift = (label: string) => crept.get(label)![1] - plain.get(label)![1];
    // 12 pages, 3 sheets: sheet 1 holds 12 1 / 2 11, sheet 2 10 3 / 4 9, sheet 3 (innermost) 8 5 / 6 7.
    const full = 1.5 * MM_TO_PT;
    for (const label of ['P12', 'P1', 'P2', 'P11']) expect(shift(label)).toBeCloseTo(0, 1);
    // Left pages move right, toward the fold; right pages move left.
    expect(shift('P10')).toBeCloseTo(full / 2, 1);
    expect(shift('P3')).toBeCloseTo(-full / 2, 1);
    expect(shift('P8')).toBeCloseTo(full, 1);
    expect(shift('P5')).toBeCloseTo(-full, 1);
    expect(shift('P6')).toBeCloseTo(full, 1);
    expect(shift('P7')).toBeCloseTo(-full, 1);
    // Same sides as without creep.
    for (const [label, [side]] of plain) expect(crept.get(label)![0]).toBe(side);
  });
});
