import type { Image, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Parent } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { calloutKind } from './callout-kinds';
import type { Callout } from './syntax-nodes';

/** `{{< name args >}}`, `{{% name args %}}`, `{{< /name >}}`, `{{< name />}}`: Hugo's shortcodes. */
const TAG = /\{\{([<%])\s*(\/?)\s*([A-Za-z][\w-]*)((?:\s*(?:[\w-]+=)?(?:"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`%>}=]+))*)\s*(\/?)\s*[%>]\}\}/gu;
/** A shortcode in running text, with the spaces before it: "voir {{< ref x >}} plus loin" reads "voir plus loin". */
const INLINE_TAG = new RegExp(`[ \\t]*${TAG.source}`, 'gu');
/** A shortcode's arguments: `"a title"`, `file="x"`, `src=y`. */
const ARGUMENT = /(?:([\w-]+)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/gu;

/** Shortcodes that only wrap what they hold (a file name over a code block, a highlight). */
const WRAPPERS = new Set(['code', 'highlight', 'output', 'details', 'expand', 'tab', 'tabs', 'columns', 'column', 'center', 'markdown']);

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  positional: string[];
  named: Record<string, string>;
  length: number;
}

function readTag(match: RegExpExecArray): Tag {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const argument of (match[4] ?? '').matchAll(ARGUMENT)) {
    const value = (argument[2] ?? argument[3] ?? argument[4] ?? '').replace(/\\"/g, '"');
    if (argument[1]) named[argument[1]] = value;
    else positional.push(value);
  }
  return { name: match[3]!, closing: match[2] === '/', selfClosing: match[5] === '/', positional, named, length: match[0].length };
}

/** The tag a paragraph opens with, alone at its start. */
function openingTag(node: RootContent): Tag | undefined {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'text') return undefined;
  const match = new RegExp(`^${TAG.source}`, 'u').exec(node.children[0].value);
  return match ? readTag(match) : undefined;
}

/** Whether the paragraph ends with `{{% /name %}}`, and where that tag starts in its last text. */
function closingAt(node: RootContent, name: string): number | undefined {
  const last = node.type === 'paragraph' ? node.children.at(-1) : undefined;
  if (last?.type !== 'text') return undefined;
  const match = new RegExp(`${TAG.source}\\s*$`, 'u').exec(last.value);
  return match && match[2] === '/' && match[3] === name ? match.index : undefined;
}

function trimmed(paragraph: Paragraph, from: number, lastEnd?: number): Paragraph | undefined {
  const children = paragraph.children.map((child) => ({ ...child })) as PhrasingContent[];
  if (lastEnd !== undefined) {
    const last = children.at(-1) as Text;
    last.value = last.value.slice(0, lastEnd).replace(/\s+$/u, '');
  }
  const first = children[0] as Text;
  first.value = first.value.slice(from).replace(/^\s+/u, '');
  const kept = children.filter((child) => child.type !== 'text' || child.value !== '');
  return kept.length > 0 ? { ...paragraph, children: kept } : undefined;
}

/**
 * Hugo's shortcodes, as Hugo's documentation and sites write them: a note, tip or warning
 * shortcode around text becomes a callout titled by its first argument; one that wraps a code
 * block (`code`, `highlight`) its content; `figure` a picture; any other is dropped, what it
 * wraps kept, with one located warning naming it. They are read on the parsed tree, where
 * Markdown put them: a paragraph of their own, or the first and last lines of one.
 */
const remarkHugoShortcodes: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const dropped = new Map<string, RootContent['position']>();
  const walk = (parent: Parent) => {
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      const tag = openingTag(node);
      if (!tag || tag.closing) {
        if ('children' in node) walk(node as Parent);
        continue;
      }
      const paragraph = node as Paragraph;
      if (tag.selfClosing || !hasClosing(children, index, tag.name)) {
        const replacement = standalone(tag, paragraph, dropped);
        children.splice(index, 1, ...replacement);
        index += replacement.length - 1;
        continue;
      }
      // The content: the rest of this paragraph, the blocks after it, the start of the one that closes it.
      let end = index;
      while (closingAt(children[end]!, tag.name) === undefined) end++;
      const inner: RootContent[] = [];
      if (end === index) {
        const only = trimmed(paragraph, tag.length, closingAt(paragraph, tag.name));
        if (only) inner.push(only);
      } else {
        const head = trimmed(paragraph, tag.length);
        if (head) inner.push(head);
        inner.push(...children.slice(index + 1, end));
        const tail = trimmed(children[end] as Paragraph, 0, closingAt(children[end]!, tag.name));
        if (tail) inner.push(tail);
      }
      walk({ type: 'root', children: inner } as Parent);
      const kind = calloutKind(tag.name) ?? (tag.name === 'alert' || tag.name === 'notice' || tag.name === 'admonition' ? calloutKind(tag.named['type'] ?? tag.positional[0] ?? 'note') ?? 'note' : undefined);
      const title = tag.named['title'] ?? (kind && calloutKind(tag.name) ? tag.positional[0] : tag.positional[1]);
      let replacement: RootContent[];
      if (kind) {
        replacement = [{ type: 'callout', kind, title: title ? [{ type: 'text', value: title }] : undefined, children: inner as Callout['children'], position: paragraph.position }];
      } else {
        if (!WRAPPERS.has(tag.name) && !dropped.has(tag.name)) dropped.set(tag.name, paragraph.position);
        replacement = inner;
      }
      children.splice(index, end - index + 1, ...replacement);
      index += replacement.length - 1;
    }
  };
  walk(tree);
  // What is left inside running text (`{{< ref "x" >}}`, `{{< param >}}`): no page generator here to
  // expand it. The text around it stays where it was written, so later messages point at the source.
  const place = location(file);
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('{{')) return undefined;
    const start = node.position?.start.offset;
    const pieces: Text[] = [];
    let from = 0;
    for (const match of node.value.matchAll(INLINE_TAG)) {
      const tag = readTag(match);
      if (!dropped.has(tag.name)) dropped.set(tag.name, node.position);
      pieces.push(piece(node, from, match.index, start, place));
      from = match.index + match[0].length;
    }
    pieces.push(piece(node, from, node.value.length, start, place));
    const kept = pieces.filter((text) => text.value !== '');
    parent.children.splice(index, 1, ...kept);
    return index + kept.length;
  });
  for (const [name, position] of dropped) {
    file.message(`Hugo shortcode \`${name}\` left out (no site generator here to expand it); what it wraps is kept`, { place: position?.start, ruleId: 'hugo-shortcode', source: 'triptyque' });
  }
};

/** The text between `from` and `to`, placed in the source when the node was (offsets hold while no escape comes before). */
function piece(node: Text, from: number, to: number, start: number | undefined, place: ReturnType<typeof location>): Text {
  const value = node.value.slice(from, to);
  if (start === undefined) return { type: 'text', value };
  const begin = place.toPoint(start + from);
  const end = place.toPoint(start + to);
  return { type: 'text', value, ...(begin && end ? { position: { start: begin, end } } : {}) };
}

function hasClosing(children: readonly RootContent[], from: number, name: string): boolean {
  return children.slice(from).some((child) => closingAt(child, name) !== undefined);
}

/** A shortcode with nothing to close: `figure` is a picture, any other is left out (what follows it in the paragraph stays). */
function standalone(tag: Tag, paragraph: Paragraph, dropped: Map<string, RootContent['position']>): RootContent[] {
  const rest = trimmed(paragraph, tag.length);
  if (tag.name === 'figure' && (tag.named['src'] ?? tag.positional[0])) {
    const image: Image = { type: 'image', url: tag.named['src'] ?? tag.positional[0]!, alt: tag.named['alt'] ?? tag.named['caption'] ?? tag.named['title'] ?? '', title: tag.named['caption'] ?? null };
    return [{ type: 'paragraph', children: [image], position: paragraph.position }, ...(rest ? [rest] : [])];
  }
  if (!dropped.has(tag.name)) dropped.set(tag.name, paragraph.position);
  return rest ? [rest] : [];
}

export default remarkHugoShortcodes;
