import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, themeContrastWarnings } from './contrast';
import { readTheme, themeDir } from './load-theme';

describe("the theme's colour pairs against WCAG 2.1 AA", () => {
  it('computes WCAG contrast ratios: black on white 21:1, the seed cover date before its fix 3.72:1 (axe-core said 3.71)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#e07a1f', '#083f5c')).toBeCloseTo(3.72, 2);
  });

  it('says nothing of the themes shipped', () => {
    for (const name of ['arifor', 'boreal']) expect(themeContrastWarnings(readTheme(themeDir(name), name)), name).toEqual([]);
  });

  it('warns, at the colour in theme.json, of a pair under 4.5:1, naming the pair and its ratio', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triptyque-contrast-'));
    const json = readFileSync(join(themeDir('arifor'), 'theme.json'), 'utf8').replace('"muted": "#5b6675"', '"muted": "#9aa3ad"');
    writeFileSync(join(dir, 'theme.json'), json);
    const line = json.split('\n').findIndex((text) => text.includes('"muted"')) + 1;
    const warnings = themeContrastWarnings(readTheme(dir, 'pale'));
    expect(warnings).toEqual([`${join(dir, 'theme.json')}:${line}:5 colors.muted (#9aa3ad) on colors.paper (#ffffff) reads at 2.56:1, under the 4.5:1 WCAG 2.1 AA asks of text`]);
  });
});
