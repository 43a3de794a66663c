import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports RSS in pages; every machine this bench runs on uses 4 KiB pages. */
const PAGE_BYTES = 4096;

export interface TreeMemory {
  /** Sum of RSS: what the brief asks for; counts the pages processes share (Chromium's binary) once per process. */
  rssBytes: number;
  /** Sum of RSS minus file-backed and shared pages: private memory only, a lower bound of the real footprint. */
  privateBytes: number;
}

function parentOf(pid: string): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may hold spaces: fields are counted after the last ')'.
    return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // the process ended between readdir and read
  }
}

/** `rootPid` and all its descendants (Chromium's zygote and renderers too), from a scan of /proc. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory of these processes, from statm: "resident", and "resident" minus "shared" (file-backed + shmem). */
export function memoryOf(pids: readonly number[]): TreeMemory {
  const memory: TreeMemory = { rssBytes: 0, privateBytes: 0 };
  for (const pid of pids) {
    try {
      const [, resident = 0, shared = 0] = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ').map(Number);
      memory.rssBytes += resident * PAGE_BYTES;
      memory.privateBytes += (resident - shared) * PAGE_BYTES;
    } catch {
      // the process has ended
    }
  }
  return memory;
}

/**
 * Samples a process tree's memory every ~50 ms and keeps the peak. Scanning all of /proc costs
 * milliseconds on a busy machine, so the tree is re-scanned every 10th sample only; in between,
 * only its known members are read.
 */
export class PeakMemorySampler {
  private timer?: NodeJS.Timeout;
  private members: number[] = [];
  private samples = 0;
  readonly peak: TreeMemory = { rssBytes: 0, privateBytes: 0 };

  constructor(private readonly rootPid: number, private readonly intervalMs = 50) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  stop(): TreeMemory {
    clearInterval(this.timer);
    return this.peak;
  }

  private sample(): void {
    if (this.samples++ % 10 === 0) this.members = processTree(this.rootPid);
    const now = memoryOf(this.members);
    this.peak.rssBytes = Math.max(this.peak.rssBytes, now.rssBytes);
    this.peak.privateBytes = Math.max(this.peak.privateBytes, now.privateBytes);
  }
}

export interface ProcessRun {
  ms: number;
  peak: TreeMemory;
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  /** The last few KB of stderr, to say why a run failed. */
  stderrTail: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** Runs a command to its end, timing it from spawn to exit and sampling its process tree's memory. */
export function measureProcess(command: string, args: readonly string[], options: MeasureOptions): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so a timeout can end the command and the browser it started together.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const sampler = new PeakMemorySampler(child.pid!).start();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      sampler.stop();
      reject(error);
    });
    let exit: { ms: number; peak: TreeMemory; exitCode: number | null } | undefined;
    child.on('exit', (exitCode) => {
      exit = { ms: performance.now() - started, peak: sampler.stop(), exitCode };
      clearTimeout(timer);
      // Anything the command left behind in its group (an orphaned browser) goes with it.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    });
    // Resolved once the pipes are drained, so stdout is complete; timed at exit.
    child.on('close', () => resolve({ ...exit!, timedOut, stdout, stderrTail: stderr }));
  });
}
