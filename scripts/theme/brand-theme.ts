import type { Theme, ThemeInput } from './theme-schema';
import { brandColor, brandFamily, brandLogo, type Brand } from './brand-yml';

/** Families whose name says serif even without the word (brand files often name Google fonts). */
const SERIF_NAMES = /serif|slab|georgia|times|garamond|merriweather|lora|playfair|baskerville|caslon|crimson|spectral|cormorant|bitter|charter|cambria/i;

/**
 * A brand.yml mapped onto Triptyque's tokens, over a base theme for what the brand leaves out.
 * Roles: foreground -> ink, background -> paper, primary -> accent, dark -> accentDark,
 * light -> accentSoft, secondary (else warning) -> highlight; muted and rule are mixed from ink
 * and paper. Fonts cannot be fetched (builds are offline): a family that is not one of the
 * base theme's local fonts is replaced by the local serif or sans, with a warning.
 */
export function brandThemeInput(brand: Brand, options: { name: string; base: Theme }): { input: ThemeInput; warnings: string[] } {
  const { base } = options;
  const warnings: string[] = [];
  const ink = brandColor(brand, 'foreground') ?? base.colors.ink;
  const paper = brandColor(brand, 'background') ?? base.colors.paper;
  const accent = brandColor(brand, 'primary') ?? base.colors.accent;
  const colors = {
    ink,
    paper,
    accent,
    accentDark: brandColor(brand, 'dark') ?? mix(accent, '#000000', 0.35) ?? base.colors.accentDark,
    accentSoft: lightTint(brandColor(brand, 'light')) ?? mix(accent, '#ffffff', 0.88) ?? base.colors.accentSoft,
    highlight: brandColor(brand, 'secondary') ?? brandColor(brand, 'warning') ?? base.colors.highlight,
    muted: mix(ink, paper, 0.35) ?? base.colors.muted,
    rule: brandColor(brand, 'tertiary') ?? mix(ink, paper, 0.78) ?? base.colors.rule,
  };
  const font = (role: 'base' | 'headings', fallback: 'text' | 'heading') => {
    const family = brandFamily(brand, role);
    if (family === undefined) return base.fonts[fallback];
    const local = [base.fonts.text, base.fonts.heading].find((candidate) => candidate.family.toLowerCase() === family.toLowerCase());
    if (local) return local;
    const replacement = SERIF_NAMES.test(family) && !/sans/i.test(family) ? base.fonts.text : base.fonts.heading;
    warnings.push(`typography.${role}: the font "${family}" cannot be fetched (builds are offline): ${replacement.family} is used instead`);
    return replacement;
  };
  const logo = brandLogo(brand);
  const remote = (path: string | undefined) => path !== undefined && /^https?:\/\//i.test(path);
  if (logo && (remote(logo.light) || remote(logo.dark))) warnings.push('logo: a logo given by URL is not fetched; put the file beside _brand.yml');
  const publicUrl = publicLogoUrl(brand);
  return {
    input: {
      name: options.name,
      colors,
      fonts: { text: font('base', 'text'), heading: font('headings', 'heading') },
      logo: logo && !remote(logo.light) ? { light: logo.light, dark: remote(logo.dark) ? undefined : logo.dark, alt: logo.alt, publicUrl } : undefined,
    },
    warnings,
  };
}

/** brand.yml keeps tool settings under `defaults`: `defaults.triptyque.logo-public-url` (a URL, or `{ light, dark }`). */
function publicLogoUrl(brand: Brand): { light: string; dark?: string } | undefined {
  const defaults = (brand as { defaults?: { triptyque?: { 'logo-public-url'?: unknown } } }).defaults;
  const value = defaults?.triptyque?.['logo-public-url'];
  if (typeof value === 'string') return { light: value };
  if (value && typeof value === 'object' && 'light' in value) return value as { light: string; dark?: string };
  return undefined;
}

/** brand.yml's `light` is often plain white: as a soft accent background that would vanish, so it is only used when tinted. */
function lightTint(color: string | undefined): string | undefined {
  return color && !/^(#fff(fff)?|white)$/i.test(color) ? color : undefined;
}

/** `a` mixed with `b` by `amount` (0 = a), for six-digit hex colours; undefined otherwise. */
function mix(a: string, b: string, amount: number): string | undefined {
  const rgb = (hex: string) => (/^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : undefined);
  const [from, to] = [rgb(a), rgb(b)];
  if (!from || !to) return undefined;
  return `#${from.map((value, i) => Math.round(value + (to[i]! - value) * amount).toString(16).padStart(2, '0')).join('')}`;
}
