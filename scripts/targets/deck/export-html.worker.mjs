// deck.html through marp-cli, in a worker thread (`export-html.ts`): marp-cli is the heaviest import
// of the build and its conversion runs PostCSS over the theme, so both stay off the event loop that
// drives the browser and the other targets. Plain ESM: a worker loads it as it is, inside vitest too.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';

/** Marp Core with Marpit's slide splitting made linear; a file, for marp-cli imports its engine itself. */
const ENGINE = fileURLToPath(new URL('./marp-cli-engine.mjs', import.meta.url));

// Loaded as the worker starts, while the deck is still being fitted.
const loading = import('@marp-team/marp-cli');
loading.catch(() => undefined);

parentPort.on('message', async ({ id, markdown, themeName, themeCss, options }) => {
  try {
    parentPort.postMessage({ id, html: await convert(markdown, themeName, themeCss, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

async function convert(markdown, themeName, themeCss, options) {
  const { marpCli } = await loading;
  const dir = await mkdtemp(join(tmpdir(), 'triptyque-deck-'));
  try {
    const input = join(dir, 'deck.md');
    const css = join(dir, `${themeName}.css`);
    const output = join(dir, 'deck.html');
    const config = join(dir, 'marp.config.json');
    await writeFile(input, markdown);
    await writeFile(css, themeCss);
    await writeFile(config, JSON.stringify({ options }));
    const { code, log } = await quietly(() =>
      marpCli([input, '--no-stdin', '--config-file', config, '--engine', ENGINE, '--theme-set', css, '--template', 'bespoke', '--bespoke.progress', '-o', output]),
    );
    if (code !== 0) throw new Error(`marp-cli could not write deck.html (exit code ${code}): ${log.join(' ').slice(0, 500)}`);
    return await readFile(output, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** marp-cli reports progress on the console; only the CLI prints in Triptyque, so it is kept for errors. */
async function quietly(work) {
  const log = [];
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const keep = (...args) => void log.push(args.map(String).join(' '));
  Object.assign(console, { log: keep, warn: keep, error: keep, info: keep });
  try {
    return { code: await work(), log };
  } finally {
    Object.assign(console, saved);
  }
}
