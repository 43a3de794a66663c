import type { PDFDocument } from 'pdf-lib';
import { formStreams, pageContentStreams, replaceStreamText, streamText } from '../../pdf/content-streams';

/** Channels this close to one another are a grey to a reader: the theme's ink (#1d2733) is one. */
const NEUTRAL_SPREAD = 0.12;
/** Greys darker than this are the text's black: printed as solid black, not as a tint. */
const BLACK_BELOW = 0.2;

const RGB_COLOUR = /(^|[\s\]>)])(\d*\.?\d+)\s+(\d*\.?\d+)\s+(\d*\.?\d+)\s+(rg|RG)(?=[\s[<(/]|$)/g;

/**
 * Chromium paints every colour in DeviceRGB, so converted to CMYK a dark grey text lands on all
 * four plates and misregisters. Near-neutral fill and stroke colours become DeviceGray (the
 * darkest, solid black), which Ghostscript puts on the K plate alone; coloured ones are left to
 * the profile. Returns how many colours changed.
 */
export function greysOnBlackPlate(pdf: PDFDocument): number {
  let changed = 0;
  const streams = [...pdf.getPages().flatMap((page) => pageContentStreams(pdf, page)), ...formStreams(pdf)];
  for (const stream of streams) {
    const text = streamText(stream.stream);
    const rewritten = text.replace(RGB_COLOUR, (whole, before: string, r: string, g: string, b: string, operator: string) => {
      const [red, green, blue] = [r, g, b].map(Number) as [number, number, number];
      if (Math.max(red, green, blue) - Math.min(red, green, blue) > NEUTRAL_SPREAD) return whole;
      const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
      changed++;
      return `${before}${luminance < BLACK_BELOW ? 0 : Math.round(luminance * 1000) / 1000} ${operator === 'rg' ? 'g' : 'G'}`;
    });
    if (rewritten !== text) replaceStreamText(pdf, stream, rewritten);
  }
  return changed;
}
