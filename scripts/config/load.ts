import { existsSync, readFileSync } from 'node:fs';
import { checkRegularFileSync, describeRefusal, MAX_THEME_FILE_BYTES } from '../files/regular-file';
import { dirname, join, resolve } from 'node:path';
import { VFile } from 'vfile';
import type { ZodError } from 'zod';
import { TriptyqueError } from '../errors';
import { settingsSchema, type ReadAs, type Settings } from './schema';
import { locateYamlPath, parseYaml, yamlToData, type ParsedYaml } from './yaml-location';

export const CONFIG_FILE = 'triptyque.config.yaml';
/** The names a project's configuration may have, in the order they are looked for (JSON is read as the YAML it also is). */
export const CONFIG_FILES = [CONFIG_FILE, 'triptyque.config.yml', 'triptyque.config.json'] as const;

/** The configuration in `dir` itself, under one of its names. */
function configIn(dir: string): string | undefined {
  return CONFIG_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
}

export interface Project {
  /** The project's folder: the configuration's (where `content/`, `themes/` and `output/` are), else the folder started from. */
  root: string;
  /** The configuration file, if there is one. */
  config?: string;
}

/**
 * The project a command run in `cwd` works on: the configuration named (`--config`), else the
 * first found in `cwd` or one of its parents, else none (every default) with `cwd` as the root.
 */
export function findProject(cwd: string, config?: string): Project {
  if (config !== undefined) {
    const path = resolve(cwd, config);
    if (!existsSync(path)) throw new TriptyqueError('USAGE', `--config ${config}: no such file`);
    return { root: dirname(path), config: path };
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = configIn(dir);
    if (found) return { root: dir, config: found };
    if (dirname(dir) === dir) return { root: resolve(cwd) };
  }
}

export interface LoadedConfig {
  settings: Settings;
  /** The configuration file (or an empty one), carrying its diagnostics. */
  file: VFile;
}

/** Reads and validates the project configuration (`config`, else the one in `root`); none means all defaults. */
export function loadConfig(root: string, config?: string): LoadedConfig {
  const path = config ?? configIn(root) ?? join(root, CONFIG_FILE);
  const refusal = checkRegularFileSync(path, MAX_THEME_FILE_BYTES);
  if (refusal?.reason === 'missing') return { settings: settingsSchema.parse({}), file: new VFile({ path }) };
  if (refusal) {
    const file = new VFile({ path });
    file.message(describeRefusal(path, refusal), { place: { line: 1, column: 1 }, ruleId: 'config-unreadable', source: 'triptyque' }).fatal = true;
    return { settings: settingsSchema.parse({}), file };
  }
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  const parsed = parseYaml(String(file.value));
  for (const error of parsed.doc.errors) {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
    file.message(error.message.split('\n')[0]!, { place: { line, column }, ruleId: 'config-yaml', source: 'triptyque' }).fatal = true;
  }
  if (parsed.doc.errors.length > 0) return { settings: settingsSchema.parse({}), file };
  const converted = yamlToData(parsed);
  if ('error' in converted) {
    file.message(converted.error, { place: converted.place, ruleId: 'config-yaml', source: 'triptyque' }).fatal = true;
    return { settings: settingsSchema.parse({}), file };
  }
  const result = settingsSchema.safeParse(converted.data ?? {});
  if (result.success) return { settings: result.data, file };
  reportZodIssues(file, parsed, result.error, 'config-invalid', 0);
  return { settings: settingsSchema.parse({}), file };
}

/** One fatal vfile message per schema issue, placed at the offending key. */
export function reportZodIssues(file: VFile, parsed: ParsedYaml, error: ZodError, ruleId: string, lineOffset: number): void {
  for (const issue of error.issues) {
    const place = locateYamlPath(parsed, issue.path);
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
    const message = file.message(`${where}${issue.message}`, {
      place: { line: place.line + lineOffset, column: place.column },
      ruleId,
      source: 'triptyque',
    });
    message.fatal = true;
  }
}

/** Deep-merges a document's overrides onto the project settings, then validates the result. */
export function mergeSettings(base: Settings, overrides: Record<string, unknown>): ReturnType<typeof settingsSchema.safeParse> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      current && typeof current === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...(current as object), ...(value as object) }
        : value;
  }
  return settingsSchema.safeParse(merged);
}

/** The settings of a run that reads every source as `as` (`--as deck`): the command line wins over the configuration. */
export function readingAs(settings: Settings, as: ReadAs | undefined): Settings {
  return as ? { ...settings, as } : settings;
}
