/** What `check --fix` says it did, per rule: every word of its report in one place. */
export const FIX_LABELS: Record<string, string> = {
  'heading-increment': 'heading level made consecutive',
  'heading-emphasis': 'bold or italics removed from the heading',
  'emphasis-as-heading': 'bold or italic paragraph made a heading',
  'pseudo-bullet': 'pasted bullet removed, item nested',
  'raw-html': 'superscript ordinal written as plain text',
  'html-entity': 'HTML entity written as its character',
  'broken-paragraph': 'paragraph cut by a page break joined',
  'missing-metadata': 'front matter added',
  'pandoc-attributes': 'pandoc attributes removed, their text kept',
};
