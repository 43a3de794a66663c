import PptxGenJS from 'pptxgenjs';
import type { Metadata } from '../../model/types';

export interface PptxSlide {
  image: { data: Uint8Array; type: 'png' | 'jpeg' };
  notes: string;
}

/** 16:9 in inches, PowerPoint's widescreen size. */
const WIDTH = 13.333;
const HEIGHT = 7.5;

/**
 * A PowerPoint file with one picture per slide and the speaker notes (`deck.pptx: pictures`):
 * pixel-exact, not editable. The default is `pptx/build-editable-pptx.ts`.
 */
export async function buildPptx(slides: readonly PptxSlide[], meta: Metadata): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'TRIPTYQUE_16x9', width: WIDTH, height: HEIGHT });
  pptx.layout = 'TRIPTYQUE_16x9';
  pptx.title = meta.title;
  pptx.author = meta.author;
  pptx.company = meta.organisation;
  pptx.subject = meta.subtitle ?? meta.description ?? meta.title;
  for (const { image, notes } of slides) {
    const slide = pptx.addSlide();
    slide.addImage({ data: `image/${image.type};base64,${Buffer.from(image.data).toString('base64')}`, x: 0, y: 0, w: WIDTH, h: HEIGHT });
    if (notes) slide.addNotes(notes);
  }
  const data = await pptx.write({ outputType: 'nodebuffer' });
  return new Uint8Array(data as Buffer);
}
