import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, strToU8, type Unzipped } from 'fflate';

/** The start tags of the run properties that carry a language, as pptxgenjs writes them (DrawingML under the `a:` prefix). */
const RUN_PROPERTIES = /<a:(?:rPr|endParaRPr|defRPr)(?=[\s/>])[^>]*>/g;
const LANG_ATTRIBUTE = /\slang="[^"]*"/;

/**
 * Tags every text run of the slides and notes with the document's language (pptxgenjs writes
 * `en-US` on notes, so PowerPoint would proof French notes as English) and sets the file's language.
 */
export function tagLanguage(files: Unzipped, lang: string): void {
  const tag = languageTag(lang);
  const parts = Object.keys(files).filter((name) => /^ppt\/(slides|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/.test(name) || name === 'ppt/presentation.xml');
  // The start tags are rewritten in place rather than through a DOM: parsing and serialising every
  // part cost more than the rest of the PPTX. pptxgenjs escapes `<` in text and writes no `>` in
  // these tags' attributes, so a start tag ends at its first `>`.
  const attribute = ` lang="${tag.replace(/[&<"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '"': '&quot;' })[char]!)}"`;
  for (const name of parts) {
    const xml = strFromU8(files[name]!);
    files[name] = strToU8(
      xml.replace(RUN_PROPERTIES, (start) => {
        if (LANG_ATTRIBUTE.test(start)) return start.replace(LANG_ATTRIBUTE, () => attribute);
        const nameEnd = start.search(/[\s/>]/);
        return `${start.slice(0, nameEnd)}${attribute}${start.slice(nameEnd)}`;
      }),
    );
  }
  const core = files['docProps/core.xml'];
  if (core) {
    const document = new DOMParser().parseFromString(strFromU8(core), 'text/xml');
    const root = document.documentElement!;
    const DC = 'http://purl.org/dc/elements/1.1/';
    let language = document.getElementsByTagNameNS(DC, 'language').item(0);
    if (!language) {
      language = document.createElementNS(DC, 'dc:language');
      root.appendChild(language);
    }
    language.textContent = tag;
    files['docProps/core.xml'] = strToU8(new XMLSerializer().serializeToString(document));
  }
}

/** `fr` -> `fr-FR`, `en` -> `en-US`: Office proofs by region; a tag with a region is kept. */
export function languageTag(lang: string): string {
  if (lang.includes('-')) return lang;
  const regions: Record<string, string> = { en: 'US', fr: 'FR', de: 'DE', es: 'ES', it: 'IT', pt: 'PT', nl: 'NL', sv: 'SE', da: 'DK', nb: 'NO', ja: 'JP', zh: 'CN', ko: 'KR', ar: 'SA', el: 'GR', cs: 'CZ', pl: 'PL', ru: 'RU' };
  const region = regions[lang.toLowerCase()];
  return region ? `${lang.toLowerCase()}-${region}` : lang;
}
