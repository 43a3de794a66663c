/** The part of citation-js (no types of its own) that the bibliography uses. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: { id: string; [key: string]: unknown }[];
    format(format: 'bibliography' | 'citation', options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: '@csl'): { templates: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
