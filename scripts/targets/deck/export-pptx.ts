import type { Metadata } from '../../model/types';
import { newPresentation, slideInches, writePresentation } from './pptx/presentation';
import type { SlideShot } from './screenshot-slides';

export interface PptxSlide {
  image: SlideShot;
  notes: string;
}

/**
 * A PowerPoint file with one picture per slide and the speaker notes (`deck.pptx: pictures`):
 * pixel-exact, not editable. The default is `pptx/build-editable-pptx.ts`.
 */
export async function buildPptx(slides: readonly PptxSlide[], meta: Metadata): Promise<Uint8Array> {
  // The deck's slide size is Marp's `size`, one for all its slides: the first shot's.
  const size = slideInches(slides[0]?.image ?? { width: 1280, height: 720 });
  const pptx = newPresentation(meta, size);
  for (const { image, notes } of slides) {
    const slide = pptx.addSlide();
    slide.addImage({ data: `image/${image.type};base64,${Buffer.from(image.data).toString('base64')}`, x: 0, y: 0, w: size.width, h: size.height });
    if (notes) slide.addNotes(notes);
  }
  return writePresentation(pptx, meta.lang);
}
