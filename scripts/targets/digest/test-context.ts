import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { artifactWriter } from '../../artifacts/write-artifact';
import { BrowserService } from '../../browser/browser-service';
import { settingsSchema, type Settings } from '../../config/schema';
import { PACKAGE_ROOT } from '../../paths';
import { themeDir } from '../../theme/load-theme';
import { loadSource } from '../../source/load-source';
import { PRINT_AT_ONCE } from '../print-turns';
import type { TargetContext } from '../target';

export const REAL_SOURCE = join(PACKAGE_ROOT, 'content', '2010-05-27-travailler-en-reseau.md');

/** A target context for one source, writing into a fresh temporary folder. The digest never opens the browser. */
export async function digestContext(source: string, digest: Partial<Settings['digest']> = {}): Promise<TargetContext> {
  // Test sources may give their own brochure URL; the sender settings stay the configuration's.
  const base = settingsSchema.parse({ organisation: 'GIP ARIFOR Champagne-Ardenne', theme: 'arifor', allowSourceOverrides: ['brochureUrl'], digest: { from: 'GIP ARIFOR <contact@arifor.example>', listId: '<synthese.arifor.example>', ...digest } });
  const { file, publication, settings } = await loadSource(source, base);
  if (!publication || !settings) throw new Error(`source did not load: ${file.messages.map(String).join('; ')}`);
  const outDir = await mkdtemp(join(tmpdir(), 'triptyque-digest-'));
  return {
    publication,
    settings,
    file,
    outDir,
    sourceDir: dirname(resolve(source)),
    themeDir: themeDir(settings.theme, PACKAGE_ROOT),
    allowedRoots: [dirname(resolve(source)), outDir],
    browser: new BrowserService(),
    keepPages: false,
    write: artifactWriter(outDir),
    progress: () => undefined,
    turn: PRINT_AT_ONCE,
  };
}

/** Writes a small Markdown source into a temporary folder and returns its path. */
export async function writeSource(markdown: string, name = 'essai.md'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'triptyque-source-'));
  const path = join(dir, name);
  await writeFile(path, markdown);
  return path;
}
