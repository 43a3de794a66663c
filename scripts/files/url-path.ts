/**
 * The file path a local URL of a source names (`images/a%20b.png?v=2#x` -> `images/a b.png`): query
 * and fragment dropped, percent-escapes decoded; a malformed escape keeps the text as written, since
 * authors type `100%.png` as often as `100%25.png`.
 */
export function urlPath(url: string): string {
  return decodeOrKeep(url.split(/[?#]/)[0]!);
}

/** A percent-encoded text decoded, or as written when its escapes are malformed. */
export function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
