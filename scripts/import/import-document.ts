import { basename, dirname, extname, join, relative } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { stringify } from 'yaml';
import { fixSource, type AppliedFix } from '../fix/fix-source';
import { guessLang } from '../source/guess-lang';
import { readRegularFile } from '../files/regular-file';
import { checkArchive } from './archive-limits';
import { docxProperties, docxToHtml, type DocumentProperties } from './docx-to-html';
import { htmlToMarkdown } from './html-to-markdown';
import { IMPORT_NOTES } from '../messages/import-notes';
import { formulasAsText } from './odt-math';
import { convertWithLibreOffice } from './odt-to-docx';
import { pdfToMarkdown } from './pdf-to-markdown';

export interface ImportedDocument {
  markdown: string;
  /** Notices of the conversion (mammoth's), for the person to look at. */
  warnings: string[];
  /** What the import changed or left out on purpose (tracked changes, comments), for the person to know. */
  notes: string[];
  fixes: AppliedFix[];
}

/** A Word document or saved page larger than this is refused before it is read. */
const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const DATE_IN_NAME = /(\d{4})-(\d{2})-(\d{2})/;

function holdsNoteCall(node: RootContent): boolean {
  return node.type === 'footnoteReference' || ('children' in node && node.children.some(holdsNoteCall));
}

/**
 * Takes the document's first heading as its title (and a short paragraph right after it as the
 * subtitle) when the properties give none or the same: a title is not a section.
 */
function leadingTitle(markdown: string, properties: DocumentProperties): { title?: string; subtitle?: string; body: string } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const [first, second, third] = tree.children;
  if (first?.type !== 'heading' || first.position?.end.offset === undefined) return { title: properties.title, body: markdown };
  const text = toString(first).trim();
  if (properties.title && properties.title !== text) return { title: properties.title, body: markdown };
  // A note called from the title: the front matter's title is text only, so the heading stays with its call.
  if (holdsNoteCall(first)) return { title: text, body: markdown };
  // A short line that is not a sentence, and not the only text: the body would be empty.
  const isSubtitle = second?.type === 'paragraph' && third !== undefined && toString(second).length < 160 && !/[.;,:!?]$/.test(toString(second).trim()) && second.position?.end.offset !== undefined;
  const end = isSubtitle ? second.position!.end.offset! : first.position.end.offset;
  return { title: text, subtitle: isSubtitle ? toString(second).replace(/\s+/g, ' ').trim() : undefined, body: markdown.slice(end).replace(/^\s+/, '') };
}

interface ReadDocument {
  markdown: string;
  warnings: string[];
  notes: string[];
  properties: DocumentProperties;
}

/** What keeps a document from being imported, said in one sentence. */
export interface ImportFailure {
  failure: string;
}

async function readDocx(bytes: Buffer, outputPath: string, imageDir: string): Promise<ReadDocument> {
  const { html, warnings, notes } = await docxToHtml(bytes, imageDir, `${relative(dirname(outputPath), imageDir)}/`);
  return { markdown: await htmlToMarkdown(html, true), warnings, notes, properties: await docxProperties(bytes) };
}

async function readHtml(bytes: Buffer): Promise<ReadDocument> {
  const html = bytes.toString('utf8');
  const lang = /<html[^>]*\slang=["']?([a-zA-Z]{2,3})/i.exec(html)?.[1];
  return { markdown: await htmlToMarkdown(html), warnings: [], notes: [], properties: { lang: lang?.toLowerCase() } };
}

async function read(bytes: Buffer, inputPath: string, outputPath: string, imageDir: string): Promise<ReadDocument | ImportFailure> {
  const extension = extname(inputPath).toLowerCase();
  if (extension === '.docx') return readDocx(bytes, outputPath, imageDir);
  if (extension === '.odt') {
    const formulas = await formulasAsText(bytes);
    const converted = await convertWithLibreOffice(inputPath, formulas.bytes);
    if (!converted.ok) return { failure: converted.reason === 'no-libreoffice' ? IMPORT_NOTES.needsLibreOffice : IMPORT_NOTES.conversionFailed(converted.detail) };
    const document = await readDocx(converted.bytes, outputPath, imageDir);
    return formulas.asText > 0 ? { ...document, notes: [...document.notes, IMPORT_NOTES.equationsAsText(formulas.asText)] } : document;
  }
  if (extension === '.pdf') {
    const { markdown, lang, title } = await pdfToMarkdown(bytes, imageDir, `${relative(dirname(outputPath), imageDir)}/`);
    return { markdown, warnings: [], notes: [], properties: { lang, title } };
  }
  return readHtml(bytes);
}

/** A Word or LibreOffice document, a PDF or a saved web page -> a source with front matter, checked and fixed. */
export async function importDocument(inputPath: string, outputPath: string): Promise<ImportedDocument | ImportFailure> {
  const bytes = await readRegularFile(inputPath, MAX_IMPORT_BYTES);
  // Word's and LibreOffice's files are zip archives: counted before anything unpacks them.
  if (['.docx', '.odt'].includes(extname(inputPath).toLowerCase())) checkArchive(bytes, inputPath);
  const slug = basename(outputPath, extname(outputPath));
  const imageDir = join(dirname(outputPath), `${slug}-images`);
  const document = await read(bytes, inputPath, outputPath, imageDir);
  if ('failure' in document) return document;
  const { markdown, warnings, notes, properties } = document;
  const { title, subtitle, body } = leadingTitle(markdown, properties);
  const dateInName = DATE_IN_NAME.exec(basename(inputPath));
  const meta: Record<string, string> = {};
  // A document with no title anywhere is named by its file, never left with an empty front matter.
  meta['title'] = title || basename(inputPath, extname(inputPath)).replace(/[-_]+/g, ' ').trim();
  if (subtitle) meta['subtitle'] = subtitle;
  if (properties.author) meta['author'] = properties.author;
  const date = dateInName ? `${dateInName[1]}-${dateInName[2]}-${dateInName[3]}` : properties.date;
  if (date) meta['date'] = date;
  // TeX is no one's language: the text around the equations tells it.
  const lang = properties.lang ?? guessLang(body.replace(/\$\$[\s\S]*?\$\$/g, ' '));
  if (lang) meta['lang'] = lang;
  const source = `---\n${stringify(meta, { lineWidth: 0 })}---\n\n${body}`;
  const fixed = await fixSource(source, outputPath);
  return { markdown: fixed.text, warnings, notes, fixes: fixed.fixes };
}
