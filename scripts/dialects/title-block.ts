import type { Root, Yaml } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { stringify } from 'yaml';

/**
 * Pandoc's title block: the file's first lines `% Title`, `% Author; Author`, `% Date`, each
 * continued on lines that start with a space. It becomes the YAML front matter it stands for, so
 * the rest of the reader sees one kind of metadata.
 */
const remarkTitleBlock: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const first = tree.children[0];
  if (first?.type !== 'paragraph' || first.position?.start.line !== 1) return;
  const start = first.position.start.offset ?? 0;
  const end = first.position.end.offset ?? start;
  const fields = titleBlockFields(String(file.value).slice(start, end));
  if (!fields) return;
  const [title, authors, date] = fields;
  const data: Record<string, unknown> = {};
  if (title) data['title'] = title;
  const names = authors?.split(';').map((name) => name.trim()).filter(Boolean) ?? [];
  if (names.length > 0) data['author'] = names.length === 1 ? names[0] : names;
  if (date) data['date'] = date;
  const yaml: Yaml = { type: 'yaml', value: stringify(data).trimEnd(), position: first.position };
  tree.children.splice(0, 1, yaml);
};

/** The three fields of a title block (empty where a line is `%` alone), or undefined when the text is not one. */
function titleBlockFields(text: string): string[] | undefined {
  const lines = text.split(/\r?\n/);
  if (!lines[0]?.startsWith('%')) return undefined;
  const fields: string[] = [];
  for (const line of lines) {
    if (line.startsWith('%')) fields.push(line.slice(1).trim());
    else if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] = `${fields.at(-1)} ${line.trim()}`.trim();
    else return undefined;
  }
  return fields.length <= 3 ? fields : undefined;
}

export default remarkTitleBlock;
