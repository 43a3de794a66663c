import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';

/** The BCP 47 code of the language `text` is written in, or undefined when it is too short to tell. */
export function guessLang(text: string): string | undefined {
  const code = franc(text, { minLength: 40 });
  return code === 'und' ? undefined : (iso6393To1[code] ?? code);
}
