import * as de from 'chrono-node/de';
import * as en from 'chrono-node/en';
import * as es from 'chrono-node/es';
import * as fr from 'chrono-node/fr';
import * as it from 'chrono-node/it';
import * as nl from 'chrono-node/nl';
import * as pt from 'chrono-node/pt';
import { primaryLanguage } from '../typography/rules';

interface DateParser {
  parse(text: string): { start: { isCertain(component: 'day' | 'month' | 'year'): boolean; get(component: 'day' | 'month' | 'year'): number | null } }[];
}

/** chrono's strict parsers: dates only, in each language's own order of day and month. */
const PARSERS: Readonly<Record<string, DateParser>> = {
  de: de.strict,
  en: en.strict,
  es: es.strict,
  fr: fr.strict,
  it: it.strict,
  nl: nl.strict,
  pt: pt.strict,
};

/** US English writes the month first; every other English, and a language chrono lacks, the day first. */
function parserFor(lang: string): DateParser {
  if (/^en-US$/i.test(lang)) return en.strict;
  return PARSERS[primaryLanguage(lang)] !== undefined && primaryLanguage(lang) !== 'en' ? PARSERS[primaryLanguage(lang)]! : en.GB;
}

export interface WrittenDate {
  iso: string;
  /** The day and month were both numbers: the reading depended on the language's order. */
  numeric: boolean;
}

/**
 * A date written the way people write them (`27 mai 2010`, `11/11/2023`, `1. März 2021`), read in
 * the document's language with chrono (a parsing library; no table of month names here). Only a
 * full calendar day counts: `mai 2010` or `today` is not a date to print.
 */
export function readWrittenDate(text: string, lang: string): WrittenDate | undefined {
  const [found] = parserFor(lang).parse(text);
  if (!found) return undefined;
  const { start } = found;
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return undefined;
  const pad = (value: number | null, width: number) => String(value ?? 0).padStart(width, '0');
  const iso = `${pad(start.get('year'), 4)}-${pad(start.get('month'), 2)}-${pad(start.get('day'), 2)}`;
  return { iso, numeric: /^\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*$/.test(text) };
}
