import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { planChapters } from '../scripts/targets/brochure/chapters';
import { pdfPageTexts } from '../scripts/targets/brochure/pdf-text';
import { loadMarkdown, tempDir, writeSource } from './helpers';

const browser = new BrowserService();
afterAll(() => browser.close());

const sentence = 'The option sets how the parser reads a value that has no type of its own.';
/** A README as many are: one title, a line of badges, then sections of two lines each. */
const SHORT_SECTIONS = `# tiny-lib\n\n[![npm](https://img.shields.io/npm/v/tiny-lib.svg)](https://npmjs.com/tiny-lib)\n\n${Array.from({ length: 10 }, (_, index) => `## Option ${index + 1}\n\n${sentence} ${sentence}\n`).join('\n')}`;
const long = (title: string) => `## ${title}\n\n${Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => sentence).join(' ')).join('\n\n')}\n`;

describe('page breaks that suit the document', () => {
  it('gives a README of ten short sections a brochure without near-empty pages', async () => {
    const source = writeSource(SHORT_SECTIONS, 'tiny-lib.md');
    const outDir = tempDir();
    const built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser, only: ['brochure'] });
    expect(built.reports[0]!.targets.brochure!.ok).toBe(true);
    const pages = await pdfPageTexts(new Uint8Array(await readFile(join(outDir, 'tiny-lib', 'brochure.pdf'))));
    // Cover, contents, the body, back cover: every body page is full but the last.
    const body = pages.slice(2, -1);
    const words = body.map((text) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length);
    expect(body.join(' ')).toContain('Option 10');
    expect(body.length).toBeLessThanOrEqual(2);
    expect(words.slice(0, -1).every((count) => count > 200)).toBe(true);
  }, 120_000);

  it('opens a page for each long chapter, and heads a run of short ones with the part they belong to', async () => {
    const { publication } = await loadMarkdown(`---\ntitle: Guide\n---\n\n# Part one\n\n${long('Long A')}\n## Short B\n\nTwo lines.\n\n## Short C\n\nTwo lines.\n\n${long('Long D')}\n# Part two\n\n## Short E\n\nTwo lines.\n\n# Part three\n\n## Short F\n\n${sentence.repeat(12)}\n\n# Part four\n\n## Short G\n\nTwo lines.\n`);
    const chapters = planChapters(publication!, () => true);
    expect(chapters.map((chapter) => [chapter.section?.titleText, chapter.pageName, chapter.leftHead, chapter.rightHead])).toEqual([
      // A long chapter and short ones ending on its last page: its own heads.
      ['Long A', 'chapter-1-1', 'Part one', 'Long A'],
      ['Short B', 'chapter-1-1', 'Part one', 'Long A'],
      ['Short C', 'chapter-1-1', 'Part one', 'Long A'],
      // A short part after a long chapter continues on its last page.
      ['Long D', 'chapter-1-4', 'Part one', 'Long D'],
      ['Short E', 'chapter-1-4', 'Part one', 'Long D'],
      // A half-page chapter opens a page; a short one of the next part runs on under the document's title.
      ['Short F', 'chapter-3-1', 'Guide', 'Guide'],
      ['Short G', 'chapter-3-1', 'Guide', 'Guide'],
    ]);
  });
});
