import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import type { CommandIo, CommandRun } from './commands/command';
import { isTriptyqueError } from './errors';
import { TOOL_VERSION } from './artifacts/tool-version';
import { releaseHeldLocksSync } from './locks/lock-file';
import { operations } from './messages/operations';

interface CommandEntry {
  summary: string;
  load: () => Promise<{ run: CommandRun; help: string }>;
}

/** Command name -> runner, imported only when used. */
const COMMANDS: Record<string, CommandEntry> = {
  init: {
    summary: 'start a project: a commented configuration, a first source, themes/ and .gitignore',
    load: async () => {
      const m = await import('./commands/init');
      return { run: m.runInit, help: m.initHelp };
    },
  },
  build: {
    summary: 'build the deck, brochure and digest of each source into output/',
    load: async () => {
      const m = await import('./commands/build');
      return { run: m.runBuild, help: m.buildHelp };
    },
  },
  check: {
    summary: 'parse and lint sources without building; --fix repairs what is safe',
    load: async () => {
      const m = await import('./commands/check');
      return { run: m.runCheck, help: m.checkHelp };
    },
  },
  import: {
    summary: 'turn a Word document (.docx) or a saved web page (.html) into a source',
    load: async () => {
      const m = await import('./commands/import');
      return { run: m.runImport, help: m.importHelp };
    },
  },
  preview: {
    summary: 'build, then rebuild on every save and show the three publications in a browser',
    load: async () => {
      const m = await import('./commands/preview');
      return { run: m.runPreview, help: m.previewHelp };
    },
  },
  theme: {
    summary: 'create a theme: `theme new NAME [--from _brand.yml]`',
    load: async () => {
      const m = await import('./commands/theme');
      return { run: m.runTheme, help: m.themeHelp };
    },
  },
  send: {
    summary: 'send the digest over SMTP (SMTP_URL), resumable; --test for a proof, --dry-run writes .eml files',
    load: async () => {
      const m = await import('./commands/send');
      return { run: m.runSend, help: m.sendHelp };
    },
  },
  'export-campaign': {
    summary: 'write the digest as a listmonk campaign (JSON), or create it as a draft with --listmonk URL',
    load: async () => {
      const m = await import('./commands/export-campaign');
      return { run: m.runExportCampaign, help: m.exportCampaignHelp };
    },
  },
};

const HELP = `triptyque ${TOOL_VERSION}: one Markdown source, three publications (deck, brochure, digest).

Usage: triptyque <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, entry]) => `  ${name.padEnd(17)}${entry.summary}`)
  .join('\n')}

Options for every command:
  --config FILE    the configuration (default: triptyque.config.yaml, .yml or .json in the
                   current folder or the nearest parent that has one)

Run \`triptyque <command> --help\` for a command's options.`;

/** The only place that prints to the terminal and turns outcomes into exit codes. */
export async function main(argv: string[], env: { cwd: string; signal: AbortSignal } = { cwd: process.cwd(), signal: new AbortController().signal }): Promise<number> {
  const { argv: rest0, config } = takeConfigOption(argv);
  const io: CommandIo = {
    cwd: env.cwd,
    config,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    report: (files: VFile[]) => {
      const withMessages = files.filter((file) => file.messages.length > 0);
      if (withMessages.length > 0) process.stderr.write(`${reporter(withMessages, { color: useColor(process.stderr) })}\n`);
    },
    isTTY: process.stderr.isTTY === true,
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {}),
    signal: env.signal,
  };
  const [name, ...rest] = rest0;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(TOOL_VERSION);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`triptyque: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. See \`triptyque --help\`.`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, name, io);
  }
}

/**
 * For a process told to stop that has not ended in its grace time, or told twice: its locks are
 * removed and it exits at once (130); Chromium is killed by puppeteer's exit handler.
 */
export function stopAtOnce(): never {
  releaseHeldLocksSync();
  process.stderr.write(`${operations.stoppedAtOnce}\n`);
  process.exit(130);
}

async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

function reportFailure(error: unknown, command: string, io: CommandIo): number {
  if (isTriptyqueError(error)) {
    io.err(`triptyque ${command}: ${error.message}`);
    return error.code === 'USAGE' || error.code === 'BUSY' ? 2 : 1;
  }
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`triptyque ${command}: ${(error as Error).message}. See \`triptyque ${command} --help\`.`);
    return 2;
  }
  if ((error as Error).name === 'AbortError') {
    io.err(`triptyque ${command}: interrupted; earlier artifacts are left as they were.`);
    return 130;
  }
  io.err(`triptyque ${command}: internal error: ${(error as Error).message ?? String(error)}`);
  if (process.env['TRIPTYQUE_DEBUG']) io.err((error as Error).stack ?? '');
  else io.err('This is a bug in triptyque; run again with TRIPTYQUE_DEBUG=1 to see where.');
  return 1;
}


/** `--config FILE` (or `--config=FILE`) anywhere on the line: it belongs to every command, so it is taken out before a command parses the rest. */
function takeConfigOption(argv: string[]): { argv: string[]; config?: string } {
  const rest: string[] = [];
  let config: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') {
      rest.push(...argv.slice(index));
      break;
    }
    if (arg === '--config' && index + 1 < argv.length) config = argv[(index += 1)];
    else if (arg.startsWith('--config=')) config = arg.slice('--config='.length);
    else rest.push(arg);
  }
  return { argv: rest, config };
}

/**
 * Colours only for a person at a terminal: NO_COLOR (https://no-color.org) turns them off,
 * FORCE_COLOR (other than 0 or false) on, whatever the output is.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}
