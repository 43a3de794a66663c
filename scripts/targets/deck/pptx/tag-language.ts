import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';

const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
/** The run properties that carry a language. */
const RUN_PROPERTIES = ['rPr', 'endParaRPr', 'defRPr'];

/**
 * Tags every text run of the slides and notes with the document's language (pptxgenjs writes
 * `en-US` on notes, so PowerPoint would proof French notes as English) and sets the file's language.
 */
export async function tagLanguage(pptx: Uint8Array, lang: string): Promise<Uint8Array> {
  const tag = languageTag(lang);
  const zip = await JSZip.loadAsync(pptx);
  const parts = Object.keys(zip.files).filter((name) => /^ppt\/(slides|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/.test(name) || name === 'ppt/presentation.xml');
  for (const name of parts) {
    const document = new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml');
    for (const local of RUN_PROPERTIES) {
      const elements = document.getElementsByTagNameNS(DRAWING_NS, local);
      for (let index = 0; index < elements.length; index += 1) elements.item(index)!.setAttribute('lang', tag);
    }
    zip.file(name, new XMLSerializer().serializeToString(document));
  }
  const core = zip.file('docProps/core.xml');
  if (core) {
    const document = new DOMParser().parseFromString(await core.async('string'), 'text/xml');
    const root = document.documentElement!;
    const DC = 'http://purl.org/dc/elements/1.1/';
    let language = document.getElementsByTagNameNS(DC, 'language').item(0);
    if (!language) {
      language = document.createElementNS(DC, 'dc:language');
      root.appendChild(language);
    }
    language.textContent = tag;
    zip.file('docProps/core.xml', new XMLSerializer().serializeToString(document));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** `fr` -> `fr-FR`, `en` -> `en-US`: Office proofs by region; a tag with a region is kept. */
export function languageTag(lang: string): string {
  if (lang.includes('-')) return lang;
  const regions: Record<string, string> = { en: 'US', fr: 'FR', de: 'DE', es: 'ES', it: 'IT', pt: 'PT', nl: 'NL', sv: 'SE', da: 'DK', nb: 'NO', ja: 'JP', zh: 'CN', ko: 'KR', ar: 'SA', el: 'GR', cs: 'CZ', pl: 'PL', ru: 'RU' };
  const region = regions[lang.toLowerCase()];
  return region ? `${lang.toLowerCase()}-${region}` : lang;
}
