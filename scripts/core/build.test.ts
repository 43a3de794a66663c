import { appendFileSync, copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_SOURCE, tempDir } from '../../test/helpers';
import type { Page } from 'puppeteer-core';
import { BrowserService, type PageOptions } from '../browser/browser-service';
import { build } from './build';

const ROOT = join(import.meta.dirname, '..', '..');

describe('incremental builds', () => {
  it('keeps an artifact whose inputs are unchanged, rebuilds it after an edit or with --force', async () => {
    const dir = tempDir();
    const source = join(dir, 'essai.md');
    copyFileSync(REAL_SOURCE, source);
    const outDir = join(dir, 'out');
    const run = (force = false) => build({ sources: [source], root: ROOT, outDir, only: ['digest'], force });

    const first = await run();
    expect(first.ok).toBe(true);
    const html = join(outDir, 'essai', 'digest.html');
    const writtenAt = statSync(html).mtimeMs;

    const second = await run();
    expect(second.reports[0]!.targets.digest).toMatchObject({ ok: true, cached: true });
    expect(statSync(html).mtimeMs).toBe(writtenAt);

    appendFileSync(source, '\nUn paragraphe ajouté après coup.\n');
    const third = await run();
    expect(third.reports[0]!.targets.digest?.cached).toBeUndefined();

    const forced = await run(true);
    expect(forced.reports[0]!.targets.digest?.cached).toBeUndefined();
    const report = JSON.parse(readFileSync(join(outDir, 'essai', 'report.json'), 'utf8'));
    expect(report.targets.digest.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('several sources in one build', () => {
  it('builds them side by side, reports them in the order given, and a broken one costs the others nothing', async () => {
    const dir = tempDir();
    const sources = ['a', 'b', 'c'].map((name) => join(dir, `${name}.md`));
    for (const source of sources) copyFileSync(REAL_SOURCE, source);
    // The first source four times as long: however the machine schedules the reads, its digest is still being made when the second starts.
    const seed = readFileSync(REAL_SOURCE, 'utf8');
    writeFileSync(sources[0]!, seed + seed.slice(seed.indexOf('\n---\n', 4) + 5).repeat(3));
    writeFileSync(sources[2]!, '---\ntitle: [unclosed\n---\n\nText.\n');
    const events: string[] = [];
    const result = await build({ sources, root: ROOT, outDir: join(dir, 'out'), only: ['digest'], onProgress: ({ slug, message }) => events.push(`${slug}: ${message}`) });

    expect(result.reports.map((report) => [report.slug, report.ok])).toEqual([['a', true], ['b', true], ['c', false]]);
    expect(result.files.map((file) => file.path)).toEqual(sources);
    if (availableParallelism() > 1) {
      // The second source starts before the first is done: they do not wait for one another.
      const firstDone = events.findIndex((event) => event.startsWith('a: done'));
      const secondStarts = events.findIndex((event) => event.startsWith('b: '));
      expect(secondStarts).toBeGreaterThanOrEqual(0);
      expect(firstDone === -1 || secondStarts < firstDone).toBe(true);
    }
  });
});

describe('pages handed from source to source', () => {
  it('gives a later source the page an earlier one left, fonts loaded, and closes the pages no source is left to take', async () => {
    const dir = tempDir();
    const sources = ['a', 'b', 'c'].map((name) => join(dir, `${name}.md`));
    for (const [index, source] of sources.entries()) {
      writeFileSync(source, `---\ntitle: Essai ${index}\nlang: fr\n---\n\n# Première partie\n\nUn paragraphe de texte.\n\n# Seconde partie\n\nUn autre paragraphe.\n`);
    }
    const used: { source: string; page: Page; keep?: boolean }[] = [];
    class RecordingBrowser extends BrowserService {
      override withPage<T>(options: PageOptions, work: (page: Page) => Promise<T>): Promise<T> {
        return super.withPage(options, (page) => {
          used.push({ source: options.affinity ?? '', page, keep: options.keep });
          return work(page);
        });
      }
    }
    const browser = new RecordingBrowser();
    try {
      const result = await build({ sources, root: ROOT, outDir: join(dir, 'out'), only: ['brochure'], browser });
      expect(result.ok).toBe(true);
      await browser.releasePages();
    } finally {
      await browser.close();
    }
    expect(used).toHaveLength(3);
    const last = used.find((entry) => entry.source.endsWith('c'))!;
    // The last source has no one to hand its page to; the others had.
    expect(used.filter((entry) => entry.keep).map((entry) => entry.source).sort()).toEqual(used.filter((entry) => entry !== last).map((entry) => entry.source).sort());
    expect(last.keep).toBe(false);
    if (availableParallelism() > 1) {
      // Two sources at a time: the third takes the page one of the first two left.
      expect(new Set(used.map((entry) => entry.page)).size).toBe(2);
    }
    expect(used.every((entry) => entry.page.isClosed())).toBe(true);
  });
});

describe('a build someone watches', () => {
  it('writes the HTML of every target before any target prints', async () => {
    const dir = tempDir();
    const source = join(dir, 'essai.md');
    copyFileSync(REAL_SOURCE, source);
    const outDir = join(dir, 'out');
    /** When each target asked the browser for a page: the brochure asks only to print. */
    const pagesAsked: { key: string; at: number }[] = [];
    class RecordingBrowser extends BrowserService {
      override withPage<T>(options: PageOptions, work: (page: Page) => Promise<T>): Promise<T> {
        pagesAsked.push({ key: options.kind ?? '', at: Date.now() });
        return super.withPage(options, work);
      }
    }
    const browser = new RecordingBrowser();
    try {
      const result = await build({ sources: [source], root: ROOT, outDir, browser, htmlFirst: true });
      expect(result.ok).toBe(true);
    } finally {
      await browser.close();
    }
    const slugDir = join(outDir, 'essai');
    // brochure.html comes before its print by construction (and again after it, in a first build, with the contents numbers).
    const lastHtml = Math.max(...['deck.html', 'digest.html'].map((name) => statSync(join(slugDir, name)).mtimeMs));
    const brochurePrint = pagesAsked.find((asked) => asked.key === 'brochure');
    expect(brochurePrint).toBeDefined();
    // The deck's fit takes seconds; without the rule the brochure prints long before deck.html lands.
    expect(brochurePrint!.at).toBeGreaterThanOrEqual(Math.floor(lastHtml));
    const firstPdf = Math.min(...['deck.pdf', 'deck-handout.pdf', 'brochure.pdf', 'brochure-booklet.pdf', 'brochure-print.pdf'].map((name) => statSync(join(slugDir, name)).mtimeMs));
    expect(firstPdf).toBeGreaterThanOrEqual(lastHtml);
  });
});
