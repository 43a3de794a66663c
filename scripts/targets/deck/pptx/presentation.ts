import PptxGenJS from 'pptxgenjs';
import type { Metadata } from '../../../model/types';
import { tagLanguage } from './tag-language';

/** 16:9 in inches, PowerPoint's widescreen size; the HTML slide is 1280x720 px. */
export const SLIDE_WIDTH = 13.333;
export const SLIDE_HEIGHT = 7.5;

/** An empty presentation of the deck's size, its core properties from the document. */
export function newPresentation(meta: Metadata): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'TRIPTYQUE_16x9', width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
  pptx.layout = 'TRIPTYQUE_16x9';
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

/** The file's bytes, every run of slides and notes tagged with the document's language (pptxgenjs writes en-US). */
export async function writePresentation(pptx: PptxGenJS, lang: string): Promise<Uint8Array> {
  const data = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return tagLanguage(new Uint8Array(data), lang);
}
