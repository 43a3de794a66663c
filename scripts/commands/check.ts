import { parseArgs } from 'node:util';
import { check } from '../core/check';
import type { CommandRun } from './command';

export const checkHelp = `Usage: triptyque check [SOURCE...]

Parses and lints sources without building anything: heading levels, headings in bold,
pasted bullets, broken paragraphs, empty sections, missing metadata, raw HTML, missing images.
With no SOURCE, every content/*.md.

Exit codes: 0 clean (warnings allowed), 1 errors, 2 bad usage.`;

export const runCheck: CommandRun = async (argv, io) => {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const result = await check({ sources: positionals, root: io.cwd });
  io.report(result.files);
  return result.ok ? 0 : 1;
};
