import { appendFileSync, copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_SOURCE, tempDir } from '../../test/helpers';
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
