import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findBrowser } from '../scripts/browser/find-browser';
import { PACKAGE_ROOT } from '../scripts/paths';
import { loadDeckTheme } from '../scripts/targets/deck/deck-theme';
import { loadTheme } from '../scripts/theme/load-theme';
import { measureProcess, type ProcessRun } from './measure-process';

/** One peer job: the command a user would type to get one artifact from Triptyque's intermediate file. */
export interface PeerJob {
  name: string;
  /** The Triptyque artifact it starts from (deck.md, brochure.html). */
  input: string;
  args: (input: string, outDir: string) => string[];
  env?: NodeJS.ProcessEnv;
}

const MARP = join(PACKAGE_ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const PAGEDJS = join(PACKAGE_ROOT, 'node_modules', 'pagedjs-cli', 'src', 'cli.js');
/** Chromium as root, offline: the same flags Triptyque's BrowserService uses. */
const CHROMIUM_ARGS = '--no-sandbox,--disable-gpu,--no-first-run,--disable-background-networking,--disable-component-update,--disable-sync';

/**
 * marp-cli for deck.html, deck.pdf and deck.pptx (one invocation per format, each starting its own
 * browser for PDF/PPTX, as a user would) and pagedjs-cli for the brochure PDF from brochure.html.
 */
export async function peerJobs(workDir: string): Promise<PeerJob[]> {
  const browser = (await findBrowser()).executablePath;
  // The deck's own Marp theme (CSS, tokens, embedded fonts), so marp-cli lays out the same slides.
  const theme = await loadDeckTheme(loadTheme('arifor'));
  const themeCss = join(workDir, `${theme.name}.css`);
  await writeFile(themeCss, theme.css);
  const marp = (flag: string | undefined, extension: string) => (input: string, outDir: string) => [
    MARP,
    input,
    '--no-stdin',
    '--no-config-file',
    '--theme-set',
    themeCss,
    '--allow-local-files',
    '--browser-path',
    browser,
    ...(flag ? [flag] : []),
    '-o',
    join(outDir, `peer-deck.${extension}`),
  ];
  return [
    { name: 'marp html', input: 'deck.md', args: marp(undefined, 'html') },
    { name: 'marp pdf', input: 'deck.md', args: marp('--pdf', 'pdf') },
    { name: 'marp pptx', input: 'deck.md', args: marp('--pptx', 'pptx') },
    {
      name: 'pagedjs pdf',
      input: 'brochure.html',
      // pagedjs-cli 0.4.3 drives puppeteer 20, which finds the browser through this variable.
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser },
      args: (input, outDir) => [PAGEDJS, input, '-o', join(outDir, 'peer-brochure.pdf'), '--browserArgs', CHROMIUM_ARGS],
    },
  ];
}

export type PeerRun = ProcessRun | { missing: string };

/** Runs one peer job on a build's output folder; `missing` when the build did not produce its input. */
export async function runPeer(job: PeerJob, artifactsDir: string, outDir: string, timeoutMs: number): Promise<PeerRun> {
  const input = join(artifactsDir, job.input);
  if (!existsSync(input)) return { missing: job.input };
  return measureProcess(process.execPath, job.args(input, outDir), { cwd: PACKAGE_ROOT, env: job.env, timeoutMs });
}
