import { strFromU8, strToU8, type Unzipped } from 'fflate';

/** What pptxgenjs cannot write on a slide, gathered while the slide is built. */
export interface SlideFinish {
  /** The colour of each list marker, in the order the slide's bullets were written; none for an invisible one. */
  markerColors: (string | undefined)[];
  /** The words around the page number field, as the deck shows them: "11 / 30" is the field and " / 30". */
  page?: { before: string; after: string };
}

/** pptxgenjs starts every bullet's properties with its size; the colour goes before it (DrawingML's order: colour, size, font, kind). */
const BULLET_START = /<a:buSzPct val="100000"\/>(?=<a:buFont typeface="\+mj-lt"\/><a:buAutoNum|<a:buChar)/g;
const PAGE_FIELD = /(<a:fld [^>]*type="slidenum">)(<a:rPr[^>]*\/>)([\s\S]*?<\/a:fld>)/;

/** Colours the list markers and writes the page number's words, slide by slide (`ppt/slides/slideN.xml`). */
export function finishSlides(parts: Unzipped, slides: readonly SlideFinish[]): void {
  slides.forEach((finish, index) => {
    const name = `ppt/slides/slide${index + 1}.xml`;
    const part = parts[name];
    if (!part) return;
    let bullet = 0;
    let xml = strFromU8(part).replace(BULLET_START, (start) => {
      const color = finish.markerColors[bullet++];
      return color ? `<a:buClr><a:srgbClr val="${bare(color)}"/></a:buClr>${start}` : start;
    });
    const { page } = finish;
    if (page) xml = xml.replace(PAGE_FIELD, (_, open: string, runProperties: string, rest: string) => `${run(page.before, runProperties)}${open}${runProperties}${rest}${run(page.after, runProperties)}`);
    parts[name] = strToU8(xml);
  });
}

/** A run of fixed words beside the field, looking as the field does. */
function run(words: string, runProperties: string): string {
  return words ? `<a:r>${runProperties}<a:t>${words.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]!)}</a:t></a:r>` : '';
}

function bare(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}
