import type { Publication } from '../model/types';

/** Whether any block or inline content of the publication is math: only then do the targets load KaTeX's stylesheet and fonts. */
export function hasMath(publication: Publication): boolean {
  const visit = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (!value || typeof value !== 'object') return false;
    const type = (value as { type?: unknown }).type;
    if (type === 'math' || type === 'inlineMath') return true;
    return Object.entries(value).some(([key, child]) => key !== 'position' && key !== 'data' && typeof child === 'object' && visit(child));
  };
  return visit([publication.preamble, publication.sections]);
}
