import { parseArgs } from 'node:util';
import { TriptyqueError } from '../errors';
import { createTheme } from '../theme/create-theme';
import { join } from 'node:path';
import { PROJECT_THEMES } from '../theme/load-theme';
import type { CommandRun } from './command';
import { projectOf } from './project';

export const themeHelp = `Usage: triptyque theme new NAME [--from _brand.yml]

Creates themes/NAME: a copy of the default theme (the stylesheets of the deck, the brochure and
the digest), with its own theme.json, or with the given _brand.yml (posit's brand.yml, as Quarto
reads it: colours, fonts, logos) and the logo files it names. Use it with \`theme: NAME\` in
triptyque.config.yaml or a source's front matter.

Exit codes: 0 created, 1 the brand file is invalid, 2 bad usage.`;

export const runTheme: CommandRun = async (argv, io) => {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' } } });
  const [action, name, ...rest] = positionals;
  if (action !== 'new' || !name || rest.length > 0) throw new TriptyqueError('USAGE', `expected \`triptyque theme new NAME [--from _brand.yml]\`\n\n${themeHelp}`);
  const created = createTheme({ name, from: values.from, themesDir: join(projectOf(io).root, PROJECT_THEMES) });
  for (const warning of created.warnings) io.err(`warning: ${warning}`);
  io.out(`Theme created: ${created.dir}`);
  return 0;
};
