import type { VFile } from 'vfile';
import { SENDER_SETTINGS, type Settings } from './schema';
import { locateYamlPath, type ParsedYaml } from './yaml-location';

/**
 * Refuses, at the front-matter key, each sender setting (who the mail is from, where its links
 * point) that the source sets although the project configuration does not allow it. True when
 * none was refused.
 */
export function checkSenderOverrides(
  frontMatter: Record<string, unknown>,
  settings: Settings,
  /** Where the front matter is: a YAML block locates each key, a TOML one points at its start. */
  at: { yaml?: ParsedYaml; lineOffset: number } | undefined,
  file: VFile,
): boolean {
  const allowed = new Set<string>(settings.allowSourceOverrides);
  let ok = true;
  for (const key of SENDER_SETTINGS) {
    const path = key.split('.');
    if (valueAt(frontMatter, path) === undefined || allowed.has(key)) continue;
    const lineOffset = at?.lineOffset ?? 0;
    const place = at?.yaml ? locateYamlPath(at.yaml, path) : { line: 1, column: 1 };
    file.message(`\`${key}\` is set by the project configuration only (who the mail is from and where it points); list it in \`allowSourceOverrides\` of triptyque.config.yaml to let sources set it`, {
      place: { line: place.line + lineOffset, column: place.column },
      ruleId: 'front-matter-sender',
      source: 'triptyque',
    }).fatal = true;
    ok = false;
  }
  return ok;
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}
