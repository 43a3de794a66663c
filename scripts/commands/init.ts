import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TriptyqueError } from '../errors';
import { createProject, starterLanguageOf, starterLanguages } from '../init/create-project';
import type { CommandRun } from './command';

export const initHelp = `Usage: triptyque init [DIR] [--lang ${starterLanguages().join('|')}]

Starts a project in DIR (default: the current folder): triptyque.config.yaml (commented, with
the JSON Schema line your editor completes and checks it with), a first source in content/ that
shows what a source can hold, themes/README.md, and a .gitignore for output/. Nothing is
overwritten: when one of these files is there, nothing is written.

Options:
  --lang CODE      the first source's language (default: your locale's when there is one, else en)
  -h, --help       this help

Exit codes: 0 created, 1 the folder already has a project, 2 bad usage.`;

export const runInit: CommandRun = async (argv, io) => {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { lang: { type: 'string' } } });
  if (positionals.length > 1) throw new TriptyqueError('USAGE', `give one folder at most. See \`triptyque init --help\`.`);
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  const lang = values.lang ?? starterLanguageOf(process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG']);
  const { written } = createProject({ dir, lang });
  for (const name of written) io.out(`created ${relative(io.cwd, resolve(dir, name)) || name}`);
  const inside = relative(io.cwd, dir);
  io.out(`Next: ${inside ? `cd ${inside} && ` : ''}npx triptyque build, then open output/index.html.`);
  return 0;
};
