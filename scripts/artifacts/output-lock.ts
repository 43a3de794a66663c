import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TriptyqueError } from '../errors';
import { tryLock, type Takeover } from '../locks/lock-file';
import { operations } from '../messages/operations';

/**
 * One build at a time writes a source's output folder: a second one waits its turn rather than
 * interleaving artifacts. A lock left empty, unreadable or by a process that died is taken over.
 */
export interface LockOptions {
  /** How long to wait for a live holder; then one sentence. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Told once, as soon as a live process is found holding the lock. */
  onWait?: (pid: number) => void;
  /** Told when a lock left behind is taken over. */
  onTakeover?: (note: string) => void;
}

export async function lockOutput(outDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const path = join(outDir, '.build.lock');
  const timeoutMs = options.timeoutMs ?? 2 * 60_000;
  const deadline = Date.now() + timeoutMs;
  const takeover = ({ path, why, pid }: Takeover) => options.onTakeover?.(operations.lockTakenOver(path, why, pid));
  let told: number | undefined;
  for (;;) {
    const attempt = await tryLock(path, takeover);
    if (attempt.acquired) return attempt.release;
    const { pid } = attempt.holder;
    if (told !== pid) {
      told = pid;
      options.onWait?.(pid);
    }
    if (Date.now() > deadline) throw new TriptyqueError('LOCKED', operations.buildStillLocked(outDir, pid, Math.round(timeoutMs / 1000)));
    options.signal?.throwIfAborted();
    await sleep(100, undefined, { signal: options.signal });
  }
}
