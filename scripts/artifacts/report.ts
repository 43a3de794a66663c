import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { countWords, publicationText } from '../model/plain-text';
import type { Publication, Section, TargetName } from '../model/types';
import type { ArtifactRecord } from './write-artifact';

export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
  ruleId?: string;
  message: string;
}

export interface TargetReport {
  ok: boolean;
  durationMs: number;
  /** True when the artifacts were up to date and kept as they were. */
  cached?: boolean;
  /** Fingerprint of everything the target read: source, images, theme, settings, tool. */
  inputHash?: string;
  artifacts: Omit<ArtifactRecord, 'path'>[];
  counts: Record<string, number>;
  details?: Record<string, unknown>;
  error?: string;
}

export interface BuildReport {
  source: string;
  slug: string;
  tool: { name: 'triptyque'; version: string };
  builtAt: string;
  ok: boolean;
  durationMs: number;
  model?: { sections: number; blocks: number; words: number };
  targets: Partial<Record<TargetName, TargetReport>>;
  diagnostics: Diagnostic[];
}

export function toDiagnostic(message: VFileMessage, file: VFile): Diagnostic {
  return {
    file: message.file || file.path || '',
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    ruleId: message.ruleId ?? undefined,
    message: message.reason,
  };
}

export function modelCounts(publication: Publication): NonNullable<BuildReport['model']> {
  let sections = 0;
  let blocks = publication.preamble.length;
  const walk = (list: Section[]) => {
    for (const section of list) {
      sections++;
      blocks += section.blocks.length;
      walk(section.children);
    }
  };
  walk(publication.sections);
  return { sections, blocks, words: countWords(publicationText(publication)) };
}

/** The report.json an earlier build left in a source's output folder, if any. */
export async function readReport(sourceOutDir: string): Promise<BuildReport | undefined> {
  try {
    return JSON.parse(await readFile(join(sourceOutDir, 'report.json'), 'utf8')) as BuildReport;
  } catch {
    return undefined;
  }
}
