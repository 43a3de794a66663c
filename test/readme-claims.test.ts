import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { deckSlides } from './artifact-words';
import { FRONT_MATTER, tempDir, writeSource } from './helpers';
import { runCli } from './run-cli';
import { tool } from './tools';

/** Claims of the README's "Writing a source" that no other test held, each named after its claim. */

// A 2x2 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
const browser = new BrowserService();
afterAll(() => browser.close());

const SOURCE = `${FRONT_MATTER}# Partie

## Tâches

- [x] Relire le chapitre
- [ ] Envoyer la synthèse

::marge

![Le schéma du réseau](schema.png)

:::aside
Une remarque en marge.
:::
`;

describe('the README, "Writing a source"', () => {
  const outDir = tempDir('triptyque-claims-');
  const dir = join(outDir, 'essai');
  let built: Awaited<ReturnType<typeof build>>;
  // The brochure hyphenates with soft hyphens: read as a reader reads it.
  const brochureHtml = () => readFileSync(join(dir, 'brochure.html'), 'utf8').replace(/\u00ad/g, '');
  beforeAll(async () => {
    const source = writeSource(SOURCE);
    writeFileSync(join(dirname(source), 'schema.png'), PNG);
    built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
    expect(built.ok).toBe(true);
  });

  it('task lists keep their checkboxes in the brochure', () => {
    const html = brochureHtml();
    const items = [...html.matchAll(/<li[^>]*>\s*(<input[^>]*>)\s*([^<]*)/g)].map(([, input, text]) => `${/\bchecked\b/.test(input!) ? '[x]' : '[ ]'} ${text!.trim()}`);
    expect(items).toEqual(['[x] Relire le chapitre', '[ ] Envoyer la synthèse']);
  });

  it('images beside the source show in the deck and the brochure; the digest leaves them to the brochure', () => {
    const embedded = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(readFileSync(join(dir, 'deck.html'), 'utf8')).toContain(embedded);
    expect(brochureHtml()).toMatch(/<img [^>]*alt="Le schéma du réseau"/);
    expect(readFileSync(join(dir, 'digest.html'), 'utf8')).not.toMatch(/<img [^>]*alt="Le schéma du réseau"/);
  });

  it('any other directive name is reported (unknown-directive for a ::leaf, unknown-container for a :::container) and its content goes to the deck and the brochure', () => {
    const messages = built.files.flatMap((file) => file.messages).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    expect(messages).toEqual(expect.arrayContaining(['13:1 unknown-directive', '17:1 unknown-container']));
    expect(brochureHtml()).toContain('Une remarque en marge.');
    expect(deckSlides(dir).join('\n')).toContain('Une remarque en marge.');
    // The leaf is kept as typed, as text.
    expect(brochureHtml()).toContain('::marge');
  });
});

describe('the README, "check --fix"', () => {
  it("check --fix on pandoc's [text]{.underline}, in a dialect that does not read it (CommonMark), keeps the words and drops the attributes", async () => {
    const frontMatter = FRONT_MATTER.replace(/\n---\n/, '\ndialect: commonmark\n---\n');
    const source = writeSource(`${frontMatter}# Partie\n\nUn [mot souligné]{.underline} et [un autre]{#ancre .smallcaps} ici.\n`);
    const dir = join(source, '..');
    const run = await runCli(['check', '--fix', source], dir);
    expect(run.stdout + run.stderr).toMatch(/fixed.*pandoc-attributes/);
    expect(readFileSync(source, 'utf8')).toBe(`${frontMatter}# Partie\n\nUn mot souligné et un autre ici.\n`);
    const again = await runCli(['check', '--fix', source], dir);
    expect(again.stdout + again.stderr).not.toMatch(/fixed/);
  });
});

describe('the README, "What you get"', () => {
  const outDir = tempDir('triptyque-claims-get-');
  let dir: string;
  beforeAll(async () => {
    const source = writeSource(`${FRONT_MATTER}# Partie\n\n## Une diapositive\n\nUn paragraphe que l’orateur dit en entier, et que la diapositive résume en une ligne.\n`);
    const built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser, only: ['deck', 'brochure'] });
    expect(built.ok).toBe(true);
    dir = join(outDir, built.reports[0]!.slug);
  }, 180_000);

  it('deck.html has a presenter view (press p): the slide, the next one and its notes', async () => {
    const view = await browser.withPage({ allowedRoots: [dir], onBlocked: () => undefined, viewport: { width: 1280, height: 720 } }, async (page) => {
      // What `p` opens in a window of its own: the same file with ?view=presenter, run by Marp's
      // bespoke.js (the build's pages run no scripts; a reader's browser does).
      await page.setJavaScriptEnabled(true);
      await page.goto(`${pathToFileURL(join(dir, 'deck.html')).href}?view=presenter#3`, { waitUntil: 'load' });
      await page.waitForSelector('.bespoke-marp-presenter-container .bespoke-marp-note.active');
      return page.evaluate(() => ({
        next: document.querySelector('.bespoke-marp-presenter-next') !== null,
        note: document.querySelector('.bespoke-marp-presenter-note-wrapper .bespoke-marp-note.active')?.textContent ?? '',
      }));
    });
    expect(view.next).toBe(true);
    expect(view.note.replace(/\s+/gu, ' ')).toContain('Un paragraphe que l’orateur dit en entier');
  });

  it('brochure-print.pdf has a 3 mm bleed and crop marks in the slug, outside the bleed, along the trim edges', () => {
    const info = spawnSync(tool('pdfinfo'), ['-box', '-f', '1', '-l', '1', join(dir, 'brochure-print.pdf')], { encoding: 'utf8' }).stdout;
    const box = (name: string) => info.match(new RegExp(`Page\\s+1 ${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`))!.slice(1).map(Number);
    const [trimX, trimY, trimRight] = box('TrimBox');
    const [bleedX] = box('BleedBox');
    expect((trimX! - bleedX!) / (72 / 25.4)).toBeCloseTo(3, 1);
    // Page 1 in grey at 72 dpi (a pixel a point): the band above the bleed, where marks stand at the trim's x.
    const pgm = spawnSync(tool('pdftoppm'), ['-f', '1', '-l', '1', '-r', '72', '-gray', join(dir, 'brochure-print.pdf')]).stdout as Buffer;
    const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 20).toString('latin1'))!.map(Number);
    const pixels = pgm.subarray(pgm.length - width! * height!);
    const darkIn = (x0: number, x1: number, y0: number, y1: number) => {
      let dark = 0;
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height!, Math.ceil(y1)); y++) for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width!, Math.ceil(x1)); x++) if (pixels[y * width! + x]! < 160) dark++;
      return dark;
    };
    const slugTop = trimY! - (trimX! - bleedX!); // the image's top band, above the bleed (the page is symmetric)
    expect(darkIn(trimX! - 1.5, trimX! + 1.5, 0, slugTop), 'a mark at the left trim edge').toBeGreaterThan(2);
    expect(darkIn(trimRight! - 1.5, trimRight! + 1.5, 0, slugTop), 'a mark at the right trim edge').toBeGreaterThan(2);
    // Between the marks, the slug is blank paper.
    expect(darkIn(trimX! + 20, trimRight! - 20, 0, slugTop)).toBe(0);
  });
});
