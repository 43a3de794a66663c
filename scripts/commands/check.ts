import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../core/check';
import { resolveSources } from '../core/sources';
import { fixFiles } from '../fix/fix-files';
import { FIX_LABELS } from '../fix/labels';
import type { CommandRun } from './command';
import { parseReadAs } from './parse-read-as';
import { projectOf } from './project';

export const checkHelp = `Usage: triptyque check [--fix [--dry-run]] [--as deck] [SOURCE...]

Parses and lints sources without building anything: heading levels, headings in bold,
pasted bullets, broken paragraphs, empty sections, missing metadata, raw HTML, missing images.
With no SOURCE, every content/*.md.

  --fix       repair in place what a machine can repair safely: bold paragraphs (and short
              italic lines before the text) standing as headings, bold headings, skipped heading levels, Word's "o" bullets, 3<sup>ème</sup>,
              HTML entities, paragraphs cut by a page break, a missing front matter block.
              Only the fixed spans change; interleaved columns are only reported. Then checks.
  --dry-run   with --fix: print the changes as a unified diff instead of writing them
  --as deck   read each source as a Marp deck, as if its front matter said marp: true: Marp's
              directives, styles and HTML are the deck's, and check says what the brochure
              cannot use (a slide that is only a picture without alt text)

Exit codes: 0 clean (warnings allowed), 1 errors, 2 bad usage.`;

export const runCheck: CommandRun = async (argv, io) => {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { fix: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, as: { type: 'string' } },
  });
  if (values['dry-run'] && !values.fix) {
    io.err('triptyque check: --dry-run goes with --fix. See `triptyque check --help`.');
    return 2;
  }
  const as = parseReadAs(values.as);
  const project = projectOf(io);
  if (values.fix) {
    const sources = await resolveSources(positionals, project.root);
    const results = await fixFiles(sources.map((source) => resolve(io.cwd, source)), { dryRun: values['dry-run'] });
    results.forEach((result, index) => {
      for (const fix of result.fixes) io.err(`${sources[index]}:${fix.line}:${fix.column}  fixed  ${FIX_LABELS[fix.ruleId] ?? fix.ruleId}  ${fix.ruleId}`);
      if (result.patch) io.out(result.patch);
    });
    // A dry run checks the sources as they are; a fix run checks what it wrote.
  }
  const result = await check({ sources: positionals, root: project.root, config: project.config, as });
  io.report(result.files);
  return result.ok ? 0 : 1;
};
