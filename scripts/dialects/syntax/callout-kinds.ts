/**
 * The kinds of callout the tools share (GitHub's alerts, Obsidian's callouts, Quarto's
 * `callout-*`, VitePress's and Docusaurus's admonitions): each has a label in the message tables.
 */
export const CALLOUT_KINDS = ['note', 'tip', 'info', 'important', 'warning', 'caution', 'danger', 'details', 'abstract', 'todo', 'success', 'question', 'failure', 'bug', 'example', 'quote'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** Other names the same kinds go by (Obsidian's aliases, Sphinx's and MkDocs's words). */
const ALIASES: Readonly<Record<string, CalloutKind>> = {
  hint: 'tip',
  summary: 'abstract',
  tldr: 'abstract',
  check: 'success',
  done: 'success',
  help: 'question',
  faq: 'question',
  fail: 'failure',
  missing: 'failure',
  error: 'danger',
  attention: 'warning',
  cite: 'quote',
  seealso: 'note',
};

/** The kind a name stands for, case aside (`Warning`, `callout-note`), or none. */
export function calloutKind(name: string): CalloutKind | undefined {
  const key = name.toLowerCase().replace(/^callout-/, '');
  return (CALLOUT_KINDS as readonly string[]).includes(key) ? (key as CalloutKind) : ALIASES[key];
}
