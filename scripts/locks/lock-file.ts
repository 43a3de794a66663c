import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { processAlive } from '../process-alive';

/** Who holds a lock: its process and when it took it. */
export interface LockHolder {
  pid: number;
  /** ISO time the lock was taken; empty for a lock written by an older version (the pid alone). */
  since: string;
}

export type LockAttempt = { acquired: true; release: () => Promise<void> } | { acquired: false; holder: LockHolder };

/** Why a lock left behind was taken over, for a note to the person. */
export interface Takeover {
  path: string;
  why: 'empty' | 'unreadable' | 'dead';
  pid?: number;
}

/**
 * Takes the lock at `path` if nobody holds it. The lock appears with its content in one step
 * (written beside it, then hard-linked into place, which fails if it exists), so a full disk or a
 * crash never leaves an empty lock; one left by something else (empty, unreadable, or naming a
 * process that no longer runs) is taken over at once, and `onTakeover` says so.
 */
export async function tryLock(path: string, onTakeover?: (takeover: Takeover) => void): Promise<LockAttempt> {
  const content = `${process.pid}\n${new Date().toISOString()}\n`;
  for (;;) {
    const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, content, { flag: 'wx' });
      await link(temp, path);
      held.add(path);
      return { acquired: true, release: () => release(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(temp, { force: true });
    }
    const found = await readHolder(path);
    if (found === 'missing') continue;
    if (found === 'empty' || found === 'unreadable' || !processAlive(found.pid)) {
      onTakeover?.(typeof found === 'string' ? { path, why: found } : { path, why: 'dead', pid: found.pid });
      await rm(path, { force: true });
      continue;
    }
    return { acquired: false, holder: found };
  }
}

async function readHolder(path: string): Promise<LockHolder | 'missing' | 'empty' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (text.trim() === '') return 'empty';
  const [pid, since = ''] = text.trim().split('\n');
  return /^\d+$/.test(pid!.trim()) && Number(pid) > 0 ? { pid: Number(pid), since: since.trim() } : 'unreadable';
}

/** The locks this process holds, for a process made to stop at once. */
const held = new Set<string>();

/** Removes every lock this process holds, synchronously: for an exit that cannot wait for the work to unwind. */
export function releaseHeldLocksSync(): void {
  for (const path of held) rmSync(path, { force: true });
  held.clear();
}

/** Removes the lock if it is still this process's: one taken over meanwhile is not another's to lose. */
async function release(path: string): Promise<void> {
  held.delete(path);
  const found = await readHolder(path);
  if (typeof found === 'object' && found.pid !== process.pid) return;
  await rm(path, { force: true });
}
