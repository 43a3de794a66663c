import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { build } from '../core/build';
import type { CommandRun } from './command';
import { parseTargets } from './parse-targets';

export const buildHelp = `Usage: triptyque build [SOURCE...] [--out DIR] [--only deck,brochure,digest]

Builds each source into DIR/<slug>/ (slug: the file name without .md): the deck, the brochure
and the digest, and report.json with what was written, counts, timings and diagnostics.
With no SOURCE, every content/*.md.

Options:
  --out DIR        output folder (default: output)
  --only LIST      only these targets, comma-separated: deck, brochure, digest
  --force          rebuild every artifact, even those whose inputs are unchanged
  -h, --help       this help

Exit codes: 0 built, 1 errors in a source or a failed target, 2 bad usage.`;

export const runBuild: CommandRun = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'output' }, only: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const result = await build({
    sources: positionals,
    root: io.cwd,
    outDir: resolve(io.cwd, values.out!),
    only: parseTargets(values.only),
    force: values.force,
    signal: io.signal,
    onProgress: (event) => io.err(`${event.slug}${event.target ? ` ${event.target}` : ''}: ${event.message}`),
  });
  io.report(result.files);
  for (const report of result.reports) {
    const parts = Object.entries(report.targets).map(([name, target]) => `${name} ${!target.ok ? 'FAILED' : target.cached ? 'up to date' : `${target.durationMs} ms`}`);
    io.out(`${report.ok ? '✔' : '✖'} ${report.slug} in ${report.durationMs} ms${parts.length ? ` (${parts.join(', ')})` : ''} -> ${resolve(io.cwd, values.out!, report.slug)}`);
  }
  if (result.reports.length === 0 && result.ok) io.err('Nothing to build: no content/*.md and no SOURCE given.');
  return result.ok ? 0 : 1;
};
