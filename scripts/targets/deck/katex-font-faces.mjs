// Marp Core's math stylesheet, with `katexFontPath: false` (no CDN), keeps KaTeX's own
// `@font-face { src: url(fonts/KaTeX_Main-Regular.woff2) }`, a path relative to wherever deck.html
// lies, where no font is. The deck's font stylesheet brings the same faces from the installed
// KaTeX, embedded in deck.html (`withMathFonts`), so Marp's are left out. Plain ESM, for marp-cli
// imports the engine that uses it (`marp-cli-engine.mjs`) natively.

/** One of KaTeX's `@font-face` rules (no braces nest inside one). */
const KATEX_FONT_FACE = /@font-face\s*\{[^{}]*font-family:\s*["']?KaTeX_[^{}]*\}/gu;

/** `marp`, whose stylesheet no longer declares KaTeX's fonts at paths that are not there. */
export function withoutKatexFontFiles(marp) {
  const packOptions = marp.themeSetPackOptions.bind(marp);
  marp.themeSetPackOptions = () => {
    const options = packOptions();
    return typeof options.before === 'string' ? { ...options, before: options.before.replace(KATEX_FONT_FACE, '') } : options;
  };
  return marp;
}
