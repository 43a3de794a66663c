import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { MAX_IMAGE_BYTES, readRegularFile } from '../files/regular-file';
import { join, resolve } from 'node:path';
import type { Publication, TargetName } from '../model/types';
import { allSections } from '../model/plain-text';
import { PACKAGE_ROOT } from '../paths';
import { DEFAULT_THEME, themeDir } from '../theme/load-theme';
import { TOOL_VERSION } from '../artifacts/tool-version';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function hashFiles(hash: ReturnType<typeof createHash>, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    hash.update(path);
    hash.update(await readRegularFile(path, MAX_IMAGE_BYTES).catch(() => Buffer.from('missing')));
  }
}

let toolHash: Promise<string> | undefined;

/** The tool's own code and lock file count as an input: a new version rebuilds everything. */
function toolFingerprint(): Promise<string> {
  toolHash ??= (async () => {
    const hash = createHash('sha256').update(TOOL_VERSION);
    await hashFiles(hash, [...(await filesUnder(join(PACKAGE_ROOT, 'scripts'))), join(PACKAGE_ROOT, 'package-lock.json')]);
    return hash.digest('hex');
  })();
  return toolHash;
}

function localImages(publication: Publication, sourceDir: string): string[] {
  const urls: string[] = [];
  const blocks = [...publication.preamble, ...allSections(publication.sections).flatMap((section) => section.blocks)];
  for (const block of blocks) if (block.type === 'image' && !/^[a-z][a-z0-9+.-]*:/i.test(block.url)) urls.push(resolve(sourceDir, block.url));
  return urls.sort();
}

export interface FingerprintInputs {
  target: TargetName;
  sourcePath: string;
  sourceDir: string;
  publication: Publication;
  /** Settings after the front matter's overrides. */
  settings: unknown;
  themeDir: string;
}

/** The theme's files and the default theme's, whose stylesheets stand in for any the theme lacks. */
async function themeFiles(dir: string): Promise<string[]> {
  const dirs = [...new Set([resolve(dir), resolve(themeDir(DEFAULT_THEME))])];
  return (await Promise.all(dirs.map(filesUnder))).flat();
}

/** A hash of everything an artifact depends on: when it is unchanged the artifact is not rebuilt. */
export async function inputFingerprint(inputs: FingerprintInputs): Promise<string> {
  const hash = createHash('sha256').update(inputs.target).update(await toolFingerprint());
  hash.update(JSON.stringify(inputs.settings));
  await hashFiles(hash, [inputs.sourcePath, ...localImages(inputs.publication, inputs.sourceDir), ...(inputs.publication.dependencies ?? []), ...(await themeFiles(inputs.themeDir))]);
  return hash.digest('hex');
}
