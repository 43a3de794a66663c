import { describe, expect, it } from 'vitest';
import { en } from './en';
import { MESSAGE_LANGUAGES, messages } from './messages';

/** Every key of a table with what it prints, functions called with sample arguments. */
function printed(table: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(table)) {
    const name = `${prefix}${key}`;
    if (typeof value === 'function') out.set(name, String((value as (...args: unknown[]) => unknown)(2, '2 min', 30, false)));
    else if (Array.isArray(value)) out.set(name, value.join('|'));
    else if (typeof value === 'object' && value !== null) for (const [inner, text] of printed(value, `${name}.`)) out.set(inner, text);
    else out.set(name, String(value));
  }
  return out;
}

describe('the words the targets print, per language', () => {
  it('has a table for German, Spanish, Italian and Dutch beside English and French', () => {
    expect([...MESSAGE_LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl']);
  });

  it.each(MESSAGE_LANGUAGES)('gives every key of the English table in %s, each printing words of its own', (lang) => {
    const english = printed(en);
    const table = printed(messages(lang));
    expect([...table.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of table) {
      if (key === 'digestButtonLinkBrackets') continue;
      expect(text.trim(), key).not.toBe('');
      if (lang !== 'en' && !['alertLabel.important', 'alertLabel.tip', 'alertLabel.note', 'introduction', 'pageThumbnail'].includes(key)) expect(text, `${lang} ${key}`).not.toBe(english.get(key));
    }
  });

  it('falls back to English for a language without a table, and to the primary subtag for a regional one', () => {
    expect(messages('fi').contentsTitle).toBe('Contents');
    expect(messages('de-AT').contentsTitle).toBe('Inhalt');
  });
});
