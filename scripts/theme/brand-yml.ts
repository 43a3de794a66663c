import { z } from 'zod';
import { locateYamlPath, parseYaml, yamlToData } from '../config/yaml-location';

/**
 * posit's brand.yml (what Quarto reads from `_brand.yml`), the parts Triptyque uses: colour
 * palette and roles, typography families, logos. Other keys (`meta`, `defaults`, sizes, weights)
 * are accepted and ignored, so a brand written for Quarto loads unchanged.
 * https://posit-dev.github.io/brand-yml/brand
 */
const logoResource = z.union([z.string(), z.object({ path: z.string(), alt: z.string().nullish() })]);
const logoVariants = z.union([logoResource, z.object({ light: logoResource.optional(), dark: logoResource.optional() })]);
const typographyEntry = z.union([z.string(), z.looseObject({ family: z.string().optional(), color: z.string().optional() })]);

const brandSchema = z.looseObject({
  meta: z.looseObject({ name: z.union([z.string(), z.looseObject({ full: z.string().optional(), short: z.string().optional() })]).optional() }).optional(),
  logo: z
    .union([
      logoResource,
      z.looseObject({
        images: z.record(z.string(), logoResource).optional(),
        small: logoVariants.optional(),
        medium: logoVariants.optional(),
        large: logoVariants.optional(),
      }),
    ])
    .optional(),
  color: z
    .looseObject({
      palette: z.record(z.string(), z.string()).optional(),
      foreground: z.string().optional(),
      background: z.string().optional(),
      primary: z.string().optional(),
      secondary: z.string().optional(),
      tertiary: z.string().optional(),
      light: z.string().optional(),
      dark: z.string().optional(),
      warning: z.string().optional(),
    })
    .optional(),
  typography: z
    .looseObject({
      fonts: z.array(z.looseObject({ family: z.string(), source: z.string().optional() })).optional(),
      base: typographyEntry.optional(),
      headings: typographyEntry.optional(),
      monospace: typographyEntry.optional(),
    })
    .optional(),
});

export type Brand = z.output<typeof brandSchema>;

export interface BrandProblem {
  message: string;
  line: number;
  column: number;
}

/** The brand, or every problem with its place in the file. */
export function parseBrandYml(text: string): { brand: Brand } | { problems: BrandProblem[] } {
  const parsed = parseYaml(text);
  if (parsed.doc.errors.length > 0) {
    return {
      problems: parsed.doc.errors.map((error) => ({
        message: error.message.split('\n')[0]!,
        line: error.linePos?.[0]?.line ?? 1,
        column: error.linePos?.[0]?.col ?? 1,
      })),
    };
  }
  const converted = yamlToData(parsed);
  if ('error' in converted) return { problems: [{ message: converted.error, ...converted.place }] };
  const result = brandSchema.safeParse(converted.data ?? {});
  if (result.success) {
    const colorProblems = unknownColors(result.data, parsed);
    return colorProblems.length > 0 ? { problems: colorProblems } : { brand: result.data };
  }
  return {
    problems: result.error.issues.map((issue) => ({
      message: `${issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : ''}${issue.message}`,
      ...locateYamlPath(parsed, issue.path),
    })),
  };
}

const COLOR_ROLES = ['foreground', 'background', 'primary', 'secondary', 'tertiary', 'light', 'dark', 'warning'] as const;
type ColorRole = (typeof COLOR_ROLES)[number];

/** A colour role or palette entry: a palette name (followed, as brand.yml does), else a CSS colour. */
export function brandColor(brand: Brand, role: ColorRole): string | undefined {
  const value = brand.color?.[role];
  return value === undefined ? undefined : resolvePalette(brand, value);
}

function resolvePalette(brand: Brand, value: string, seen = new Set<string>()): string {
  const palette = brand.color?.palette ?? {};
  const next = palette[value];
  if (next === undefined || seen.has(value)) return value;
  seen.add(value);
  return resolvePalette(brand, next, seen);
}

/** Hex colours and CSS colour names only: anything else is a misspelt palette name. */
const CSS_COLOR = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]+|(rgb|rgba|hsl|hsla)\([^)]*\))$/i;

function unknownColors(brand: Brand, parsed: ReturnType<typeof parseYaml>): BrandProblem[] {
  const problems: BrandProblem[] = [];
  const check = (path: string[], value: string) => {
    const resolved = resolvePalette(brand, value);
    if (!CSS_COLOR.test(resolved) || (/^[a-z]+$/i.test(resolved) && !isColorKeyword(resolved))) {
      problems.push({ message: `\`${path.join('.')}\`: "${value}" is neither a palette colour nor a CSS colour`, ...locateYamlPath(parsed, path) });
    }
  };
  for (const [name, value] of Object.entries(brand.color?.palette ?? {})) check(['color', 'palette', name], value);
  for (const role of COLOR_ROLES) {
    const value = brand.color?.[role];
    if (value !== undefined) check(['color', role], value);
  }
  return problems;
}

function isColorKeyword(name: string): boolean {
  return CSS_NAMED_COLORS.has(name.toLowerCase());
}

/** The basic CSS colour keywords: what brand files use by name besides their palette. */
const CSS_NAMED_COLORS = new Set(['black', 'white', 'gray', 'grey', 'silver', 'red', 'maroon', 'orange', 'yellow', 'olive', 'lime', 'green', 'teal', 'aqua', 'cyan', 'blue', 'navy', 'fuchsia', 'magenta', 'purple', 'pink', 'brown', 'transparent']);

/** Family named by a typography entry (`base: Open Sans` or `base: { family: Open Sans }`). */
export function brandFamily(brand: Brand, role: 'base' | 'headings' | 'monospace'): string | undefined {
  const entry = brand.typography?.[role];
  return typeof entry === 'string' ? entry : entry?.family;
}

export interface BrandLogo {
  light: string;
  dark?: string;
  alt?: string;
}

/** The logo to print: medium first (the size Quarto puts in a title block), then large, then small. */
export function brandLogo(brand: Brand): BrandLogo | undefined {
  const logo = brand.logo;
  if (logo === undefined) return undefined;
  if (typeof logo === 'string' || 'path' in logo) return resource(brand, logo as z.output<typeof logoResource>);
  const sized = logo.medium ?? logo.large ?? logo.small;
  if (sized === undefined) return undefined;
  if (typeof sized === 'string' || 'path' in sized) return resource(brand, sized as z.output<typeof logoResource>);
  const light = sized.light ? resource(brand, sized.light) : undefined;
  const dark = sized.dark ? resource(brand, sized.dark) : undefined;
  const base = light ?? dark;
  return base && { light: base.light, dark: dark?.light, alt: base.alt };
}

/** A path, an `images` name, or `{ path, alt }`. */
function resource(brand: Brand, value: z.output<typeof logoResource>): BrandLogo {
  const images = typeof brand.logo === 'object' && 'images' in brand.logo ? (brand.logo.images ?? {}) : {};
  const named = typeof value === 'string' ? (images[value] ?? value) : value;
  return typeof named === 'string' ? { light: named } : { light: named.path, alt: named.alt ?? undefined };
}

export function brandName(brand: Brand): string | undefined {
  const name = brand.meta?.name;
  return typeof name === 'string' ? name : (name?.full ?? name?.short);
}
