import { existsSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../artifacts/report';
import { writeAtomic } from '../artifacts/write-artifact';
import { findProject } from '../config/load';
import { check } from '../core/check';
import { TriptyqueError } from '../errors';
import type { AppliedFix } from '../fix/fix-source';
import { importDocument as convert } from '../import/import-document';
import { slugify } from '../model/slug';
import { diagnosticsOf, failureOf, type Failure } from './outcome';

export interface ImportOptions {
  /** Where paths are read from and the configuration is looked for (default: the process's folder). */
  cwd?: string;
  /** The source to write (default: `content/NAME.md` of the project). */
  output?: string;
  /** Replace an existing source. */
  force?: boolean;
  config?: string;
}

export interface ImportOutcome {
  ok: boolean;
  /** The source written. */
  output?: string;
  /** The conversion's notices (mammoth's), for a person to look at. */
  warnings: string[];
  /** What the import did that a person may want to know (tracked changes accepted, comments left out). */
  notes: string[];
  /** What `check --fix` repaired, at its line and column of the source written. */
  fixes: AppliedFix[];
  /** What `check` says of the source written. */
  diagnostics: Diagnostic[];
  failure?: Failure;
}

/** A Word or LibreOffice document (.docx, .odt), a PDF or a saved web page (.html) -> a source, fixed and checked. An existing source is kept unless `force`. */
export async function importDocument(input: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const cwd = options.cwd ?? process.cwd();
  try {
    const inputPath = resolve(cwd, input);
    if (!/\.(docx|odt|pdf|html?)$/i.test(input)) throw new TriptyqueError('USAGE', `${input}: give a .docx, .odt, .pdf or .html file`);
    if (!existsSync(inputPath)) throw new TriptyqueError('IO', `${input}: no such file`);
    const project = findProject(cwd, options.config);
    const outputPath = options.output === undefined ? join(project.root, 'content', `${slugify(basename(input, extname(input)))}.md`) : resolve(cwd, options.output);
    if (existsSync(outputPath) && !options.force) throw new TriptyqueError('IO', `${relative(cwd, outputPath)} already exists; give another output or force to overwrite it`);
    const imported = await convert(inputPath, outputPath);
    if ('failure' in imported) throw new TriptyqueError('IO', imported.failure);
    await writeAtomic(outputPath, imported.markdown);
    const checked = await check({ sources: [outputPath], root: project.root, config: project.config });
    return { ok: checked.ok, output: outputPath, warnings: imported.warnings, notes: imported.notes, fixes: imported.fixes, diagnostics: diagnosticsOf(checked.files) };
  } catch (error) {
    return { ok: false, warnings: [], notes: [], fixes: [], diagnostics: [], failure: failureOf(error) };
  }
}
