import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { TriptyqueError } from '../errors';
import { startPreview } from '../preview/start-preview';
import type { CommandRun } from './command';
import { parseReadAs } from './parse-read-as';
import { parseTargets } from './parse-targets';
import { outDirOf, projectOf } from './project';

export { watch } from '../core/watch';

export const previewHelp = `Usage: triptyque preview [SOURCE] [--out DIR] [--port N] [--only LIST] [--as deck]

Builds SOURCE (with none, every content/*.md), then serves a page on 127.0.0.1 that shows the
deck (click it and use the arrow keys), the brochure's pages and the digest side by side, with
the build's warnings and errors. Every save of the source, the configuration or a theme rebuilds
what changed and the page reloads by itself. DIR/index.html is refreshed too: a gallery of
every source. Stop with Ctrl-C.

Options:
  --out DIR        output folder (default: output/ beside the configuration)
  --port N         port to listen on (default: any free port)
  --only LIST      only these targets, comma-separated: deck, brochure, digest
  --as deck        read each source as a Marp deck, as if its front matter said marp: true:
                   the deck keeps its author's slides, the brochure and the digest are made
                   from them (the configuration's \`as: deck\` does the same for every run)
  -h, --help       this help

Exit codes: 0 stopped with Ctrl-C, 1 the preview could not start, 2 bad usage.`;

export const runPreview: CommandRun = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, port: { type: 'string' }, only: { type: 'string' }, as: { type: 'string' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TriptyqueError('USAGE', `--port takes a port number (0-65535), not "${values.port}"`);
  const project = projectOf(io);
  const preview = await startPreview({
    root: project.root,
    config: project.config,
    sources: positionals.map((source) => resolve(io.cwd, source)),
    outDir: outDirOf(io, project, values.out),
    port,
    only: parseTargets(values.only),
    as: parseReadAs(values.as),
    onEvent: (event) => {
      if (event.type === 'building') io.err(`changed: ${event.changed.map((path) => path.replace(`${io.cwd}/`, '')).join(', ')}; rebuilding`);
      if (event.type === 'progress') io.err(`${event.progress.slug}${event.progress.target ? ` ${event.progress.target}` : ''}: ${event.progress.message}`);
      if (event.type === 'problem') io.err(`preview: ${event.message}`);
      if (event.type === 'built') {
        io.report(event.result.files);
        for (const report of event.result.reports) io.out(`${report.ok ? '✔' : '✖'} ${report.slug} in ${report.durationMs} ms`);
        io.err('waiting for changes (Ctrl-C to stop)');
      }
    },
  });
  io.out(`Preview: ${preview.url}`);
  await new Promise<void>((stopped) => {
    if (io.signal.aborted) stopped();
    io.signal.addEventListener('abort', () => stopped(), { once: true });
  });
  io.err('stopping the preview');
  await preview.close();
  return 0;
};
