import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../commands/command';
import { runSend } from '../commands/send';
import { loadConfig } from '../config/load';
import { settingsSchema } from '../config/schema';
import { loadSource } from '../source/load-source';
import { encodedHtmlBytes, greetingFor, MAX_GREETING_NAME } from '../targets/digest/digest-eml';
import { dkimSigner } from '../targets/digest/dkim';
import { REAL_SOURCE, writeSource } from '../targets/digest/test-context';
import { startSmtp } from './test-smtp-server';

const SLUG = '2010-05-27-travailler-en-reseau';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const DKIM_RECORD = `v=DKIM1; k=rsa; p=${publicKey.replace(/-----[^-]+-----|\s/g, '')}`;
/** The test's own DNS: only the selector's TXT record exists. */
const resolver = async (name: string, type: string) => {
  if (type === 'TXT' && name === 'essai._domainkey.arifor.example') return [[DKIM_RECORD]];
  throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
};

function captureIo(cwd: string, answer?: string): CommandIo & { lines: string[]; asked: string[] } {
  const lines: string[] = [];
  const asked: string[] = [];
  return {
    cwd,
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    report: () => undefined,
    isTTY: answer !== undefined,
    ...(answer !== undefined ? { ask: async (question: string) => (asked.push(question), answer) } : {}),
    signal: new AbortController().signal,
    lines,
    asked,
  };
}

/** The text of the HTML part's greeting line, as written in the HTML. */
const greetingOf = (html: string) => /<p class="greeting"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];

const CONFIG = `digest:\n  from: GIP ARIFOR <contact@arifor.example>\n  listId: <synthese.arifor.example>\n  unsubscribeUrl: https://arifor.example/desinscription?email={email}\n  throttleMs: 0\n  dkim: { domain: arifor.example, selector: essai }\n`;

describe('send: what a mailbox provider checks', () => {
  let root: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'triptyque-trust-'));
    await writeFile(join(root, 'triptyque.config.yaml'), CONFIG);
    process.env['DKIM_PRIVATE_KEY'] = privateKey;
  });
  afterEach(async () => {
    await smtp?.close();
    delete process.env['SMTP_URL'];
  });
  afterAll(() => {
    delete process.env['DKIM_PRIVATE_KEY'];
  });

  async function send(args: string[], answer?: string, source = REAL_SOURCE) {
    smtp = await startSmtp();
    process.env['SMTP_URL'] = smtp.url;
    const io = captureIo(root, answer);
    const code = await runSend([source, ...args], io).catch((error: Error) => error);
    return { code, io };
  }

  it('signs each message with DKIM that verifies, covering both unsubscribe headers, from the configured envelope sender', async () => {
    const { code, io } = await send(['--to', 'alice@example.org', '--yes']);
    expect(code).toBe(0);
    expect(io.lines[0]).toBe(
      'Pre-flight (sending, digest built from the current source): from arifor.example, DKIM on (d=arifor.example, s=essai), unsubscribe URL set, 1 recipient, about 0 s at 0 ms between messages',
    );
    const [message] = smtp.received;
    expect(message!.mailFrom).toBe('contact@arifor.example');
    const verified = await dkimVerify(message!.raw, { resolver });
    const result = verified.results[0]!;
    expect(result.status.result).toBe('pass');
    expect(result.signingDomain).toBe('arifor.example');
    const signed = (result as unknown as { signingHeaders: { keys: string } }).signingHeaders.keys.toLowerCase().split(': ');
    expect(signed).toEqual(expect.arrayContaining(['from', 'subject', 'date', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']));
    // The headers as received, for the record of what went out.
    const raw = message!.raw.toString('utf8');
    await writeFile(join(tmpdir(), 'triptyque-send-received-headers.txt'), `${io.lines[0]}\n\n${raw.slice(0, raw.indexOf('\r\n\r\n'))}\n`);
    // A tampered unsubscribe header no longer verifies: the signature really covers it.
    const tampered = Buffer.from(raw.replace('List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: List-Unsubscribe=Two-Clicks'));
    expect((await dkimVerify(tampered, { resolver })).results[0]!.status.result).toBe('fail');
  });

  it('signs the --dry-run files and the built digest.eml with the same key', async () => {
    const io = captureIo(root);
    expect(await runSend([REAL_SOURCE, '--to', 'essai@example.org', '--dry-run'], io)).toBe(0);
    for (const file of [join(root, 'output', SLUG, 'outbox', '1-essai@example.org.eml'), join(root, 'output', SLUG, 'digest.eml')]) {
      const verified = await dkimVerify(await readFile(file), { resolver });
      expect(verified.results[0]!.status.result).toBe('pass');
    }
  });

  it('asks before a send on a terminal and sends nothing on "no"; refuses without a terminal unless --yes', async () => {
    const declined = await send(['--to', 'bob@example.org'], 'n');
    expect(declined.code).toBe(2);
    expect(declined.io.asked).toEqual(['Send to 1 recipient now? [y/N] ']);
    expect(smtp.received).toHaveLength(0);
    await smtp.close();
    const script = await send(['--to', 'bob@example.org']);
    expect((script.code as Error).message).toMatch(/^not on a terminal, so nobody can confirm: add --yes to send to 1 recipient; nothing was sent$/);
    expect(smtp.received).toHaveLength(0);
    await smtp.close();
    const accepted = await send(['--to', 'bob@example.org'], 'oui');
    expect(accepted.code).toBe(0);
    expect(smtp.received.map((m) => m.rcptTo)).toEqual([['bob@example.org']]);
  });

  it('sends one proof copy marked [TEST] that the send log does not count', async () => {
    // A campaign under way: its send log exists, so what the proof copy leaves out of it is seen.
    expect((await send(['--to', 'campagne@example.org', '--yes'])).code).toBe(0);
    await smtp.close();
    const logPath = join(root, 'output', SLUG, 'send-log.jsonl');
    const before = await readFile(logPath, 'utf8');
    expect(before).toContain('campagne@example.org');
    const { code, io } = await send(['--test', 'relecture@example.org']);
    expect(code).toBe(0);
    expect(io.lines[0]).toMatch(/^Pre-flight \(proof copy\): from arifor\.example, DKIM on/);
    const mail = await simpleParser(smtp.received[0]!.raw);
    expect(mail.subject).toMatch(/^\[TEST\] Synthèse de la journée/u);
    expect(await readFile(logPath, 'utf8')).toBe(before);
  });

  it('sends only to the valid addresses of a list with injection attempts, bad addresses, repeats and unsubscribed people', async () => {
    const list = join(root, 'liste.csv');
    await writeFile(
      list,
      [
        'email;name;unsubscribed',
        'claire@example.org;Claire Dupont;',
        '"mallory@example.org\r\nBcc: everyone@example.net";Mallory;',
        'pas-une-adresse;Personne;',
        'eve@example.org;"Eve\nBcc: x@example.net";',
        'CLAIRE@example.org;Claire encore;',
        'parti@example.org;Parti;oui',
        'david@example.org;;',
        '',
      ].join('\n'),
    );
    const { code, io } = await send(['--list', list, '--yes']);
    expect(code).toBe(0);
    expect(io.lines.filter((line) => line.includes('skipped'))).toEqual([
      `${list}:3: skipped, "mallory@example.org\\r\\nBcc: everyone@example.net": a line break or control character (a header-injection attempt)`,
      `${list}:5: skipped, "pas-une-adresse": not an email address`,
      `${list}:6: skipped, "eve@example.org": a line break or control character (a header-injection attempt)`,
      `${list}:8: skipped, "CLAIRE@example.org": already listed at ${list}:2`,
      `${list}:9: skipped, "parti@example.org" unsubscribed`,
    ]);
    expect(smtp.received.map((m) => m.rcptTo)).toEqual([['claire@example.org'], ['david@example.org']]);
    const first = await simpleParser(smtp.received[0]!.raw);
    expect(first.headers.get('to')).toMatchObject({ value: [{ name: 'Claire Dupont', address: 'claire@example.org' }] });
    expect(first.headers.has('bcc')).toBe(false);
  });

  it('greets each recipient of a list by name, escaped in the HTML, in the text part, signed as sent', async () => {
    const list = join(root, 'noms.csv');
    await writeFile(list, ['email,name', 'marie@example.org,Marie', 'zoe@example.org,"Zoé & <Léa> $& O’Brien"', 'anonyme@example.org,', ''].join('\n'));
    const { code } = await send(['--list', list, '--yes']);
    expect(code).toBe(0);
    const mails = await Promise.all(smtp.received.map((message) => simpleParser(message.raw)));
    expect(mails.map((mail) => greetingOf(mail.html as string))).toEqual(['Bonjour Marie,', 'Bonjour Zoé &amp; &lt;Léa&gt; $&amp; O’Brien,', 'Bonjour,']);
    expect(mails.map((mail) => /^Bonjour.*$/m.exec(mail.text!)?.[0])).toEqual(['Bonjour Marie,', 'Bonjour Zoé & <Léa> $& O’Brien,', 'Bonjour,']);
    // Said once, where the edition greets everyone.
    for (const mail of mails) expect(mail.text!.match(/^Bonjour/gm)).toHaveLength(1);
    // The text part travels encoded: the name's accents are quoted-printable UTF-8, not raw bytes.
    expect(smtp.received[1]!.raw.toString('latin1').replace(/=\r\n/g, '')).toContain('Bonjour Zo=C3=A9 & <L=C3=A9a> $& O=E2=80=99Brien,');
    for (const [index, message] of smtp.received.entries()) {
      expect((await dkimVerify(message.raw, { resolver })).results[0]!.status.result).toBe('pass');
      expect(mails[index]!.headers.get('list')).toMatchObject({ unsubscribe: { url: `https://arifor.example/desinscription?email=${encodeURIComponent(message.rcptTo[0]!)}` } });
    }
  });

  it('sends the edition of the source as it is now, never the one built before an edit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'triptyque-stale-'));
    const source = join(dir, `${SLUG}.md`);
    await copyFile(REAL_SOURCE, source);
    const before = await send(['--to', 'fanny@example.org', '--yes'], undefined, source);
    expect(before.code).toBe(0);
    await smtp.close();
    const text = await readFile(source, 'utf8');
    await writeFile(source, text.replace(/^title: .*$/m, 'title: Édition corrigée'));
    const after = await send(['--to', 'gaston@example.org', '--yes'], undefined, source);
    expect(after.code).toBe(0);
    expect(after.io.lines[0]).toMatch(/^Pre-flight \(sending, digest built from the current source\)/);
    const mail = await simpleParser(smtp.received[0]!.raw);
    expect(mail.subject).toMatch(/Édition corrigée/u);
    expect(mail.text).toContain('ÉDITION CORRIGÉE');
  });
});

describe('the DKIM key', () => {
  const digest = (privateKeyFile: string) => settingsSchema.parse({ digest: { from: 'GIP ARIFOR <contact@arifor.example>', dkim: { domain: 'arifor.example', selector: 'essai', privateKeyFile } } }).digest;

  it('is read from a file outside the project, and refused inside it, where it could be committed', async () => {
    const project = await mkdtemp(join(tmpdir(), 'triptyque-project-'));
    const keys = await mkdtemp(join(tmpdir(), 'triptyque-keys-'));
    await writeFile(join(project, 'dkim.pem'), privateKey);
    await writeFile(join(keys, 'dkim.pem'), privateKey);
    expect(() => dkimSigner(digest(join(project, 'dkim.pem')), {}, project)).toThrow(/is inside the project folder, where it could be committed/);
    expect(dkimSigner(digest(join(keys, 'dkim.pem')), {}, project)).toMatchObject({ domain: 'arifor.example', selector: 'essai' });
    // DKIM_PRIVATE_KEY in the environment comes first.
    expect(dkimSigner(digest(join(project, 'dkim.pem')), { DKIM_PRIVATE_KEY: privateKey }, project)?.options).toMatchObject({ privateKey: privateKey.trim() });
  });
});

describe('greeting and the size budget', () => {
  it('keeps a message greeting the longest name within the budget the build fitted the digest to', async () => {
    const root = await mkdtemp(join(tmpdir(), 'triptyque-greeting-'));
    // A budget that makes the build cut the seed's digest close to it.
    await writeFile(join(root, 'triptyque.config.yaml'), 'digest:\n  from: GIP ARIFOR <contact@arifor.example>\n  throttleMs: 0\n  budgetKB: 20\n');
    const list = join(root, 'liste.csv');
    // Four bytes per character, twelve once quoted-printable: the most a name of this length can weigh.
    await writeFile(list, `email,name\nlong@example.org,${'😀'.repeat(MAX_GREETING_NAME)}\n`);
    expect(await runSend([REAL_SOURCE, '--list', list, '--dry-run'], captureIo(root))).toBe(0);
    const report = JSON.parse(await readFile(join(root, 'output', SLUG, 'report.json'), 'utf8'));
    const counts = report.targets.digest.counts as Record<string, number>;
    expect(counts['budgetBytes']).toBe(20 * 1024);
    const sent = encodedHtmlBytes(await readFile(join(root, 'output', SLUG, 'outbox', '1-long@example.org.eml')));
    expect(sent).toBeLessThanOrEqual(counts['budgetBytes']!);
    // The room kept for the greeting is what this name takes, not a guess far off either way.
    expect(sent - counts['encodedHtmlBytes']!).toBeLessThanOrEqual(counts['greetingReserveBytes']!);
    expect(sent - counts['encodedHtmlBytes']!).toBeGreaterThan(counts['greetingReserveBytes']! - 100);
  });

  it('greets by name in English, and everyone else as a reader', () => {
    expect(greetingFor('en', { email: 'a@example.org', name: ' Mary   Smith ' })).toBe('Dear Mary Smith,');
    expect(greetingFor('en-GB', { email: 'a@example.org' })).toBe('Dear reader,');
    expect(greetingFor('fr', { email: 'a@example.org', name: 'x'.repeat(MAX_GREETING_NAME + 1) })).toBe('Bonjour,');
  });
});

describe('sender settings come from the configuration', () => {
  const base = settingsSchema.parse({ digest: { from: 'GIP ARIFOR <contact@arifor.example>' } });
  const source = (front: string) => writeSource(`---\ntitle: Essai\ndate: 2024-03-01\n${front}---\n\n# Partie\n\nTexte.\n`);

  it('refuses a javascript: link in front matter or configuration at its key', async () => {
    const { file, publication } = await loadSource(await source('brochureUrl: "javascript:alert(1)"\n'), { ...base, allowSourceOverrides: ['brochureUrl'] });
    expect(publication).toBeUndefined();
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(['4:14 `brochureUrl`: only https:, http: or mailto: URLs are allowed here']);
    const unsubscribe = await loadSource(await source('digest:\n  unsubscribeUrl: javascript:alert(document.cookie)\n'), { ...base, allowSourceOverrides: ['digest.unsubscribeUrl'] });
    expect(unsubscribe.publication).toBeUndefined();
    expect(unsubscribe.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['5:19 front-matter-invalid']);
    const root = await mkdtemp(join(tmpdir(), 'triptyque-config-'));
    await writeFile(join(root, 'triptyque.config.yaml'), 'digest:\n  unsubscribeUrl: "javascript:void(0)"\n');
    expect(loadConfig(root).file.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(['2:19 `digest.unsubscribeUrl`: only https:, http: or mailto: URLs are allowed here']);
  });

  it('refuses a front-matter sender unless allowSourceOverrides lists it', async () => {
    const path = await source('digest:\n  from: Pirate <boss@evil.example>\n');
    const refused = await loadSource(path, base);
    expect(refused.publication).toBeUndefined();
    expect(refused.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['5:9 front-matter-sender']);
    expect(refused.file.messages[0]!.message).toMatch(/^`digest.from` is set by the project configuration only/);
    const allowed = await loadSource(path, { ...base, allowSourceOverrides: ['digest.from'] });
    expect(allowed.settings?.digest.from).toBe('Pirate <boss@evil.example>');
  });
});
