import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlinePlainText } from './condense-inline';
import { buildDigestEdition } from './digest-edition';
import { keepSections, sectionCount } from './keep-sections';
import { digestTarget } from './render-digest';
import { REAL_SOURCE, digestContext, writeSource } from './test-context';

describe('the first sections of a digest too long for its headings', () => {
  it('keeps a part heading only with at least one of its sections, and points at the first left out', async () => {
    const context = await digestContext(REAL_SOURCE);
    const full = buildDigestEdition(context.publication, context.settings);
    const [first] = full.groups;
    expect(first!.items.length).toBeGreaterThan(1);
    // One section would be the first group's heading alone: it goes rather than stand without its items.
    const headingOnly = keepSections(full, 1);
    expect(headingOnly.edition.groups).toEqual([]);
    expect(headingOnly.edition.sectionsLeftOut).toBe(sectionCount(full));
    expect(headingOnly.firstLeftOut?.title).toBe(inlinePlainText(first!.title));
    const two = keepSections(full, 2);
    expect(two.edition.groups.map((group) => group.items.length)).toEqual([1]);
    expect(two.firstLeftOut?.title).toBe(inlinePlainText(first!.items[1]!.title));
    expect(two.firstLeftOut?.position?.start.line).toBeGreaterThan(first!.items[0]!.position!.start.line);
  });

  it('counts the sections left out as English writes numbers, in an English digest', async () => {
    const headings = Array.from({ length: 30 }, (_, group) =>
      [`## Group ${group + 1}`, '', ...Array.from({ length: 50 }, (_, item) => `### Item ${group + 1}.${item + 1}\n\nOne sentence of text.\n`)].join('\n'),
    );
    const source = await writeSource(`---\ntitle: Many headings\ndate: 2024-03-01\norganisation: Test Network\nlang: en\n---\n\n${headings.join('\n')}\n`, 'many.md');
    const context = await digestContext(source, { budgetKB: 10 });
    const result = await digestTarget.render(context);
    const leftOut = result.counts['sectionsLeftOut']!;
    expect(leftOut).toBeGreaterThanOrEqual(1000);
    const full = buildDigestEdition(context.publication, context.settings);
    expect(result.counts['sections']! + leftOut).toBe(sectionCount(full));
    expect(sectionCount(full)).toBeGreaterThanOrEqual(1500);
    const text = await readFile(join(context.outDir, 'digest.txt'), 'utf8');
    expect(text.replace(/\s+/g, ' ')).toContain(`… and ${leftOut.toLocaleString('en')} more sections in the brochure`);
    expect(leftOut.toLocaleString('en')).toContain(',');
  });
});
