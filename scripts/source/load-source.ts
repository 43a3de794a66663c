import type { Root } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { operations } from '../messages/operations';
import { htmlTooDeep, markdownTooDeep, MAX_NESTING } from './nesting-depth';
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
  const deep = markdownTooDeep(String(file.value));
  if (deep) {
    file.message(operations.nestingTooDeep('Markdown', MAX_NESTING), { place: { line: deep.line, column: deep.column }, ruleId: 'nesting-too-deep', source: 'triptyque' }).fatal = true;
    return { file };
  }
  const tree = await parseMarkdown(file, { lang: projectSettings.lang, markdown: projectSettings.markdown, siteUrl: projectSettings.siteUrl, readAs: projectSettings.as });
  if (rawHtmlTooDeep(tree, file)) return { file, tree };
  const { publication, settings } = buildPublication(tree, file, projectSettings, slug);
  return { file, tree, publication, settings };
}

/** Raw HTML nested past the limit: a located error, before any target parses it. */
function rawHtmlTooDeep(tree: Root, file: VFile): boolean {
  let found = false;
  visit(tree, 'html', (node) => {
    const at = htmlTooDeep(node.value);
    if (at === undefined || node.position?.start.offset === undefined) return;
    const place = location(file).toPoint(node.position.start.offset + at);
    file.message(operations.nestingTooDeep('HTML', MAX_NESTING), { place, ruleId: 'nesting-too-deep', source: 'triptyque' }).fatal = true;
    found = true;
    return EXIT;
  });
  return found;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}
