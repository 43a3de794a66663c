import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { buildWithGallery } from '../api/build';
import type { BuildResult } from '../core/build';
import { watch } from '../core/watch';
import { progressPrinter, summaryLines } from './build-output';
import type { CommandRun } from './command';
import { parseReadAs } from './parse-read-as';
import { parseTargets } from './parse-targets';
import { outDirOf, projectOf } from './project';

export const buildHelp = `Usage: triptyque build [SOURCE...] [--out DIR] [--only deck,brochure,digest] [--as deck]

Builds each source into DIR/<slug>/ (slug: the file name without .md): the deck, the brochure
and the digest, and report.json with what was written, counts, timings and diagnostics.
With no SOURCE, every content/*.md.

Options:
  --out DIR        output folder (default: output/ beside the configuration)
  --only LIST      only these targets, comma-separated: deck, brochure, digest
  --as deck        read each source as a Marp deck, as if its front matter said marp: true:
                   the deck keeps its author's slides, the brochure and the digest are made
                   from them (the configuration's \`as: deck\` does the same for every run)
  --force          rebuild every artifact, even those whose inputs are unchanged
  --no-gallery     do not write DIR/index.html (the gallery of thumbnails)
  --watch          keep running: rebuild what a change affects, with the browser kept warm
  -h, --help       this help

Exit codes: 0 built, 1 errors in a source or a failed target, 2 bad usage.`;

export const runBuild: CommandRun = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      only: { type: 'string' },
      as: { type: 'string' },
      force: { type: 'boolean', default: false },
      'no-gallery': { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
    },
  });
  const project = projectOf(io);
  const outDir = outDirOf(io, project, values.out);
  const only = parseTargets(values.only);
  const as = parseReadAs(values.as);
  const progress = progressPrinter(io);
  const onProgress = progress.onProgress;
  const summarise = (result: BuildResult) => {
    progress.done();
    io.report(result.files);
    for (const report of result.reports) for (const line of summaryLines(report, join(outDir, report.slug))) io.out(line);
  };
  if (values.watch) {
    io.err('Watching the sources, triptyque.config.yaml and themes/; Ctrl-C to stop.');
    await watch({ root: project.root, config: project.config, sources: positionals, outDir, only, as, signal: io.signal, onProgress, onBuild: summarise, onChange: (changed) => io.err(`changed: ${changed.join(', ')}`) });
    return 0;
  }
  const gallery = !values['no-gallery'];
  const result = await buildWithGallery({ sources: positionals, root: project.root, config: project.config, outDir, only, as, force: values.force, gallery, signal: io.signal, onProgress });
  summarise(result);
  if (result.galleryError) io.err(result.galleryError);
  if (result.gallery) io.out(`Gallery: ${result.gallery}`);
  if (result.reports.length === 0 && result.ok) io.err('Nothing to build: no content/*.md and no SOURCE given.');
  return result.ok ? 0 : 1;
};
