import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TriptyqueError } from '../errors';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build at a time writes a source's output folder: a second one waits its turn rather than
 * interleaving artifacts. A lock left by a process that died is taken over.
 */
export async function lockOutput(outDir: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<() => Promise<void>> {
  const path = join(outDir, '.build.lock');
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
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
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new TriptyqueError('LOCKED', `${outDir} is being written by another build (pid ${holder}); try again when it ends`);
    options.signal?.throwIfAborted();
    await sleep(100);
  }
}
