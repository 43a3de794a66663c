import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTriptyqueError } from '../errors';

import { createTheme } from './create-theme';
import { readTheme, themeDir } from './load-theme';

/** A theme folder holding only the given `_brand.yml` (and any other files). */
function brandFolder(brand: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'triptyque-brand-'));
  writeFileSync(join(dir, '_brand.yml'), brand);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isTriptyqueError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"><rect width="200" height="50"/></svg>';

describe('a theme given as a _brand.yml', () => {
  it('maps the brand of Atelier Boréal onto the colours, local fonts and logos of the three targets', () => {
    const theme = readTheme(themeDir('boreal'), 'boreal');
    // Palette names are followed: primary is "pine", background "sand".
    expect(theme.colors).toMatchObject({ accent: '#2e7d5b', paper: '#fbf8f2', ink: '#17231d', accentDark: '#1f4d3a', accentSoft: '#dcebe2', highlight: '#d98e04' });
    // Merriweather and Rubik cannot be fetched: the local serif and sans stand in, with a warning each.
    expect(theme.fonts.text.family).toBe('IBM Plex Serif');
    expect(theme.fonts.heading.family).toBe('IBM Plex Sans');
    expect(theme.warnings).toHaveLength(2);
    expect(theme.warnings[0]).toMatch(/_brand\.yml: typography\.base: the font "Merriweather" cannot be fetched.*IBM Plex Serif/);
    expect(theme.logo).toMatchObject({ light: 'logo/boreal-light.svg', dark: 'logo/boreal-dark.svg', publicUrl: { light: 'https://atelier-boreal.example/logo/boreal-light.png' } });
  });

  it('reads a brand written for Quarto as it is: colour values, a one-file logo, fonts by name only', () => {
    const dir = brandFolder('color:\n  primary: "#447099"\n  foreground: black\nlogo: logo.svg\ntypography:\n  base: IBM Plex Sans\n', { 'logo.svg': SVG });
    const theme = readTheme(dir, 'quarto');
    expect(theme.colors.accent).toBe('#447099');
    expect(theme.colors.ink).toBe('black');
    expect(theme.fonts.text.family).toBe('IBM Plex Sans');
    expect(theme.warnings).toEqual([]);
    expect(theme.logo?.light).toBe('logo.svg');
  });

  it('says where a wrong value is: file, line and column', () => {
    const dir = brandFolder('meta:\n  name: Essai\ncolor:\n  palette:\n    blue: "#447099"\n  primary: blu\n  secondary: 42\n');
    const message = errorOf(() => readTheme(dir, 'essai'));
    expect(message).toContain(`${join(dir, '_brand.yml')}:7:14`);
    expect(message).toContain('color.secondary');
  });

  it('says where a misspelt palette colour is', () => {
    const dir = brandFolder('color:\n  palette:\n    blue: "#447099"\n  primary: blu\n');
    expect(errorOf(() => readTheme(dir, 'essai'))).toBe(`${join(dir, '_brand.yml')}:4:12 \`color.primary\`: "blu" is neither a palette colour nor a CSS colour (theme-invalid)`);
  });

  it('says where broken YAML is', () => {
    const dir = brandFolder('color:\n  primary: "#447099\n');
    expect(errorOf(() => readTheme(dir, 'essai'))).toMatch(new RegExp(`^${join(dir, '_brand.yml').replace(/[.]/g, '\\.')}:\\d+:\\d+ `));
  });

  it('refuses a logo outside the theme folder or missing', () => {
    expect(errorOf(() => readTheme(brandFolder('logo: ../secret.svg\n'), 'essai'))).toContain('outside the theme folder');
    expect(errorOf(() => readTheme(brandFolder('logo: absent.svg\n'), 'essai'))).toContain('does not exist');
  });
});

describe('triptyque theme new', () => {
  it('creates a theme from a _brand.yml: the default stylesheets renamed, the brand and its logos beside them', () => {
    const source = brandFolder('color:\n  primary: "#aa3300"\nlogo:\n  medium:\n    light: art/logo.svg\n    dark: art/logo-dark.svg\n', { 'art/logo.svg': SVG, 'art/logo-dark.svg': SVG });
    const themesDir = mkdtempSync(join(tmpdir(), 'triptyque-themes-'));
    const { dir } = createTheme({ name: 'essai', from: join(source, '_brand.yml'), themesDir });
    expect(readFileSync(join(dir, 'deck', 'essai.css'), 'utf8')).toMatch(/@theme essai\b/);
    expect(existsSync(join(dir, 'theme.json'))).toBe(false);
    for (const file of ['_brand.yml', 'art/logo.svg', 'art/logo-dark.svg', 'brochure/brochure.css', 'digest/digest-dark.css']) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(readTheme(dir, 'essai').colors.accent).toBe('#aa3300');
  });

  it('creates a copy of the default theme with its own theme.json when no brand is given', () => {
    const themesDir = mkdtempSync(join(tmpdir(), 'triptyque-themes-'));
    const { dir } = createTheme({ name: 'maison', themesDir });
    expect(readTheme(dir, 'maison').name).toBe('maison');
  });

  it('leaves nothing behind for an invalid brand, and never overwrites a theme', () => {
    const themesDir = mkdtempSync(join(tmpdir(), 'triptyque-themes-'));
    const source = brandFolder('color:\n  primary: [1, 2]\n');
    expect(errorOf(() => createTheme({ name: 'essai', from: join(source, '_brand.yml'), themesDir }))).toContain(':2:12');
    expect(existsSync(join(themesDir, 'essai'))).toBe(false);
    createTheme({ name: 'essai', themesDir });
    expect(errorOf(() => createTheme({ name: 'essai', themesDir }))).toContain('already exists');
  });
});
