import type { Metadata } from '../../model/types';
import { newPresentation, SLIDE_HEIGHT, SLIDE_WIDTH, writePresentation } from './pptx/presentation';

export interface PptxSlide {
  image: { data: Uint8Array; type: 'png' | 'jpeg' };
  notes: string;
}

/**
 * A PowerPoint file with one picture per slide and the speaker notes (`deck.pptx: pictures`):
 * pixel-exact, not editable. The default is `pptx/build-editable-pptx.ts`.
 */
export async function buildPptx(slides: readonly PptxSlide[], meta: Metadata): Promise<Uint8Array> {
  const pptx = newPresentation(meta);
  for (const { image, notes } of slides) {
    const slide = pptx.addSlide();
    slide.addImage({ data: `image/${image.type};base64,${Buffer.from(image.data).toString('base64')}`, x: 0, y: 0, w: SLIDE_WIDTH, h: SLIDE_HEIGHT });
    if (notes) slide.addNotes(notes);
  }
  return writePresentation(pptx, meta.lang);
}
