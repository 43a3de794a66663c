import { z } from 'zod';
import { DIALECT_NAMES, EXTENSION_NAMES } from '../dialects/names';

/** `+name` or `-name` (or a bare name, added) of a Markdown extension. */
const extensionEdit = z.string().refine((value) => (EXTENSION_NAMES as readonly string[]).includes(value.replace(/^[+-]/, '')), {
  message: `a Markdown extension, with + to add it or - to remove it: ${EXTENSION_NAMES.join(', ')}`,
});

/** What a source may be read as whatever it says: `deck`, a Marp deck whose slides are the author's. */
export const READ_AS = ['deck'] as const;
export type ReadAs = (typeof READ_AS)[number];

/** A link a reader may follow or a mail client may call: nothing that runs (`javascript:`) or reads local files. */
const SAFE_URL_SCHEMES = ['https:', 'http:', 'mailto:'];
export const safeUrl = () =>
  z
    .string()
    .url()
    .refine((value) => SAFE_URL_SCHEMES.includes(new URL(value).protocol), 'only https:, http: or mailto: URLs are allowed here');

/**
 * Settings that say who the mail is from and where it points. A source's front matter may set them
 * only when `allowSourceOverrides` lists them: a partner's source must not choose the sender.
 */
export const SENDER_SETTINGS = ['digest.from', 'digest.replyTo', 'digest.listId', 'digest.unsubscribeUrl', 'digest.dkim', 'brochure.publicUrl', 'brochureUrl'] as const;
export type SenderSetting = (typeof SENDER_SETTINGS)[number];

/**
 * Settings that are not per document. They live in `triptyque.config.yaml` at the project root;
 * a source's front matter may override them under the same keys, except the sender settings.
 */
/** A folder name under `themes/`. */
const themeName = z.string().regex(/^[a-z0-9-]+$/, 'a folder name under themes/');

export const settingsSchema = z
  .object({
    /** Who publishes: the cover, the digest's footer. None by default: the document's author, or nothing, is shown. */
    organisation: z.string().min(1).optional(),
    /** Defaults to the organisation. */
    author: z.string().min(1).optional(),
    lang: z.string().min(2).default('fr'),
    /** A folder name under the project's `themes/`, or a theme that comes with the tool (`triptyque`, the default). */
    theme: themeName.default('triptyque'),
    /** Sender settings (see SENDER_SETTINGS) a source's front matter may set; none by default. */
    allowSourceOverrides: z.array(z.enum(SENDER_SETTINGS)).default([]),
    /** The public site the sources come from: their links to other pages (`/guide/x`, `../x.md`, `annexe.pdf`) are made absolute from it. */
    siteUrl: safeUrl().optional(),
    /**
     * `deck`: every source is a deck source, its slides the author's, as if its front matter said
     * `marp: true` (what `--as deck` asks for one run).
     */
    as: z.enum(READ_AS).optional(),
    /** The Markdown dialect of sources that do not say theirs; their file names and front matter still tell first. */
    markdown: z
      .object({
        dialect: z.enum(DIALECT_NAMES).optional(),
        extensions: z.array(extensionEdit).optional(),
    /** Pandoc's citations (the `citations` extension reads them): files beside the source, a CSL style file, entries written here in CSL-YAML. */
    bibliography: z.union([z.string(), z.array(z.string())]).optional(),
    csl: z.string().optional(),
    references: z.array(z.unknown()).optional(),
      })
      .strict()
      .default({}),
    deck: z
      .object({
        /** Speaking pace used to time each slide, in words per minute. */
        pace: z.number().int().min(60).max(300).default(130),
        /** Length of the talk's slot in minutes; the report says whether the deck fits. */
        slotMinutes: z.number().positive().optional(),
        /** How much a crowded slide may be scaled down before it is split, 0.8 = 80 %. */
        minScale: z.number().min(0.6).max(1).default(0.85),
        /** deck.pptx as native, editable slides of text, or as one picture per slide (pixel-exact, not editable). */
        pptx: z.enum(['editable', 'pictures']).default('editable'),
        /** Marp theme stylesheets (`@theme name`) a deck source may name, beside those found next to it. */
        marpThemes: z.array(z.string()).optional(),
        /**
         * `talk`: a deck to speak to, a few short lines a slide (each paragraph's and list item's key
         * sentence or clause), the prose whole in the notes; `read`: the prose on the slides, for a
         * deck sent instead of presented. A Marp deck source keeps its author's slides either way.
         */
        style: z.enum(['talk', 'read']).default('talk'),
        /** Talk: words of prose a slide shows at most (the title aside); more go on a "(continued)" slide. */
        wordsPerSlide: z.number().int().min(10).max(200).default(40),
        /** Talk: words of one line (a paragraph's or list item's key sentence or clause) at most. */
        wordsPerLine: z.number().int().min(4).max(60).default(15),
      })
      .strict()
      .default({ pace: 130, minScale: 0.85, pptx: 'editable', style: 'talk', wordsPerSlide: 40, wordsPerLine: 15 }),
    brochure: z
      .object({
        /** Public URL of the brochure PDF; `{slug}` is replaced by the source's slug. */
        publicUrl: safeUrl().optional(),
        /**
         * brochure-print.pdf as printed (`rgb`), or converted by Ghostscript to CMYK PDF/X: `pdfx`
         * (PDF/X-4, transparency kept) or `pdfx-3` (transparency flattened, for older workflows).
         * Ghostscript takes seconds of processor time, so it is asked for.
         */
        printFile: z.enum(['rgb', 'pdfx', 'pdfx-3']).default('rgb'),
        /** brochure-booklet.pdf: how far the innermost sheet's pages move toward the fold, in mm, for a thick booklet (creep); 0 by default. */
        creepMm: z.number().min(0).max(10).optional(),
        /** The print shop's CMYK ICC profile (absolute path), the output intent of brochure-print.pdf; Ghostscript's own (SWOP) otherwise. */
        printProfile: z.string().regex(/^\//, 'an absolute path to a CMYK .icc profile').optional(),
      })
      .strict()
      .default({ printFile: 'rgb' }),
    digest: z
      .object({
        /** Sender, e.g. `Our Team <contact@example.org>`. */
        from: z.string().min(3).default('Triptyque <triptyque@localhost>'),
        replyTo: z.string().optional(),
        /** RFC 2919 list identifier, e.g. `<synthese.example.org>`. */
        listId: z.string().optional(),
        /** One-click unsubscribe endpoint; `{email}` is replaced by the recipient's address. */
        unsubscribeUrl: safeUrl().optional(),
        /** DKIM signing; the key comes from DKIM_PRIVATE_KEY or from a file outside the repository. */
        dkim: z
          .object({
            domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain name, e.g. example.org'),
            selector: z.string().regex(/^[a-z0-9._-]+$/i, 'a DKIM selector, e.g. triptyque'),
            /** Absolute path (or ~/...) of the PEM private key, kept out of the repository. */
            privateKeyFile: z.string().regex(/^(\/|~\/|[A-Za-z]:[\\/])/, 'an absolute path (or ~/...) outside the repository').optional(),
          })
          .strict()
          .optional(),
        /** Characters kept of each section's lead, cut at a sentence boundary. */
        leadLength: z.number().int().min(80).max(2000).default(320),
        /** Key points listed under each section's lead. */
        keyPoints: z.number().int().min(0).max(10).default(3),
        /** Largest encoded HTML part of the .eml, in kilobytes (Gmail clips near 102 KB). */
        budgetKB: z.number().positive().max(102).default(75),
        /** Pause between two messages when sending, in milliseconds. */
        throttleMs: z.number().int().min(0).max(60_000).default(250),
      })
      .strict()
      .default({ from: 'Triptyque <triptyque@localhost>', leadLength: 320, keyPoints: 3, budgetKB: 75, throttleMs: 250 }),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;

/** An empty string in a front matter from another tool ("description: ''") means the key is absent. */
const optionalText = z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().min(1).optional());

export interface Author {
  name: string;
  affiliation?: string;
}

/** A person's name as a string, `{ name }`, `{ literal }` or CSL's `{ given, family }`. */
function personName(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record['name'] !== undefined) return personName(record['name']);
  if (typeof record['literal'] === 'string') return record['literal'].trim() || undefined;
  const parts = [record['given'], record['family']].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** `affiliation: X`, `affiliations: [X, { name: Y }]`: the names, joined. */
function affiliationOf(record: Record<string, unknown>): string | undefined {
  const written = [record['affiliation'], record['affiliations']].flat().flatMap((item) => (Array.isArray(item) ? item : [item]));
  const names = written.map(personName).filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

const authorList = z.preprocess((value) => {
  if (value === '' || value === null || value === undefined) return undefined;
  const people = (Array.isArray(value) ? value : [value]).flatMap((item): Author[] => {
    const name = personName(item);
    if (!name) return [];
    const affiliation = typeof item === 'object' && item !== null && !Array.isArray(item) ? affiliationOf(item as Record<string, unknown>) : undefined;
    return [affiliation ? { name, affiliation } : { name }];
  });
  return people.length > 0 ? people : typeof value === 'string' || Array.isArray(value) ? undefined : value;
}, z.array(z.object({ name: z.string().min(1), affiliation: z.string().optional() })).optional());

/**
 * `2010-05-27`, a YAML date, an ISO date-time with or without a zone, or Hugo/Jekyll's
 * `2017-03-20 17:51:00 +0100`: the calendar day as written, YYYY-MM-DD.
 */
const frontMatterDate = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z
    .union([z.string(), z.date()])
    .transform((value, ctx) => {
      const iso = value instanceof Date ? value.toISOString().slice(0, 10) : /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim())?.[1];
      if (!iso || Number.isNaN(Date.parse(iso))) {
        ctx.addIssue({ code: 'custom', message: 'expected a date written YYYY-MM-DD (a time after it is allowed)' });
        return z.NEVER;
      }
      return iso;
    })
    .optional(),
);

/**
 * Front matter: the document's metadata, plus any setting to override for this document. Every
 * key is optional; keys other tools write (Hugo's `draft`, `tags`...) are kept and ignored.
 */
export const frontMatterSchema = z
  .object({
    title: optionalText,
    subtitle: optionalText,
    event: optionalText,
    date: frontMatterDate,
    organisation: optionalText,
    /** A name, a list of names, or people as other tools write them: `{ name, affiliation }` (pandoc, Quarto, Jekyll), CSL's `{ given, family }`. */
    author: authorList,
    /** Hugo's and Docusaurus's spelling of `author`. */
    authors: authorList,
    lang: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().min(2).optional()),
    description: optionalText,
    /** Other tools' words for the one-sentence summary: pandoc's `abstract`, Jekyll's `excerpt`, Hugo's `summary`. */
    abstract: optionalText,
    excerpt: optionalText,
    summary: optionalText,
    /** Where the page is published (Jekyll, Hugo): relative links are made absolute from it. */
    url: optionalText,
    baseurl: optionalText,
    baseURL: optionalText,
    permalink: optionalText,
    brochureUrl: z.preprocess((value) => (value === '' || value === null ? undefined : value), safeUrl().optional()),
    backCover: z.union([z.string(), z.array(z.string())]).optional(),
    /** The Markdown dialect the source is written in, and extensions to add (`+math-dollars`) or remove (`-citations`). */
    dialect: z.enum(DIALECT_NAMES).optional(),
    extensions: z.array(extensionEdit).optional(),
    // Not the settings' own schema: its default would override the configuration's theme.
    theme: themeName.optional(),
    /** A Marp deck's Triptyque theme: its `theme` is Marp's. */
    triptyqueTheme: themeName.optional(),
    deck: z.record(z.string(), z.unknown()).optional(),
    brochure: z.record(z.string(), z.unknown()).optional(),
    digest: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** The front-matter keys Triptyque reads; any other is another tool's and is ignored. */
export const FRONT_MATTER_KEYS: ReadonlySet<string> = new Set(Object.keys(frontMatterSchema.shape));
