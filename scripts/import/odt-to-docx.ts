import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
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
 * converter, with a profile of its own so that it runs beside an open LibreOffice.
 */
export async function convertWithLibreOffice(inputPath: string): Promise<Converted> {
  const work = await mkdtemp(join(tmpdir(), 'triptyque-soffice-'));
  try {
    for (const command of SOFFICE) {
      const result = await run(command, ['--headless', `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, inputPath]);
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
