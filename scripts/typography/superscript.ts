import type { Data, Parent, Text } from 'mdast';

interface SuperscriptData extends Data {
  /** mdast-util-to-hast (remark-rehype) makes a `<sup>` element from it. */
  hName: 'sup';
}

/**
 * Raised text: the suffix of an ordinal ("e" of "3e"). mdast has no such node, so this one is
 * declared here; HTML targets get `<sup>` for free through `data.hName`, other targets
 * (Markdown for Marp, plain-text e-mail) recognise it with `isSuperscript`.
 */
export interface Superscript extends Parent {
  type: 'superscript';
  children: Text[];
  data: SuperscriptData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    superscript: Superscript;
  }
  interface RootContentMap {
    superscript: Superscript;
  }
}

export function superscript(value: string): Superscript {
  return { type: 'superscript', data: { hName: 'sup' }, children: [{ type: 'text', value }] };
}

export function isSuperscript(node: { type: string }): node is Superscript {
  return node.type === 'superscript';
}
