import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildReport, TargetReport } from '../artifacts/report';
import { TARGET_NAMES, type TargetName } from '../model/types';
import { parseYaml, yamlToData } from '../config/yaml-location';
import { readThumbnails, type Thumbnails } from './thumbnails';

/** What each target is expected to write, with the words a person looks for. */
export const EXPECTED_ARTIFACTS: Record<TargetName, { name: string; label: string }[]> = {
  deck: [
    { name: 'deck.html', label: 'Slides with presenter view' },
    { name: 'deck.pdf', label: 'Slides' },
    { name: 'deck-handout.pdf', label: 'Handout' },
    { name: 'deck.pptx', label: 'PowerPoint' },
    { name: 'deck.md', label: 'Marp Markdown' },
  ],
  brochure: [
    { name: 'brochure.pdf', label: 'Brochure' },
    { name: 'brochure-booklet.pdf', label: 'Booklet imposition' },
    { name: 'brochure-print.pdf', label: 'Print-ready' },
    { name: 'brochure.html', label: 'Web page' },
  ],
  digest: [
    { name: 'digest.html', label: 'Email' },
    { name: 'digest.txt', label: 'Plain text' },
    { name: 'digest.eml', label: 'Message' },
  ],
};

export interface ArtifactView {
  name: string;
  label: string;
  /** Size on disk; undefined when the file is not there. */
  bytes?: number;
}

export interface TargetView {
  name: TargetName;
  /** The target's part of the report; undefined when this build did not run it. */
  report?: TargetReport;
  artifacts: ArtifactView[];
}

export interface SourceView {
  report: BuildReport;
  title: string;
  subtitle?: string;
  /** The document's language, as its built HTML declares it: the thumbnails are described in it. */
  lang?: string;
  targets: TargetView[];
  thumbnails: Thumbnails;
  /** The digest's plain-text part, shown as text (a file:// frame would guess its encoding). */
  digestText?: string;
  /** Changes with every build: appended to image URLs so no browser shows a stale thumbnail. */
  version: string;
}

/** Everything the gallery and the preview show about one source, read from its report and its folder. */
export async function readSourceView(report: BuildReport, slugDir: string): Promise<SourceView> {
  const [heading, builtLang, thumbnails, targets, digestText] = await Promise.all([
    readHeading(report.source),
    readBuiltLang(slugDir),
    readThumbnails(slugDir),
    Promise.all(TARGET_NAMES.map((name) => readTarget(name, report.targets[name], slugDir))),
    readFile(join(slugDir, 'digest.txt'), 'utf8').then(
      (text) => text.slice(0, 200_000),
      () => undefined,
    ),
  ]);
  const version = [report.builtAt, thumbnails.slides?.key, thumbnails.pages?.key].filter(Boolean).join('|');
  return { report, title: heading.title ?? report.slug, subtitle: heading.subtitle, lang: builtLang ?? heading.lang, targets, thumbnails, digestText, version: shortHash(version) };
}

/** The `lang` of the first built HTML artifact's root element (the front matter may have none: the build guessed it). */
async function readBuiltLang(slugDir: string): Promise<string | undefined> {
  for (const name of ['brochure.html', 'digest.html', 'deck.html']) {
    const start = await readFile(join(slugDir, name), 'utf8').then((text) => text.slice(0, 2000), () => '');
    const lang = /<html\b[^>]*\slang="([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)"/.exec(start)?.[1];
    if (lang) return lang;
  }
  return undefined;
}

async function readTarget(name: TargetName, report: TargetReport | undefined, slugDir: string): Promise<TargetView> {
  const expected = EXPECTED_ARTIFACTS[name];
  const extra = (report?.artifacts ?? []).filter((artifact) => !expected.some((known) => known.name === artifact.name)).map((artifact) => ({ name: artifact.name, label: artifact.name }));
  const artifacts = await Promise.all(
    [...expected, ...extra].map(async (artifact) => {
      const info = await stat(join(slugDir, artifact.name)).catch(() => undefined);
      return { ...artifact, bytes: info?.isFile() ? info.size : undefined };
    }),
  );
  return { name, report, artifacts };
}

/** Title and subtitle from the source's front matter; the slug stands in when it can't be read. */
async function readHeading(source: string): Promise<{ title?: string; subtitle?: string; lang?: string }> {
  try {
    const text = await readFile(source, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    const converted = match ? yamlToData(parseYaml(match[1]!)) : undefined;
    const data = converted && 'data' in converted ? (converted.data as Record<string, unknown> | null) : null;
    const field = (key: string) => (typeof data?.[key] === 'string' ? (data[key] as string) : undefined);
    return { title: field('title'), subtitle: field('subtitle'), lang: field('lang') };
  } catch {
    return {};
  }
}

function shortHash(text: string): string {
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return (hash >>> 0).toString(36);
}
