import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestTarget } from './render-digest';
import { REAL_SOURCE, digestContext, writeSource } from './test-context';
import { tool } from '../../../test/tools';

const ENGLISH = `---
title: "The working group's report on regional networks and the way their members share what they learn"
event: Annual meeting of the regional network
date: 2021-05-01
lang: en
---

Opening words: welcome to all, and thanks for coming.

# First part

## A theme

The results are good: members meet twice a year and share their files.

- One point to remember.
- Another one, longer, with a [link](https://example.org/report).

# Second part

Its text, in one paragraph that says what the second part is about.
`;

/** SpamAssassin's score of a message, local tests only (-L: no DNS, no network), and the rules that fired. */
function spamAssassin(eml: Buffer): { score: number; report: string } {
  const report = execFileSync(tool('spamassassin'), ['-t', '-L'], { input: eml, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const score = /^X-Spam-Status: \w+, score=(-?[\d.]+)/m.exec(report);
  if (!score) throw new Error(`no X-Spam-Status in SpamAssassin's answer:\n${report.slice(0, 2000)}`);
  return { score: Number(score[1]), report: report.slice(report.indexOf('Content analysis details')) };
}

async function built(source: string): Promise<{ eml: Buffer; html: string }> {
  const context = await digestContext(source, { unsubscribeUrl: 'https://arifor.example/desinscription?email={email}' });
  await digestTarget.render(context);
  return { eml: await readFile(join(context.outDir, 'digest.eml')), html: await readFile(join(context.outDir, 'digest.html'), 'utf8') };
}

/** The background a rule for `selector` gives inside the dark-mode media query. */
function darkBackground(html: string, selector: string): string | undefined {
  const dark = /@media \(prefers-color-scheme: dark\)\s*\{([\s\S]*?)\n\}/.exec(html)?.[1] ?? '';
  for (const [, selectors, body] of dark.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (selectors!.split(',').some((one) => one.trim() === selector)) {
      const colour = /background-color:\s*([^;!]+)/.exec(body!)?.[1]?.trim();
      if (colour) return colour;
    }
  }
  return undefined;
}

describe.each([
  ['the seed', REAL_SOURCE],
  ['an English document', ENGLISH],
])('the digest of %s', (_, source) => {
  let eml: Buffer;
  let html: string;
  beforeAll(async () => {
    ({ eml, html } = await built(source.startsWith('---') ? await writeSource(source) : source));
  });

  it('scores 0 or below with SpamAssassin (local tests): its preheader is hidden the way filters trust', () => {
    const { score, report } = spamAssassin(eml);
    expect(score, report).toBeLessThanOrEqual(0);
  });

  it('has a main landmark and a window title of at most 70 characters', () => {
    expect(html).toMatch(/<div class="wrapper" role="main"/);
    const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
    expect(title.length).toBeGreaterThan(0);
    expect([...title].length).toBeLessThanOrEqual(70);
  });

  it('keeps its masthead a band of its own in dark mode', () => {
    const masthead = darkBackground(html, '.masthead');
    expect(masthead).toBeDefined();
    expect(masthead).not.toBe(darkBackground(html, '.body'));
    expect(masthead).not.toBe(darkBackground(html, '.container'));
  });
});
