import { open, readFile, type FileHandle } from 'node:fs/promises';

/**
 * `sending` is written before a message is handed over and one outcome after: `sent`; `bounced`
 * (refused for good, 5xx: not sent again); `failed` (refused for now or cut off before the
 * message went: sent on the next run); `uncertain` (the connection was lost once the message was
 * on its way: maybe delivered, so sent again only when asked).
 */
export type SendStatus = 'sending' | 'sent' | 'bounced' | 'failed' | 'uncertain';

/** One line of `send-log.jsonl`. */
export interface SendLogEntry {
  campaign: string;
  /** Lower-cased address. */
  email: string;
  status: SendStatus;
  at: string;
  messageId?: string;
  error?: string;
}

/**
 * The last status of each recipient of one campaign. `sending` without an outcome means the run
 * died while the server had the message: it may or may not have gone out.
 */
export async function readSendLog(path: string, campaign: string): Promise<Map<string, SendStatus>> {
  const state = new Map<string, SendStatus>();
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
    throw error;
  }
  for (const line of content.split('\n')) {
    // A line cut short by a crash is skipped: the entry before it still tells the state.
    const entry = parseLine(line);
    if (entry?.campaign === campaign) state.set(entry.email, entry.status);
  }
  return state;
}

function parseLine(line: string): SendLogEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    return JSON.parse(line) as SendLogEntry;
  } catch {
    return undefined;
  }
}

/** Append-only log; every entry is on disk (fsync) before the next step, so a crash loses nothing written. */
export class SendLog {
  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<SendLog> {
    const handle = await open(path, 'a+');
    // After a crash mid-line, start on a fresh line so the next entry is not glued to the broken one.
    const { size } = await handle.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await handle.write('\n');
    }
    return new SendLog(handle);
  }

  async append(entry: Omit<SendLogEntry, 'at'>): Promise<void> {
    await this.handle.write(`${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`);
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
