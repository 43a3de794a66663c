import type { VFile } from 'vfile';
import { loadConfig, readingAs } from '../config/load';
import type { ReadAs } from '../config/schema';
import { hasErrors, loadSource } from '../source/load-source';
import { resolveSources } from './sources';

export interface CheckOptions {
  sources: readonly string[];
  /** Project root: where `triptyque.config.yaml` and `content/` are. */
  root: string;
  /** The configuration file, when it is not the one in `root`. */
  config?: string;
  /** `deck`: every source is read as a Marp deck (`--as deck`), whatever the configuration's `as` says. */
  as?: ReadAs;
}

export interface CheckResult {
  files: VFile[];
  ok: boolean;
}

/** Parses and lints only: a build that writes nothing. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const config = loadConfig(options.root, options.config);
  const files: VFile[] = config.file.messages.length > 0 ? [config.file] : [];
  for (const source of await resolveSources(options.sources, options.root)) {
    files.push((await loadSource(source, readingAs(config.settings, options.as))).file);
  }
  return { files, ok: !files.some(hasErrors) };
}
