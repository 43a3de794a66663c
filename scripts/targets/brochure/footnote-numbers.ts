import type { Publication } from '../../model/types';

/**
 * Footnote numbers for the whole brochure, in the order of first mention (a definition leads
 * with a marker to itself, so a note never referred to still gets a number). Computed once for
 * the document: each paragraph is rendered on its own and would otherwise number from 1.
 */
export function footnoteNumbers(publication: Publication): Map<string, number> {
  const numbers = new Map<string, number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as { type?: unknown; identifier?: unknown };
      if (node.type === 'footnoteReference' && typeof node.identifier === 'string') {
        if (!numbers.has(node.identifier)) numbers.set(node.identifier, numbers.size + 1);
        return;
      }
      // Key order is document order: a section's title, its blocks, then its subsections.
      for (const [key, child] of Object.entries(value)) if (key !== 'position' && key !== 'data') visit(child);
    }
  };
  visit([publication.preamble, publication.sections]);
  return numbers;
}
