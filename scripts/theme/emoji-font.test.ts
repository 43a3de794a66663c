import { describe, expect, it } from 'vitest';
import { emojiFontCss } from './emoji-font';

describe('the local emoji font', () => {
  it('is declared only for the subsets a text uses, from files in node_modules', () => {
    expect(emojiFontCss('Un texte sans emoji, 2010, #1 et *', { embed: false })).toBe('');
    const css = emojiFontCss('Lancement 🚀 réussi ✅', { embed: false });
    expect(css).toMatch(/^@font-face\{font-family:'Noto Emoji'/);
    expect(css).toContain('file://');
    expect(css).toContain('node_modules/@fontsource/noto-emoji/files/');
    const ranges = [...css.matchAll(/unicode-range:([^}]+)\}/g)].map((match) => match[1]!);
    const covers = (code: number) => ranges.some((list) => list.split(',').some((part) => {
      const [from, to = from] = part.replace('U+', '').split('-').map((hex) => parseInt(hex, 16));
      return code >= from! && code <= to!;
    }));
    expect(covers(0x1f680)).toBe(true);
    expect(covers(0x2705)).toBe(true);
    expect(css.split('@font-face').length - 1).toBeLessThan(11);
  });

  it('is inlined as data URLs for HTML that must work wherever it is copied', () => {
    expect(emojiFontCss('🎉', { embed: true })).toContain('src:url("data:font/woff2;base64,');
  });
});
