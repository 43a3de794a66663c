import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's program, as Debian and the upstream packages install it. */
const SOFFICE = ['soffice', 'libreoffice'];

function run(command: string, args: string[]): Promise<{ code: number | null; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stderr: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (code) => resolve({ code, stderr, missing: false }));
  });
}

export type Converted = { ok: true; bytes: Buffer } | { ok: false; reason: 'no-libreoffice' | 'failed'; detail?: string };

/**
 * An OpenDocument text (.odt, or any file Writer opens) as a .docx, by LibreOffice's headless
 * converter, with a profile of its own so that it runs beside an open LibreOffice. `bytes`: the
 * file's content as the import changed it, converted in place of the file itself.
 */
export async function convertWithLibreOffice(inputPath: string, bytes?: Buffer): Promise<Converted> {
  const work = await mkdtemp(join(tmpdir(), 'triptyque-soffice-'));
  try {
    const input = bytes === undefined ? inputPath : join(work, 'input', basename(inputPath));
    if (bytes !== undefined) {
      await mkdir(dirname(input));
      await writeFile(input, bytes);
    }
    for (const command of SOFFICE) {
      const result = await run(command, ['--headless', `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, input]);
      if (result.missing) continue;
      const output = join(work, `${basename(inputPath, extname(inputPath))}.docx`);
      try {
        return { ok: true, bytes: await readFile(output) };
      } catch {
        return { ok: false, reason: 'failed', detail: result.stderr.trim() };
      }
    }
    return { ok: false, reason: 'no-libreoffice' };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
