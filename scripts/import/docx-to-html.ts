import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { hasTrackedChanges, joinDropCaps, structureFields } from './docx-fields';
import { replaceEquations } from './docx-math';
import { IMPORT_NOTES } from '../messages/import-notes';
import { numberListItems } from './list-numbers';

export interface DocumentProperties {
  title?: string;
  author?: string;
  /** YYYY-MM-DD */
  date?: string;
  lang?: string;
}

/** Word's paragraph styles -> HTML, beyond mammoth's defaults (French Word names its styles). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titre'] => h1:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='Titre ${level}'] => h${level}:fresh`),
  // Word's and LibreOffice's captions (French Word: Légende), and pandoc's.
  ...['Caption', 'Légende', 'Table Caption', 'Image Caption'].map((name) => `p[style-name='${name}'] => p.caption:fresh`),
];

/**
 * A .docx as HTML, its images written into `imageDir` (named image-N.ext, referenced relative
 * to `imageBase`) with the alt text Word keeps, and mammoth's warnings as lines.
 */
export async function docxToHtml(bytes: Buffer, imageDir: string, imageBase: string): Promise<{ html: string; warnings: string[]; notes: string[] }> {
  let count = 0;
  const { bytes: structured, notes } = await structureDocx(bytes);
  const result = await mammoth.convertToHtml(
    { buffer: structured },
    {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async (image) => {
        const extension = (image.contentType.split('/')[1] ?? 'png').replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '');
        const name = `image-${++count}.${extension}`;
        await mkdir(imageDir, { recursive: true });
        await writeFile(join(imageDir, name), await image.readAsBuffer());
        return { src: `${imageBase}${name}` };
      }),
    },
  );
  return { html: result.value, warnings: result.messages.map((message) => message.message), notes };
}

/** A part as XML, or undefined when xmldom cannot read it (mammoth then reads it as it is). */
function parseXml(xml: string) {
  try {
    return new DOMParser().parseFromString(xml.replace(/^\uFEFF?\s*/, ''), 'text/xml');
  } catch {
    return undefined;
  }
}

const PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/**
 * The .docx with its fields and drop caps made structure (see `docx-fields`), its equations
 * LaTeX (see `docx-math`), its list items
 * marked with their numbers (see `list-numbers`), and what a person
 * should know of what the import left out: tracked changes (mammoth keeps insertions and drops
 * deletions, as accepting them would) and comments.
 */
async function structureDocx(bytes: Buffer): Promise<{ bytes: Buffer; notes: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const notes: string[] = [];
  let tracked = false;
  let equationsAsText = 0;
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const numbering = numberingXml === undefined ? undefined : parseXml(numberingXml);
  for (const name of PARTS) {
    const xml = await zip.file(name)?.async('string');
    if (xml === undefined) continue;
    const document = parseXml(xml);
    if (!document) continue;
    tracked ||= hasTrackedChanges(document);
    structureFields(document);
    joinDropCaps(document);
    equationsAsText += replaceEquations(document).asText;
    if (numbering && name === 'word/document.xml') numberListItems(document, numbering);
    zip.file(name, new XMLSerializer().serializeToString(document));
  }
  if (tracked) notes.push(IMPORT_NOTES.trackedChanges);
  if (equationsAsText > 0) notes.push(IMPORT_NOTES.equationsAsText(equationsAsText));
  const comments = (await zip.file('word/comments.xml')?.async('string'))?.match(/<w:comment\b/g)?.length ?? 0;
  if (comments > 0) notes.push(IMPORT_NOTES.commentsDropped(comments));
  return { bytes: await zip.generateAsync({ type: 'nodebuffer' }), notes };
}

function xmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const value = match?.[1]?.trim();
  return value ? value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') : undefined;
}

/** Title, author, date and language from the document's properties (docProps/core.xml). */
export async function docxProperties(bytes: Buffer): Promise<DocumentProperties> {
  const zip = await JSZip.loadAsync(bytes);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (!core) return {};
  const date = xmlText(core, 'dcterms:created') ?? xmlText(core, 'dcterms:modified');
  const lang = xmlText(core, 'dc:language');
  return {
    title: xmlText(core, 'dc:title'),
    author: xmlText(core, 'dc:creator'),
    date: date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined,
    lang: lang?.split(/[-_]/)[0]?.toLowerCase(),
  };
}
