declare module 'md-attr-parser' {
  /** Pandoc's and markdown-it-attrs's `{#id .class key="value"}`, read from `offset` on. */
  export default function parseAttr(text: string, offset?: number): { prop: { id?: string; class?: string[]; [key: string]: string | string[] | undefined }; eaten: string };
}

declare module '@adobe/remark-gridtables' {
  import type { Plugin } from 'unified';
  const remarkGridtables: Plugin<[]>;
  export default remarkGridtables;
}
