import { FileRefused, readRegularFile } from '../files/regular-file';
import { basename } from 'node:path';
import { VFile } from 'vfile';

/** Sources larger than this are refused before parsing: no synthesis is that long. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/**
 * Reads a source as UTF-8. Problems that make parsing pointless (unreadable, binary, not UTF-8,
 * too large) come back as fatal messages on the file rather than exceptions.
 */
export async function readSource(path: string): Promise<VFile> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_SOURCE_BYTES);
  } catch (error) {
    const file = new VFile({ path });
    if (error instanceof FileRefused) {
      const { refusal } = error;
      const reason = refusal.reason === 'missing' ? 'no such file' : refusal.reason === 'not-regular' && refusal.kind === 'folder' ? 'a folder, not a Markdown file' : error.message;
      fail(file, reason, 1, 1, refusal.reason === 'too-large' ? 'source-too-large' : 'source-unreadable');
      return file;
    }
    const code = (error as NodeJS.ErrnoException).code;
    fail(file, `cannot be read (${code ?? (error as Error).name})`, 1, 1, 'source-unreadable');
    return file;
  }
  const file = new VFile({ path });
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = placeOfByte(bytes, nul);
    fail(file, `binary content (a NUL byte) in ${basename(path)}: not a Markdown source`, line, column, 'source-binary');
    return file;
  }
  try {
    file.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = placeOfIndex(lenient, lenient.indexOf('\uFFFD'));
    fail(file, 'invalid UTF-8: save the source as UTF-8', line, column, 'source-encoding');
  }
  return file;
}

function fail(file: VFile, reason: string, line: number, column: number, ruleId: string): void {
  file.message(reason, { place: { line, column }, ruleId, source: 'triptyque' }).fatal = true;
}

function placeOfByte(bytes: Buffer, index: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, index));
  return placeOfIndex(before, before.length);
}

function placeOfIndex(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, index));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}
