import { readFileSync } from 'node:fs';
import { checkRegularFileSync, describeRefusal, MAX_THEME_FILE_BYTES } from '../files/regular-file';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { ZodError } from 'zod';
import { settingsSchema, type Settings } from './schema';
import { locateYamlPath, parseYaml, yamlToData, type ParsedYaml } from './yaml-location';

export const CONFIG_FILE = 'triptyque.config.yaml';

export interface LoadedConfig {
  settings: Settings;
  /** The configuration file (or an empty one), carrying its diagnostics. */
  file: VFile;
}

/** Reads and validates the project configuration; a missing file means all defaults. */
export function loadConfig(root: string): LoadedConfig {
  const path = join(root, CONFIG_FILE);
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
