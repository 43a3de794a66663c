import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { tempDir, writeSource } from './helpers';
import { tool } from './tools';

const browser = new BrowserService();
afterAll(() => browser.close());

const SOURCE = `---
title: Note de calcul
date: 2024-01-15
lang: fr
bibliography: refs.bib
---

# Méthode {#sec:methode}

Le rapport $\\frac{a}{b}$ suit la loi [@kemnitzer2005, p. 3], comme le montre @eq:loi.^[Voir aussi @kemnitzer2005.]

$$
\\frac{a}{b} = \\sum_{i=1}^{n} x_i \\\\ c = d
$$ {#eq:loi}

\\newpage

# Résultats

Le tableau @tbl:donnees reprend la @sec:methode.\\index{résultats}

| a | b |
|---|---|
| 1 | 2 |

: Les données {#tbl:donnees}
`;

const FORBIDDEN = ['$', '\\frac', '[@', '@fig:', '@tbl:', '@eq:', '\\newpage', '^[', '\\index'];

describe('a pandoc source with math, citations, cross-references, raw LaTeX and inline notes', () => {
  it('prints none of that syntax in brochure.pdf and deck.pdf; the digest carries MathML and its text the TeX; the PPTX a picture of the equation', async () => {
    const source = writeSource(SOURCE);
    writeFileSync(join(dirname(source), 'refs.bib'), '@book{kemnitzer2005, author = {Kemnitzer, Martin}, title = {Le travail en réseau}, publisher = {Éditions X}, year = {2005}}\n');
    const outDir = tempDir('triptyque-pandoc-');
    const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
    const report = result.reports[0]!;
    expect([report.targets.deck?.ok, report.targets.brochure?.ok, report.targets.digest?.ok]).toEqual([true, true, true]);
    const dir = join(outDir, report.slug);
    const text = (pdf: string) => execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', join(dir, pdf), '-'], { encoding: 'utf8' });
    for (const pdf of ['brochure.pdf', 'deck.pdf']) {
      const printed = text(pdf);
      expect(FORBIDDEN.filter((syntax) => printed.includes(syntax)), pdf).toEqual([]);
      expect(printed).toContain('Kemnitzer, 2005, p.');
      expect(printed).toMatch(/Tableau 1\s*:\s*Les données/u);
      expect(printed).toContain('(1)');
    }
    expect(text('brochure.pdf')).toMatch(/Bibliographie[\s\S]*Kemnitzer, M\. \(2005\)\. Le travail en réseau/u);
    // The \newpage ends the page: the second part starts on a new one even though both fit on one.
    expect(text('brochure.pdf').split('\f').findIndex((page) => page.includes('Résultats') && !page.includes('Sommaire'))).toBeGreaterThan(text('brochure.pdf').split('\f').findIndex((page) => page.includes('suit la loi')));
    // Each cross-reference links to what it names.
    const brochure = readFileSync(join(dir, 'brochure.html'), 'utf8');
    for (const anchor of ['tbl-donnees', 'eq-loi', 'sec:methode']) {
      expect(brochure).toContain(`href="#${anchor}"`);
      expect(brochure).toContain(`id="${anchor}"`);
    }
    // deck.html, copied anywhere, sets its math in KaTeX's fonts: each face it declares is embedded and loads.
    const deck = readFileSync(join(dir, 'deck.html'), 'utf8');
    expect(deck).not.toMatch(/url\(['"]?fonts\//u);
    const faces = await browser.withPage({ allowedRoots: [dir], onBlocked: () => undefined }, async (page) => {
      await page.goto(pathToFileURL(join(dir, 'deck.html')).href, { waitUntil: 'load' });
      return page.evaluate(() => Promise.all([...document.fonts].filter((font) => font.family.startsWith('KaTeX')).map((font) => font.load().then(() => `${font.family} ${font.status}`, () => `${font.family} error`))));
    });
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.filter((face) => !face.endsWith(' loaded'))).toEqual([]);
    const digest = readFileSync(join(dir, 'digest.html'), 'utf8');
    expect(digest).toContain('<math');
    // A client that drops MathML shows its text, never the TeX beside it.
    expect(digest).toMatch(/<annotation[^>]*style="display:\s*none/u);
    expect(readFileSync(join(dir, 'digest.txt'), 'utf8')).toContain('\\frac{a}{b}');
    const pptx = await JSZip.loadAsync(readFileSync(join(dir, 'deck.pptx')));
    expect(Object.keys(pptx.files).filter((name) => /^ppt\/media\/.*\.png$/u.test(name)).length).toBeGreaterThan(0);
    const notes = await Promise.all(Object.keys(pptx.files).filter((name) => name.startsWith('ppt/notesSlides/') && name.endsWith('.xml')).map((name) => pptx.file(name)!.async('string')));
    expect(notes.join('')).toContain('\\sum_{i=1}^{n} x_i \\\\ c = d');
  }, 300_000);
});
