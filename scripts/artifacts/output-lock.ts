import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TriptyqueError } from '../errors';
import { processAlive } from '../process-alive';

/**
 * One build at a time writes a source's output folder: a second one waits its turn rather than
 * interleaving artifacts. A lock left by a process that died is taken over.
 */
export interface LockOptions {
  /** How long to wait for a live holder; then one sentence. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Told once, as soon as a live process is found holding the lock. */
  onWait?: (pid: number) => void;
}

export async function lockOutput(outDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const path = join(outDir, '.build.lock');
  const timeoutMs = options.timeoutMs ?? 2 * 60_000;
  const deadline = Date.now() + timeoutMs;
  let told: number | undefined;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      await rm(path, { force: true });
      continue;
    }
    if (Number.isInteger(holder) && told !== holder) {
      told = holder;
      options.onWait?.(holder);
    }
    if (Date.now() > deadline) throw new TriptyqueError('LOCKED', `${outDir} is still being written by another build (pid ${holder}) after ${Math.round(timeoutMs / 1000)} s of waiting: try again when it ends, or stop that process`);
    options.signal?.throwIfAborted();
    await sleep(100);
  }
}
