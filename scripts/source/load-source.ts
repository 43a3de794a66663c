import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Settings } from '../config/schema';
import { buildPublication } from '../model/build-publication';
import type { Publication } from '../model/types';
import { parseMarkdown } from './processor';
import { readSource } from './read-source';

export interface LoadedSource {
  /** The source with every diagnostic about it. */
  file: VFile;
  tree?: Root;
  publication?: Publication;
  /** Project settings with this document's overrides. */
  settings?: Settings;
}

/** Read, parse once, lint, typeset and model one source. Never throws for content problems. */
/** `slug` names the output folder; by default it comes from the file name. */
export async function loadSource(path: string, projectSettings: Settings, slug?: string): Promise<LoadedSource> {
  const file = await readSource(path);
  if (file.messages.some((message) => message.fatal)) return { file };
  const tree = await parseMarkdown(file, { lang: projectSettings.lang, markdown: projectSettings.markdown, siteUrl: projectSettings.siteUrl });
  const { publication, settings } = buildPublication(tree, file, projectSettings, slug);
  return { file, tree, publication, settings };
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}
