import type { FootnoteReference } from 'mdast';
import type { Publication } from './types';

/** Class of a footnote's number, in the text and before the note itself, in every target. */
export const FOOTNOTE_MARKER_CLASS = 'footnote-marker';

/** Every footnote reference of the publication, in document order (a section's title, its blocks, then its subsections). */
function eachFootnoteReference(publication: Publication, use: (node: FootnoteReference) => void): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as { type?: unknown; identifier?: unknown };
      if (node.type === 'footnoteReference' && typeof node.identifier === 'string') {
        use(node as FootnoteReference);
        return;
      }
      for (const [key, child] of Object.entries(value)) if (key !== 'position' && key !== 'data') visit(child);
    }
  };
  visit([publication.preamble, publication.sections]);
}

/**
 * Footnote numbers for the whole document, in the order of first mention (a definition leads
 * with a marker to itself, so a note never referred to still gets a number). Computed once for
 * the document: each paragraph is rendered on its own and would otherwise number from 1.
 */
export function footnoteNumbers(publication: Publication): Map<string, number> {
  const numbers = new Map<string, number>();
  eachFootnoteReference(publication, (node) => {
    if (!numbers.has(node.identifier)) numbers.set(node.identifier, numbers.size + 1);
  });
  return numbers;
}

/** Each reference carries its number (`data.footnoteNumber`), for targets that render inline text piece by piece. */
export function numberFootnoteReferences(publication: Publication): void {
  const numbers = footnoteNumbers(publication);
  eachFootnoteReference(publication, (node) => {
    node.data = { ...node.data, footnoteNumber: numbers.get(node.identifier) } as FootnoteReference['data'];
  });
}
