import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, CONFIG_FILES } from '../config/load';
import { JSON_SCHEMA_FILE } from '../config/json-schema';
import { TriptyqueError } from '../errors';
import { PACKAGE_ROOT } from '../paths';
import { PROJECT_THEMES } from '../theme/load-theme';

/** The starter files the package ships: a configuration, a first source per language, a note on themes. */
const STARTER_DIR = join(PACKAGE_ROOT, 'starter');

/** The languages a first source is written in. */
export function starterLanguages(): string[] {
  return readdirSync(STARTER_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[a-z]{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The starter language for a locale such as `fr_FR.UTF-8`; English when there is none for it. */
export function starterLanguageOf(locale: string | undefined): string {
  const code = /^([a-z]{2})/i.exec(locale ?? '')?.[1]?.toLowerCase();
  return code !== undefined && starterLanguages().includes(code) ? code : 'en';
}

export interface CreateProjectOptions {
  dir: string;
  lang: string;
}

/**
 * A starter project in `dir`: a commented configuration that names the package's JSON Schema for
 * editors, a first source in `content/`, a note in `themes/`, a `.gitignore` for `output/`.
 * Nothing is written when any of these is already there.
 */
export function createProject(options: CreateProjectOptions): { written: string[] } {
  const dir = resolve(options.dir);
  const languages = starterLanguages();
  if (!languages.includes(options.lang)) throw new TriptyqueError('USAGE', `--lang ${options.lang}: a first source exists in ${languages.join(', ')}`);
  const sourceDir = join(STARTER_DIR, options.lang);
  const [sourceName] = readdirSync(sourceDir).filter((name) => name.endsWith('.md'));
  const schema = relative(dir, join(PACKAGE_ROOT, JSON_SCHEMA_FILE)).split(sep).join('/');
  const files = new Map<string, string>([
    [CONFIG_FILE, `# yaml-language-server: $schema=${schema}\n${readFileSync(join(STARTER_DIR, CONFIG_FILE), 'utf8').replace('{{lang}}', options.lang)}`],
    [join('content', sourceName!), readFileSync(join(sourceDir, sourceName!), 'utf8')],
    [join(PROJECT_THEMES, 'README.md'), readFileSync(join(STARTER_DIR, 'themes', 'README.md'), 'utf8')],
    ['.gitignore', 'output/\n'],
  ]);
  const existing = [...files.keys(), ...CONFIG_FILES].filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0) throw new TriptyqueError('INIT_EXISTS', `${dir} already has ${[...new Set(existing)].join(', ')}: nothing was written (init never overwrites; choose an empty folder)`);
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text, { flag: 'wx' });
  }
  return { written: [...files.keys()] };
}
