import type { VFile } from 'vfile';
import { toDiagnostic, type Diagnostic } from '../artifacts/report';
import { isTriptyqueError, type ErrorCode } from '../errors';

/** A failure that is not about a source's content (no browser, a locked output, a bad option): said in one sentence. */
export interface Failure {
  code: ErrorCode | 'INTERRUPTED';
  message: string;
}

/** Every diagnostic of the files, located (`file`, `line`, `column`), as the CLI prints them. */
export function diagnosticsOf(files: readonly VFile[]): Diagnostic[] {
  return files.flatMap((file) => file.messages.map((message) => toDiagnostic(message, file)));
}

/** An operational failure as a value; anything else (a bug) is thrown on. */
export function failureOf(error: unknown): Failure {
  if (isTriptyqueError(error)) return { code: error.code, message: error.message };
  if ((error as Error).name === 'AbortError') return { code: 'INTERRUPTED', message: 'interrupted; earlier artifacts are left as they were' };
  throw error;
}
