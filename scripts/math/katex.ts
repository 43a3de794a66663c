import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import katex from 'katex';
import { BoundedCache } from '../cache/bounded-cache';

/**
 * TeX math through KaTeX, the one renderer of the project's HTML: the brochure shows its HTML
 * (with MathML for screen readers), the digest its MathML. A source's mistake is found once,
 * at parse time (`mathError`); the targets then render with `throwOnError: false`.
 */

export type MathOutput = 'htmlAndMathml' | 'mathml';

const rendered = new BoundedCache<string, string>(2000);

export function renderMath(tex: string, display: boolean, output: MathOutput): string {
  const key = `${output}\n${display ? 'D' : 'I'}\n${tex}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { displayMode: display, output, throwOnError: false, strict: 'ignore' });
    rendered.set(key, html);
  }
  return html;
}

/** What KaTeX cannot read in `tex`, in its words; undefined when it renders. */
export function mathError(tex: string, display: boolean): string | undefined {
  try {
    katex.renderToString(tex, { displayMode: display, output: 'mathml', throwOnError: true, strict: 'ignore' });
    return undefined;
  } catch (error) {
    return error instanceof katex.ParseError ? error.rawMessage : String(error);
  }
}

/** KaTeX's stylesheet and fonts: a folder the browser may read, like the theme's font packages. */
export const KATEX_DIST = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
const stylesheets = new Map<boolean, string>();

/**
 * KaTeX's stylesheet with its fonts from the installed package: by file URL for the pages the
 * build prints, or embedded (woff2 only) for an HTML file that must work wherever it is copied.
 */
export function katexCss(options: { embed: boolean }): string {
  const known = stylesheets.get(options.embed);
  if (known !== undefined) return known;
  const css = readFileSync(join(KATEX_DIST, 'katex.min.css'), 'utf8').replace(/src:([^;}]*)/g, (_all, sources: string) => {
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(sources)?.[1];
    if (!woff2) return `src:${sources}`;
    const path = join(KATEX_DIST, woff2.replace(/^["']|["']$/g, ''));
    const url = options.embed ? `data:font/woff2;base64,${readFileSync(path).toString('base64')}` : pathToFileURL(path).href;
    return `src:url("${url}") format("woff2")`;
  });
  // An equation wider than the page or the slide breaks after a relation or an operator, as
  // KaTeX's inline math does, instead of running off the edge (display mode never breaks).
  const breaking = `${css}\n.katex-display>.katex.katex{white-space:normal}.katex-display>.katex>.katex-html{text-wrap:balance}`;
  stylesheets.set(options.embed, breaking);
  return breaking;
}
