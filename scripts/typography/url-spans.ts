/** A range of a text, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

// The rest of an address: no spaces or quotes, and not the punctuation that ends the sentence.
const REST = String.raw`[^\s<>"«»]*[^\s<>"«».,:;!?'’)\]…]`;

const URL_LIKE = new RegExp(
  [
    // "http:" alone counts too: "le protocole http: ..." must not become "http :".
    String.raw`\b(?:https?|ftp|file|mailto|tel|sms|data):(?:${REST})?`,
    String.raw`\b[a-z][a-z\d+.-]*:\/\/${REST}`,
    String.raw`\bwww\.${REST}`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:fr|com|org|net|eu|info|io|be|ch)\b(?:\/(?:${REST})?)?`,
  ].join('|'),
  'giu',
);

// Every address has a colon, an at sign or a dot followed by a letter or digit: prose without one is
// skipped without running the costly pattern (it tries every word boundary).
const MAY_HOLD_ADDRESS = /[:@]|\.[\p{L}\p{N}]/u;

/** Where the text holds URLs, e-mail addresses and bare domains: typography never goes there. */
export function findUrlSpans(text: string): Span[] {
  if (!MAY_HOLD_ADDRESS.test(text)) return [];
  return [...text.matchAll(URL_LIKE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** The whole text is one address ("https://…", "www.…", "nom@domaine.fr"). */
function isUrlLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && findUrlSpans(trimmed).some((span) => span.start === 0 && span.end === trimmed.length);
}

/** A link that shows its own address (autolinks, pasted URLs): its text is an address, not prose. */
export function linkShowsAddress(href: string, text: string): boolean {
  const trimmed = text.trim();
  // Autolinks keep the address as text: `<https://…>`, `www.…` (href "http://www.…"), `<nom@domaine.fr>` (href "mailto:…").
  const isAutolink = trimmed !== '' && (href === trimmed || href.endsWith(`//${trimmed}`) || href.endsWith(`:${trimmed}`));
  return isAutolink || isUrlLike(trimmed);
}
