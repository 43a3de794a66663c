import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import PptxGenJS from 'pptxgenjs';
import type { Metadata } from '../../../model/types';
import { tagLanguage } from './tag-language';

/** A slide's size in CSS pixels, as Chromium laid it out: 1280x720 for 16:9, 960x720 for Marp's `size: 4:3`. */
export interface SlidePixels {
  width: number;
  height: number;
}

/** The slide of a deck in inches, and how many of its CSS pixels make an inch. */
export interface SlideInches {
  width: number;
  height: number;
  pxPerInch: number;
}

/** PowerPoint takes slides up to 56 inches a side. */
const MAX_INCHES = 56;

/**
 * The PowerPoint slide of an HTML slide: 96 CSS pixels an inch, so 16:9 (1280x720) is PowerPoint's
 * widescreen 13.333x7.5 in and 4:3 (960x720) its 10x7.5 in; a slide too large for PowerPoint is
 * scaled down whole, in proportion.
 */
export function slideInches(size: SlidePixels): SlideInches {
  const pxPerInch = Math.max(96, Math.max(size.width, size.height) / MAX_INCHES);
  return { width: size.width / pxPerInch, height: size.height / pxPerInch, pxPerInch };
}

/** An empty presentation of the deck's size, its core properties from the document. */
export function newPresentation(meta: Metadata, slide: SlideInches): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'TRIPTYQUE', width: slide.width, height: slide.height });
  pptx.layout = 'TRIPTYQUE';
  pptx.title = xmlChars(meta.title);
  if (meta.author) pptx.author = xmlChars(meta.author);
  // pptxgenjs escapes the other properties but writes `<Company>` as given.
  if (meta.organisation) pptx.company = xmlChars(meta.organisation).replace(/[<>&'"]/g, (char) => XML_ENTITIES[char]!);
  pptx.subject = xmlChars(meta.subtitle ?? meta.description ?? meta.title);
  return pptx;
}

const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Without the control characters XML 1.0 cannot carry (a file PowerPoint would refuse to open). */
function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/**
 * The file's bytes, every run of slides and notes tagged with the document's language (pptxgenjs
 * writes en-US), `finish` given the parts for what pptxgenjs cannot write.
 */
export async function writePresentation(pptx: PptxGenJS, lang: string, finish?: (parts: Unzipped) => void): Promise<Uint8Array> {
  const parts = unzipSync(new Uint8Array((await pptx.write({ outputType: 'nodebuffer' })) as Buffer));
  tagLanguage(parts, lang);
  finish?.(parts);
  declarePresentPartsOnly(parts);
  // Deflate's fastest level: level 6 took twice as long for a file 7 % smaller. fflate rather than
  // JSZip: JSZip's pako sets up a deflater of its own for each of the 160 parts (80 -> 24 ms warm, 240 -> 80 cold).
  return zipSync(parts, { level: 1 });
}

/**
 * pptxgenjs declares a slide master per slide in `[Content_Types].xml` but writes one: a content
 * type for a part that is not in the file, which strict readers report as a damaged package.
 */
function declarePresentPartsOnly(parts: Unzipped): void {
  const name = '[Content_Types].xml';
  const types = parts[name];
  if (!types) return;
  parts[name] = strToU8(strFromU8(types).replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) => (part in parts ? override : '')));
}
