import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TriptyqueError } from '../../errors';
import type { DeckTheme } from './deck-theme';
import { MARP_OPTIONS } from './render-marp';

/** Marp Core with Marpit's slide splitting made linear (`linear-slides.mjs`); a file, for marp-cli imports its engine itself. */
const ENGINE = fileURLToPath(new URL('./marp-cli-engine.mjs', import.meta.url));

/**
 * deck.html through marp-cli's bespoke template (presenter view, notes, navigation). HTML needs
 * no browser, so marp-cli runs in-process and launches none; the theme's fonts are embedded, so
 * the file is self-contained.
 */
export async function exportHtml(markdown: string, theme: DeckTheme): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'triptyque-deck-'));
  try {
    const input = join(dir, 'deck.md');
    const css = join(dir, `${theme.name}.css`);
    const output = join(dir, 'deck.html');
    const config = join(dir, 'marp.config.json');
    await writeFile(input, markdown);
    // The fonts go in after: through marp-cli, 900 KB of base64 would be parsed by PostCSS on every build.
    // A deck in Marp's own themes brings no stylesheet.
    if (theme.css) await writeFile(css, theme.css);
    // Marp Core as the build measured the slides with (`render-marp.ts`): no Twemoji images from a CDN, no remote KaTeX fonts.
    await writeFile(config, JSON.stringify({ options: MARP_OPTIONS }));
    // Loaded on first use: marp-cli is the heaviest import of the build, and only deck.html needs it.
    const { marpCli } = await import('@marp-team/marp-cli');
    const { code, log } = await quietly(() =>
      marpCli([input, '--no-stdin', '--config-file', config, '--engine', ENGINE, ...(theme.css ? ['--theme-set', css] : []), '--template', 'bespoke', '--bespoke.progress', '-o', output]),
    );
    if (code !== 0) throw new TriptyqueError('RENDER_FAILED', `marp-cli could not write deck.html (exit code ${code}): ${log.join(' ').slice(0, 500)}`);
    const html = await readFile(output, 'utf8');
    const head = html.indexOf('</head>');
    if (head < 0) throw new TriptyqueError('RENDER_FAILED', 'marp-cli wrote a deck.html without a head to put the fonts in');
    return `${html.slice(0, head)}<style>${theme.embeddedFontCss}</style>${html.slice(head)}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts loading marp-cli while the browser fits the slides, so deck.html does not wait for it. */
export function preloadHtmlExport(): void {
  import('@marp-team/marp-cli').catch(() => undefined);
}

/** marp-cli reports progress on the console; only the CLI prints in Triptyque, so it is kept for errors. */
async function quietly<T>(work: () => Promise<T>): Promise<{ code: T; log: string[] }> {
  const log: string[] = [];
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const keep = (...args: unknown[]) => void log.push(args.map(String).join(' '));
  Object.assign(console, { log: keep, warn: keep, error: keep, info: keep });
  try {
    return { code: await work(), log };
  } finally {
    Object.assign(console, saved);
  }
}
