import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { FRONT_MATTER, tempDir, writeSource } from './helpers';
import { tool } from './tools';

const browser = new BrowserService();
afterAll(() => browser.close());

// A 2x2 PNG, drawn as the slide's image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

describe('an image beside the source', () => {
  it('shows on the slides of deck.html, deck.pdf and deck.pptx; a web or missing one is a placeholder, not a broken image', async () => {
    const source = writeSource(`${FRONT_MATTER}# Un\n\n![Photo locale](photo.png)\n\n![Schéma](https://example.org/reseau.png)\n\n![Absente](absente.png)\n`);
    copyFileSync(writeSource(PNG, 'photo.png'), join(dirname(source), 'photo.png'));
    const outDir = tempDir('triptyque-images-');
    const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, only: ['deck'], browser });
    const report = result.reports[0]!;
    expect(report.targets.deck?.ok).toBe(true);
    expect(result.files[0]!.messages.map((m) => `${m.line} ${m.ruleId} ${m.fatal ? 'error' : 'warning'}`)).toContain('12 missing-image warning');
    const dir = join(outDir, report.slug);
    const embedded = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(readFileSync(join(dir, 'deck.html'), 'utf8')).toContain(embedded);
    expect(readFileSync(join(dir, 'deck.md'), 'utf8')).toContain(embedded);
    const html = readFileSync(join(dir, 'deck.html'), 'utf8');
    expect(html).toMatch(/class="image-placeholder"[^>]*>.*Schéma.*example\.org/);
    expect(html).toMatch(/class="image-placeholder"[^>]*>.*Absente.*absente\.png/);
    // The PDF carries the picture itself (poppler lists a 2x2 image).
    expect(execFileSync(tool('pdfimages'), ['-list', join(dir, 'deck.pdf')], { encoding: 'utf8' })).toMatch(/^\s*\d+\s+\d+\s+image\s+2\s+2\s/m);
    const pptx = await JSZip.loadAsync(readFileSync(join(dir, 'deck.pptx')));
    expect(Object.keys(pptx.files).filter((name) => name.startsWith('ppt/media/')).length).toBeGreaterThan(0);
  }, 300_000);
});
