import type { VFile } from 'vfile';

/** What a command may do to the outside world; the CLI provides it, tests can too. */
export interface CommandIo {
  cwd: string;
  /** The configuration named with `--config`; otherwise it is looked for from `cwd` up. */
  config?: string;
  /** A line for the person at the terminal (stdout). */
  out: (line: string) => void;
  /** Progress and notices (stderr). */
  err: (line: string) => void;
  /** Diagnostics, printed once like a compiler's. */
  report: (files: VFile[]) => void;
  isTTY: boolean;
  /** Asks the person at the terminal and returns the answer; absent when nobody can answer (no TTY). */
  ask?: (question: string) => Promise<string>;
  signal: AbortSignal;
}

/** A command takes its own argv and returns the exit code. */
export type CommandRun = (argv: string[], io: CommandIo) => Promise<number>;
