import type { Heading, Image, ImageReference, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readImageAlt } from '../dialects/marp-directives';
import { readMarpSlides, type MarpSlide } from './marp-slides';
import { headingText } from './plain-text';

/** A Marp deck source read for the brochure and the digest: its slides' content as one body. */
export interface DeckBody {
  nodes: RootContent[];
  slides: number;
  /** The title slide's second heading, when it has one: the cover's subtitle. */
  subtitle?: string;
}

interface Background {
  /** `![bg](url)` or, written by reference, `![bg][name]`. */
  image: Image | ImageReference;
  slide: number;
}

/**
 * The body of a deck source as prose: each slide's text in order, its notes after it as
 * paragraphs (what the speaker says), its background pictures as figures when they carry content.
 * Slide breaks, directives, `<style>` and the image syntax's keywords are Marp's, not text. The
 * title slide's heading is the cover's title, not a section.
 */
export function deckBody(tree: Root, file: VFile, title: string | undefined): DeckBody {
  const slides = readMarpSlides(String(file.value));
  const bySlide: RootContent[][] = slides.map(() => []);
  const slideOf = (node: RootContent) => {
    const line = node.position?.start.line ?? 1;
    let index = 0;
    while (index + 1 < slides.length && slides[index + 1]!.line <= line) index += 1;
    return index;
  };
  for (const node of tree.children) {
    if (node.type === 'yaml' || (node.type as string) === 'toml' || node.type === 'thematicBreak') continue;
    if (node.type === 'html' && isMarpHtml(node.value)) continue;
    if (slides.length > 0) bySlide[slideOf(node)]!.push(node);
  }
  const backgrounds: Background[] = [];
  bySlide.forEach((nodes, slide) => {
    for (const node of nodes) stripMarpSyntax(node, (image) => backgrounds.push({ image, slide }));
    bySlide[slide] = nodes.filter((node) => !isEmpty(node));
  });
  const decoration = decorationUrls(backgrounds, slides.length);
  const shown = new Set<string>();
  for (const { image, slide } of backgrounds) {
    // A picture shown again on later slides is one figure, where it first comes.
    if (decoration.has(pictureKey(image)) || shown.has(pictureKey(image))) continue;
    shown.add(pictureKey(image));
    if (!image.alt && bySlide[slide]!.length === 0) {
      file.message(`slide ${slide + 1} is only a picture without alt text: the brochure shows it without a caption; describe it after \`bg\` in its alt text`, {
        place: image.position?.start,
        ruleId: 'deck-picture-without-alt',
        source: 'triptyque',
      });
    }
    const figure: Paragraph = { type: 'paragraph', children: [image], position: image.position };
    bySlide[slide]!.push(figure);
  }
  // A heading with no words (`###` as a spacer between columns) names no section: its picture, if any, stays as a line.
  bySlide.forEach((nodes, slide) => {
    bySlide[slide] = nodes.flatMap((node) => (node.type === 'heading' && headingText(node) === '' ? (hasContent(node) ? [asLine(node)] : []) : [node]));
  });
  let subtitle: string | undefined;
  const first = bySlide[0];
  const firstHeading = first?.findIndex((node) => node.type === 'heading') ?? -1;
  if (first && firstHeading !== -1 && (title === undefined || sameText(toString(first[firstHeading]!), title))) {
    first.splice(firstHeading, 1);
    const second = first.findIndex((node) => node.type === 'heading');
    if (second !== -1) subtitle = toString(first.splice(second, 1)[0]!).replace(/\s+/g, ' ').trim();
    // The title slide's other headings (a tagline, the speaker, the date) are lines under the cover, not sections.
    bySlide[0] = first.map((node) => (node.type === 'heading' ? asLine(node) : node));
  }
  const nodes = bySlide.flatMap((content, index) => [...content, ...notesParagraphs(slides[index]!)]);
  return { nodes, slides: slides.length, subtitle };
}

/** Comments (directives and notes) and `<style>` blocks: Marp's, not the slide's text. */
function isMarpHtml(value: string): boolean {
  // A comment left open runs to the end of its block, for Marp as for CommonMark: still a comment.
  return /^\s*(?:<!--[\s\S]*?(?:-->|$)\s*)+$/.test(value) || /^\s*<style[\s>][\s\S]*<\/style>\s*$/i.test(value);
}

/** Removes inline comments and background images (handed to `background`), and Marp's keywords from other images' alt text. */
function stripMarpSyntax(node: RootContent, background: (image: Image | ImageReference) => void): void {
  visit(node, (child, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (child.type === 'html' && isMarpHtml(child.value)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (child.type === 'image' || child.type === 'imageReference') {
      const alt = readImageAlt(child.alt ?? '');
      child.alt = alt.text;
      if (alt.background) {
        parent.children.splice(index, 1);
        background(child);
        return [SKIP, index];
      }
    }
    return undefined;
  });
}

/** A paragraph left with nothing but spaces and line breaks once Marp's syntax is out. */
function isEmpty(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  return node.children.every((child: PhrasingContent) => child.type === 'break' || (child.type === 'text' && child.value.trim() === ''));
}

/** A background on most slides (a logo, a texture) is the deck's dress, not its content. */
function decorationUrls(backgrounds: readonly Background[], slides: number): Set<string> {
  const slidesOf = new Map<string, Set<number>>();
  for (const { image, slide } of backgrounds) slidesOf.set(pictureKey(image), (slidesOf.get(pictureKey(image)) ?? new Set()).add(slide));
  return new Set([...slidesOf].filter(([, on]) => on.size >= 3 && on.size * 2 >= slides).map(([url]) => url));
}

/** Which picture: its URL, or the name of the definition that gives it. */
function pictureKey(image: Image | ImageReference): string {
  return image.type === 'image' ? image.url : `[${image.identifier}]`;
}

/**
 * The notes as prose: read as Markdown (speakers write `**word**` there too), headings as plain
 * paragraphs (a slide's notes open no section), and a commented-out slide's Marp syntax left out.
 */
function notesParagraphs(slide: MarpSlide): RootContent[] {
  const text = slide.notes
    .join('\n\n')
    .replace(/<!--|-->/g, ' ')
    // A picture commented out with its slide is no words of the speaker's.
    .replace(/!\[[^\]\n]*\](?:\[[^\]\n]*\]|\([^)\n]*\))?/g, ' ')
    .replace(/^\s*_?(?:class|paginate|header|footer|backgroundColor|backgroundImage|color|theme)\s*:.*$/gm, '');
  const tree = notesReader.parse(text);
  return tree.children.flatMap((node): RootContent[] => {
    if (node.type === 'heading') return [{ type: 'paragraph', children: [{ type: 'strong', children: node.children }] }];
    if (node.type === 'thematicBreak' || node.type === 'html' || node.type === 'definition') return [];
    return [node];
  });
}

const notesReader = unified().use(remarkParse).use(remarkGfm);

/** Whether a heading holds more than markup and spaces (a picture, say). */
function hasContent(node: Heading): boolean {
  return node.children.some((child) => child.type !== 'html' && !(child.type === 'text' && child.value.trim() === ''));
}

/** A heading's content as a paragraph: a line of the slide, not a section's title. */
function asLine(node: Heading): Paragraph {
  return { type: 'paragraph', children: node.children, position: node.position };
}

function sameText(a: string, b: string): boolean {
  const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return norm(a) === norm(b);
}

