import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editOneParagraph } from '../../../bench/synthetic-source';
import { REAL_SOURCE, tempDir } from '../../../test/helpers';
import type { BuildReport } from '../../artifacts/report';
import { BrowserService } from '../../browser/browser-service';
import { build } from '../../core/build';
import { PACKAGE_ROOT } from '../../paths';

// One browser and one process for both builds, as in watch and preview.
const browser = new BrowserService();
afterAll(() => browser.close());

describe('fitting the deck of the real source, cold then after a one-paragraph edit', () => {
  const outDir = tempDir('triptyque-fit-rounds-');
  let source: string;
  let original: string;
  let cold: BuildReport;
  let warm: BuildReport;
  let coldMarkdown: string;
  let warmMarkdown: string;

  beforeAll(async () => {
    // A deck to read: the fit has slides to split and set smaller (a deck to speak to has a few lines a slide).
    original = (await readFile(REAL_SOURCE, 'utf8')).replace(/^lang: fr$/m, 'lang: fr\ndeck: { style: read }');
    source = join(tempDir('triptyque-fit-rounds-src-'), 'synthese.md');
    await writeFile(source, original);
    cold = (await build({ sources: [source], root: PACKAGE_ROOT, outDir, only: ['deck'], browser, force: true })).reports[0]!;
    coldMarkdown = await readFile(join(outDir, cold.slug, 'deck.md'), 'utf8');
    await writeFile(source, editOneParagraph(original, 1));
    warm = (await build({ sources: [source], root: PACKAGE_ROOT, outDir, only: ['deck'], browser })).reports[0]!;
    warmMarkdown = await readFile(join(outDir, warm.slug, 'deck.md'), 'utf8');
  }, 300_000);

  it('renders the whole deck at most twice on a cold build: the later rounds show only the slides still to fit', () => {
    const counts = cold.targets.deck!.counts;
    expect(cold.targets.deck!.ok).toBe(true);
    expect(counts['wholeRenders']).toBeLessThanOrEqual(2);
    // Splits happened (more slides than planned), yet far fewer slides were measured than rounds x slides.
    expect(counts['splits']).toBeGreaterThan(0);
    expect(counts['measured']!).toBeLessThan(counts['rounds']! * counts['slides']!);
  });

  it('re-measures only the slides of the paragraph edited, and renders the whole deck once', () => {
    const counts = warm.targets.deck!.counts;
    expect(warm.targets.deck!.ok).toBe(true);
    expect(warm.targets.deck!.cached).toBeFalsy();
    expect(counts['wholeRenders']).toBe(1);
    // The edited planned slide, and the pieces it is split into: a handful, not the deck.
    expect(counts['measured']).toBeGreaterThanOrEqual(1);
    expect(counts['measured']!).toBeLessThanOrEqual(6);
    expect(counts['slides']).toBeGreaterThan(20);
  });

  it('gives the same slides as a cold build would, the edit aside', () => {
    expect(warm.targets.deck!.counts['slides']).toBe(cold.targets.deck!.counts['slides']);
    // The edited paragraph is typeset (its spaces may be no-break ones); the timings change with it.
    expect(warmMarkdown.replace(/\s*Révision\s1\sde\sce\sparagraphe\./gu, '').replace(/(≈[^\n]*)/g, '')).toBe(coldMarkdown.replace(/(≈[^\n]*)/g, ''));
  });
});
