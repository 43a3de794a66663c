import { z } from 'zod';

const fontSchema = z.object({
  family: z.string(),
  fallback: z.string(),
  /** A fontsource package (`@fontsource/NAME`): its stylesheets say which woff2 file holds which characters. */
  package: z.string(),
  /** The weights used, `i` after one for its italic: `["400", "400i", "700"]`. */
  weights: z.array(z.string().regex(/^\d{3}i?$/, 'a weight such as 400, or 400i for its italic')).min(1),
});

const logoFile = z.string().regex(/\.(svg|png)$/i, 'an SVG or PNG file in the theme folder');

export const themeSchema = z.object({
  name: z.string(),
  colors: z.object({
    ink: z.string(),
    muted: z.string(),
    accent: z.string(),
    accentDark: z.string(),
    accentSoft: z.string(),
    highlight: z.string(),
    paper: z.string(),
    rule: z.string(),
  }),
  fonts: z.object({ text: fontSchema, heading: fontSchema }),
  /** The organisation's logo: files in the theme folder, for light and dark backgrounds. */
  logo: z
    .object({
      light: logoFile,
      dark: logoFile.optional(),
      alt: z.string().optional(),
      /** Where the logo is published: digest.html (opened outside the .eml) shows it from there, never fetched at build time. */
      publicUrl: z.object({ light: z.url({ protocol: /^https?$/ }), dark: z.url({ protocol: /^https?$/ }).optional() }).optional(),
    })
    .optional(),
});

export type ThemeInput = z.input<typeof themeSchema>;
export type Theme = z.output<typeof themeSchema> & {
  dir: string;
  /** Things a reader of the build should know: a brand font replaced by a local one, and so on. */
  warnings: string[];
};
export type FontRole = keyof Theme['fonts'];
export type LogoVariant = 'light' | 'dark';
