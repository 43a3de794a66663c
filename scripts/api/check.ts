import { resolve } from 'node:path';
import type { Diagnostic } from '../artifacts/report';
import { findProject } from '../config/load';
import type { ReadAs } from '../config/schema';
import { check as checkSources } from '../core/check';
import { diagnosticsOf, failureOf, type Failure } from './outcome';

export interface CheckOptions {
  /** Markdown files (from `cwd`); none: every `content/*.md` of the project. */
  sources?: readonly string[];
  /** Where the configuration is looked for, in this folder or its parents (default: the process's folder). */
  cwd?: string;
  /** The configuration file, instead of looking for one. */
  config?: string;
  /** `deck`: every source is read as a Marp deck, as if its front matter said `marp: true`. */
  as?: ReadAs;
}

export interface CheckOutcome {
  /** No error in a source or the configuration (warnings allowed). */
  ok: boolean;
  /** Every problem found, at its file, line and column. */
  diagnostics: Diagnostic[];
  failure?: Failure;
}

/** Parses and lints the sources without writing anything. */
export async function check(options: CheckOptions = {}): Promise<CheckOutcome> {
  const cwd = options.cwd ?? process.cwd();
  try {
    const project = findProject(cwd, options.config);
    const result = await checkSources({ sources: (options.sources ?? []).map((source) => resolve(cwd, source)), root: project.root, config: project.config, as: options.as });
    return { ok: result.ok, diagnostics: diagnosticsOf(result.files) };
  } catch (error) {
    return { ok: false, diagnostics: [], failure: failureOf(error) };
  }
}
