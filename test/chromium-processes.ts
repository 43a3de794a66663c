import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer, { type Browser } from 'puppeteer-core';
import { vi } from 'vitest';

interface LiveProcess {
  pid: number;
  pgid: number;
  args: string;
}

/** Every process still running (zombies, already dead and waiting to be reaped, are left out). */
function liveProcesses(): LiveProcess[] {
  const table = execFileSync('ps', ['-ww', '-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return table.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match || match[3]!.startsWith('Z')) return [];
    return [{ pid: Number(match[1]), pgid: Number(match[2]), args: match[4]! }];
  });
}

/**
 * Chromium processes of ours still alive after `settleMs`: those in the process group of a
 * browser we launched (Chromium leads its group; renderers and zygotes stay in it even when
 * orphaned) or naming one of `marks` (a profile folder of ours) in their arguments.
 */
export async function chromiumLeftBehind(options: { groups?: readonly number[]; marks?: readonly string[]; settleMs?: number }): Promise<string[]> {
  const deadline = Date.now() + (options.settleMs ?? 5_000);
  for (;;) {
    const ours = liveProcesses().filter(
      (proc) => proc.pid !== process.pid && (options.groups?.includes(proc.pgid) || options.marks?.some((mark) => proc.args.includes(mark))),
    );
    if (ours.length === 0 || Date.now() > deadline) return ours.map((proc) => `${proc.pid} ${proc.args.slice(0, 120)}`);
    await sleep(200);
  }
}

/** Records every Chromium that puppeteer launches in this process, to find its processes later. */
export function trackLaunches() {
  const launched: Browser[] = [];
  const original = puppeteer.launch.bind(puppeteer);
  const spy = vi.spyOn(puppeteer, 'launch').mockImplementation(async (options) => {
    const browser = await original(options);
    launched.push(browser);
    return browser;
  });
  return {
    launched,
    /** Process groups of the browsers launched so far. */
    groups: () => launched.flatMap((browser) => (browser.process()?.pid ? [browser.process()!.pid!] : [])),
    restore: () => spy.mockRestore(),
  };
}
