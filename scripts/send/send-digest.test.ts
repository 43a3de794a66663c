import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../commands/command';
import { runSend } from '../commands/send';
import { build } from '../core/build';
import { REAL_SOURCE } from '../targets/digest/test-context';
import { startSmtp, type Received } from './test-smtp-server';

const SLUG = '2010-05-27-travailler-en-reseau';
const UNSUBSCRIBE = 'https://arifor.example/desinscription?email={email}';

function captureIo(cwd: string): CommandIo & { lines: string[] } {
  const lines: string[] = [];
  return { cwd, out: (line) => lines.push(line), err: (line) => lines.push(line), report: () => undefined, isTTY: false, signal: new AbortController().signal, lines };
}

/** The one recipient a message was sent to, as the server took it. */
const to = (message: Received) => message.rcptTo[0];

describe('triptyque send', () => {
  let root: string;
  let servers: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'triptyque-send-'));
    await writeFile(
      join(root, 'triptyque.config.yaml'),
      `digest:\n  from: GIP ARIFOR <contact@arifor.example>\n  listId: <synthese.arifor.example>\n  unsubscribeUrl: ${UNSUBSCRIBE}\n  throttleMs: 0\n`,
    );
    const result = await build({ sources: [REAL_SOURCE], root, outDir: join(root, 'output'), only: ['digest'] });
    expect(result.ok).toBe(true);
  });

  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
    delete process.env['SMTP_URL'];
  });

  /** Each test sends to its own output copy so send logs do not mix. */
  async function send(args: string[], smtpUrl?: string) {
    if (smtpUrl) process.env['SMTP_URL'] = smtpUrl;
    const io = captureIo(root);
    const code = await runSend([REAL_SOURCE, '--yes', ...args], io);
    return { code, lines: io.lines };
  }

  it('delivers one message per recipient with the List headers, both parts and the French text intact', async () => {
    const server = await startSmtp();
    servers.push(server);
    const { code, lines } = await send(['--to', 'alice@example.org', '--to', 'Bob@Example.org', '--to', 'bob@example.org'], server.url);
    expect(code).toBe(0);
    expect(lines).toContain('1/2 sent to alice@example.org');
    expect(server.received.map(to)).toEqual(['alice@example.org', 'Bob@example.org']);
    const mail = await simpleParser(server.received[0]!.raw);
    expect(mail.from?.value).toEqual([{ name: 'GIP ARIFOR', address: 'contact@arifor.example' }]);
    expect(mail.subject).toMatch(/^Synthèse de la journée du 27.mai 2010 – Rencontre annuelle du GIP ARIFOR$/u);
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://arifor.example/desinscription?email=alice%40example.org>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const built = await readFile(join(root, 'output', SLUG, 'digest.txt'), 'utf8');
    expect(mail.text).toBe(built.replace('email={email}', 'email=alice%40example.org'));
    expect(mail.text).toMatch(/l’insertion par l’activité/u);
    expect(mail.html).toMatch(/href="https:\/\/arifor\.example\/desinscription\?email=alice%40example\.org"[^>]*>Se désinscrire<\/a>/u);
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
  });

  it('resumes after the server went down mid-list: nobody twice, nobody lost', async () => {
    const list = join(root, 'liste.csv');
    const people = ['un', 'deux', 'trois', 'quatre', 'cinq'].map((name) => `${name}@example.org`);
    await writeFile(list, `name;email\n${people.map((email) => `${email.split('@')[0]};${email}`).join('\n')}\n`);
    let accepted = 0;
    const failing = await startSmtp(() => ++accepted > 2);
    servers.push(failing);
    const first = await send(['--list', list], failing.url);
    expect(first.code).toBe(1);
    expect(first.lines.join('\n')).toMatch(/Run the same command again to resume/);
    expect(failing.received.map(to)).toEqual(['un@example.org', 'deux@example.org']);

    const healthy = await startSmtp();
    servers.push(healthy);
    const second = await send(['--list', list], healthy.url);
    expect(second.code).toBe(0);
    expect(second.lines.join('\n')).toMatch(/3 sent, 2 already sent by an earlier run of 5/);
    expect(healthy.received.map(to)).toEqual(['trois@example.org', 'quatre@example.org', 'cinq@example.org']);
    expect([...failing.received, ...healthy.received].map(to).sort()).toEqual([...people].sort());

    const third = await send(['--list', list], healthy.url);
    expect(third.code).toBe(0);
    expect(healthy.received).toHaveLength(3);
    const log = (await readFile(join(root, 'output', SLUG, 'send-log.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(log.filter((entry) => entry.status === 'sent').map((entry) => entry.email).sort()).toEqual([...people, 'alice@example.org', 'bob@example.org'].sort());
  });

  it('does not resend to someone a crashed run may have reached, unless asked', async () => {
    const server = await startSmtp();
    servers.push(server);
    const first = await send(['--to', 'crash@example.org'], server.url);
    expect(first.code).toBe(0);
    // A run that died between handing the message over and logging the answer leaves only "sending".
    const logPath = join(root, 'output', SLUG, 'send-log.jsonl');
    const campaign = JSON.parse((await readFile(logPath, 'utf8')).trim().split('\n').at(-1)!).campaign as string;
    await writeFile(logPath, `${JSON.stringify({ campaign, email: 'maybe@example.org', status: 'sending', at: new Date().toISOString() })}\n{"campaign":"${campaign}","ema`, { flag: 'a' });
    const second = await send(['--to', 'maybe@example.org', '--to', 'crash@example.org'], server.url);
    expect(second.code).toBe(1);
    expect(second.lines.join('\n')).toMatch(/maybe@example.org: they may have received it.*--resend-uncertain/s);
    expect(server.received).toHaveLength(1);
    const third = await send(['--to', 'maybe@example.org', '--resend-uncertain'], server.url);
    expect(third.code).toBe(0);
    expect(server.received.map(to)).toEqual(['crash@example.org', 'maybe@example.org']);
  });

  it('writes one .eml per recipient with --dry-run and sends nothing', async () => {
    const { code } = await send(['--to', 'essai@example.org', '--to', 'autre@example.org', '--dry-run']);
    expect(code).toBe(0);
    const outbox = join(root, 'output', SLUG, 'outbox');
    const files = (await readdir(outbox)).sort();
    expect(files).toEqual(['1-essai@example.org.eml', '2-autre@example.org.eml']);
    const mail = await simpleParser(await readFile(join(outbox, files[0]!)));
    expect(mail.headers.get('to')).toMatchObject({ value: [{ address: 'essai@example.org' }] });
    expect(mail.text).toContain('email=essai%40example.org');
  });

  it('says what to do when SMTP_URL is missing or no address is valid', async () => {
    await expect(send(['--to', 'x@example.org'])).rejects.toThrow(/SMTP_URL is not set/);
    const io = captureIo(root);
    await expect(runSend([REAL_SOURCE, '--to', 'pas-une-adresse'], io)).rejects.toThrow(/no valid recipient, nothing sent/);
    expect(io.lines).toContain('--to #1: skipped, "pas-une-adresse": not an email address');
  });
});
