import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * GitHub's sanitising schema, with style sheets dropped whole: their rules are not text a reader
 * wrote, and printed as text they would land in the publication.
 */
export const SANITIZE_SCHEMA: Schema = { ...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style'] };
