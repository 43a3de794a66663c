// The `hyphen` package ships no types. scripts/typography/hyphenate.ts (which the brochure uses)
// relies on this declaration; it belongs with that module and should move there.
declare module 'hyphen/fr' {
  const hyphenFr: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string };
  export default hyphenFr;
}
