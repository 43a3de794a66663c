import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { messagesOf, tempDir, writeSource } from './helpers';

const browser = new BrowserService();
afterAll(() => browser.close());

/** Every URI a PDF's link annotations open, over all its pages. */
async function linkTargets(path: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)) }).promise;
  const urls: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const annotations = await (await pdf.getPage(number)).getAnnotations();
    for (const annotation of annotations) if (annotation.url) urls.push(String(annotation.url));
  }
  return urls;
}

const SITE_PAGE = `---
title: Guide des partenaires
lang: fr
---

# Accueil

Voir [le guide](/guide/accueil), [la page voisine](../voisin.md#section), [l’annexe](annexe.pdf)
et <a href="annexe.pdf">l’annexe en HTML</a>, [le site](https://example.org/a) et [plus bas](#suite).

# Suite

Texte de la suite.

![Le logo](logo.svg)
`;

describe('links of a page taken from a website', () => {
  it('never stop the build: kept as text with one located warning, and no PDF links to the build machine', async () => {
    const outDir = tempDir('triptyque-links-');
    const source = writeSource(SITE_PAGE);
    await writeFile(join(dirname(source), 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0b5f8a"/></svg>');
    const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser, only: ['brochure', 'deck'] });
    expect(result.ok).toBe(true);
    expect(messagesOf(result.files[0]!).filter((message) => message.includes('link-'))).toEqual(['8:6 link-relative']);
    const slug = result.reports[0]!.slug;
    for (const pdf of ['brochure.pdf', 'deck.pdf']) {
      const urls = await linkTargets(join(outDir, slug, pdf));
      expect(urls.filter((url) => !/^https?:|^mailto:/.test(url)), pdf).toEqual([]);
      // A deck to speak to shows a line of the paragraph; the brochure prints it whole, its web link live.
      if (pdf === 'brochure.pdf') expect(urls, pdf).toContain('https://example.org/a');
    }
    const html = await readFile(join(outDir, slug, 'brochure.html'), 'utf8');
    expect(html).not.toMatch(/href="(?!https?:|mailto:|#)/);
    // Nor any path of the build machine, fonts and images included: the HTML may be sent on.
    for (const artifact of ['brochure.html', 'deck.html', 'deck.md']) expect(await readFile(join(outDir, slug, artifact), 'utf8'), artifact).not.toMatch(/file:|\/tmp\//);
    expect(html.replaceAll('\u00ad', '')).toContain('l’annexe en HTML');
  });

  it('are made absolute from the site’s URL when the configuration or the front matter gives it', async () => {
    const outDir = tempDir('triptyque-links-');
    const source = writeSource(SITE_PAGE.replace('lang: fr\n', 'lang: fr\nurl: https://partenaires.example.org/outils/guide/\n'));
    const result = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser, only: ['brochure'] });
    expect(messagesOf(result.files[0]!).filter((message) => message.includes('link-'))).toEqual([]);
    const urls = await linkTargets(join(outDir, result.reports[0]!.slug, 'brochure.pdf'));
    expect(urls).toEqual(expect.arrayContaining(['https://partenaires.example.org/guide/accueil', 'https://partenaires.example.org/outils/voisin#section', 'https://partenaires.example.org/outils/guide/annexe.pdf']));
  });
});
