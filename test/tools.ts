import { appendFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The programs the suite calls beside Node, each with the Debian package that provides it. A test
 * that needs one fails with the package's name when it is missing, never skips: a green run on a
 * machine without LibreOffice would otherwise say nothing about deck.pptx in Impress.
 */
export const TOOLS = {
  pandoc: 'pandoc',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfimages: 'poppler-utils',
  qpdf: 'qpdf',
  gs: 'ghostscript',
  soffice: 'libreoffice-impress libreoffice-writer',
  spamassassin: 'spamassassin',
  python3: 'python3',
} as const;

export type Tool = keyof typeof TOOLS;

/** Where each test process notes the tools it used, for the summary printed after the run (test/print-tools.ts). */
export const TOOLS_USED_FILE = process.env['TRIPTYQUE_TOOLS_USED'] ?? join(tmpdir(), `triptyque-tools-used-${process.ppid}.txt`);

const found = new Map<Tool, string>();

/** The command to run `name`, after checking it answers; throws with the package to install when it does not. */
export function tool(name: Tool): string {
  const known = found.get(name);
  if (known) return known;
  const probe = spawnSync(name, name === 'gs' ? ['--version'] : name === 'pdftotext' || name.startsWith('pdf') ? ['-v'] : ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error) throw new Error(`this test needs ${name}, which is not installed: apt-get install ${TOOLS[name]}`);
  const version = `${probe.stdout}\n${probe.stderr}`.split('\n').find((line) => /\d+\.\d+/.test(line))?.trim() ?? '';
  appendFileSync(TOOLS_USED_FILE, `${name}\t${version}\n`);
  found.set(name, name);
  return name;
}
