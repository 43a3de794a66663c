import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../scripts/browser/find-browser';
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
