import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildReport } from '../artifacts/report';
import { loadConfig } from '../config/load';
import type { Settings } from '../config/schema';
import { build } from '../core/build';
import { TriptyqueError } from '../errors';
import { hasErrors, loadSource } from '../source/load-source';
import type { DigestParts } from '../targets/digest/digest-eml';

export interface FreshDigest {
  settings: Settings;
  /** `outDir/<slug>`, where the digest, its report and the send log are. */
  dir: string;
  parts: DigestParts;
  /** True when the built digest was older than its source or configuration and was built again. */
  rebuilt: boolean;
}

/**
 * The digest of the source as it is now. The build compares the input fingerprint of the source,
 * its images, the theme, the settings and the tool with the one in report.json, and builds the
 * digest again when they differ: an edited source never goes out as its old edition.
 */
export async function freshDigest(options: { source: string; root: string; config?: string; outDir: string; signal?: AbortSignal }): Promise<FreshDigest> {
  const config = loadConfig(options.root, options.config);
  if (hasErrors(config.file)) throw new TriptyqueError('SEND_FAILED', `${config.file.path}: the configuration has errors; run \`triptyque check\``);
  const { file, publication, settings } = await loadSource(options.source, config.settings);
  if (!publication || !settings || hasErrors(file)) throw new TriptyqueError('SEND_FAILED', `${options.source} has errors, so nothing was sent; run \`triptyque check ${options.source}\``);
  const built = await build({ sources: [options.source], root: options.root, config: options.config, outDir: options.outDir, only: ['digest'], signal: options.signal });
  const report = built.reports[0];
  if (!built.ok || !report?.targets.digest?.ok) {
    const reason = report?.targets.digest?.error ?? 'see report.json';
    throw new TriptyqueError('SEND_FAILED', `the digest of ${options.source} could not be built from its current text (${reason}), so nothing was sent: fix it and run \`triptyque build ${options.source} --only digest\``);
  }
  // The build's slug: another source's publication may hold the folder the file name alone gives.
  const dir = join(options.outDir, report.slug);
  return { settings, dir, parts: await readBuiltDigest(dir, report), rebuilt: report.targets.digest.cached !== true };
}

/** The digest exactly as built: what was checked for size and support is what goes out. The subject is the HTML's <title>. */
async function readBuiltDigest(dir: string, report: BuildReport): Promise<DigestParts> {
  const [html, text] = await Promise.all([readFile(join(dir, 'digest.html'), 'utf8'), readFile(join(dir, 'digest.txt'), 'utf8')]);
  const subject = report.targets.digest?.details?.['subject'];
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  // The subject the build chose; the page's <title> is kept short for screen readers, so it comes second.
  if (typeof subject === 'string') return { subject, html, text };
  if (title) return { subject: decodeEntities(title), html, text };
  throw new TriptyqueError('SEND_FAILED', `${join(dir, 'digest.html')} has no <title> (the subject): run \`triptyque build --force --only digest\``);
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&amp;/g, '&');
}
