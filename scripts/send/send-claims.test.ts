import { cpSync, mkdtempSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli';
import { PACKAGE_ROOT } from '../paths';
import { REAL_SOURCE } from '../targets/digest/test-context';
import { startSmtp } from './test-smtp-server';

/** The README's promises about `send`, each against a real SMTP server on 127.0.0.1 and the CLI a user runs. */

const CONFIG = (extra = '') => `digest:\n  from: GIP ARIFOR <contact@arifor.example>\n  throttleMs: 0\n${extra}`;

/** A project of its own (configuration, the seed as its source), so send logs and builds do not mix. */
function project(config: string): { root: string; source: string } {
  const root = mkdtempSync(join(tmpdir(), 'triptyque-send-claims-'));
  writeFileSync(join(root, 'triptyque.config.yaml'), config);
  const source = join(root, 'synthese.md');
  cpSync(REAL_SOURCE, source);
  return { root, source };
}

describe('send keeps its promises', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });
  const send = async (root: string, args: string[], env: Record<string, string> = {}) => {
    smtp ??= await startSmtp();
    return runCli(['send', ...args], root, { SMTP_URL: smtp.url, DKIM_PRIVATE_KEY: '', ...env });
  };

  it('with digest.dkim set and no key found, send refuses and nothing leaves', async () => {
    const { root, source } = project(CONFIG('  dkim: { domain: arifor.example, selector: essai, privateKeyFile: /nonexistent/dkim.pem }\n'));
    const run = await send(root, [source, '--to', 'alice@example.org', '--yes']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('triptyque send: digest.dkim is configured but no key was found: set DKIM_PRIVATE_KEY to the PEM key or put it at /nonexistent/dkim.pem');
    expect(smtp!.received).toEqual([]);
  });

  it('without a terminal, a send refuses with exit 2 unless --yes is given', async () => {
    const { root, source } = project(CONFIG());
    const refused = await send(root, [source, '--to', 'alice@example.org']);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('not on a terminal, so nobody can confirm: add --yes to send to 1 recipient; nothing was sent');
    expect(smtp!.received).toEqual([]);
    const confirmed = await send(root, [source, '--to', 'alice@example.org', '--yes']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(smtp!.received.map((message) => message.rcptTo)).toEqual([['alice@example.org']]);
  });

  it('sends with throttling: the server receives the messages at least digest.throttleMs apart', async () => {
    const throttleMs = 400;
    const { root, source } = project(CONFIG().replace('throttleMs: 0', `throttleMs: ${throttleMs}`));
    const run = await send(root, [source, '--to', 'a@example.org', '--to', 'b@example.org', '--to', 'c@example.org', '--to', 'd@example.org', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`at ${throttleMs} ms between messages`);
    const arrivals = smtp!.received.map((message) => message.at);
    expect(arrivals).toHaveLength(4);
    // A lower bound only: a loaded machine may send later, never sooner.
    const gaps = arrivals.slice(1).map((at, index) => at - arrivals[index]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(throttleMs - 5);
  });

  it('leaves out the recipients whose unsubscribed column says yes, oui, x or 1', async () => {
    const { root, source } = project(CONFIG());
    const list = join(root, 'liste.csv');
    const left = ['yes', 'oui', 'x', '1'];
    writeFileSync(list, `email,name,unsubscribed\nreste@example.org,Reste,\n${left.map((value) => `parti-${value}@example.org,Parti,${value}`).join('\n')}\n`);
    const run = await send(root, [source, '--list', list, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.includes('skipped'))).toEqual(left.map((value, index) => `${list}:${index + 3}: skipped, "parti-${value}@example.org" unsubscribed`));
    expect(smtp!.received.map((message) => message.rcptTo)).toEqual([['reste@example.org']]);
  });

  describe('sends the digest as it is now: a change to an input since the last build builds it again first', () => {
    const REBUILT = 'digest built from the current source';
    const { root, source } = project(CONFIG('theme: maison\n'));
    cpSync(join(PACKAGE_ROOT, 'themes', 'triptyque'), join(root, 'themes', 'maison'), { recursive: true });
    const image = join(root, 'schema.png');
    // A 1×1 PNG beside the source.
    writeFileSync(image, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    appendFileSync(source, '\n\n![Le schéma du réseau](schema.png)\n');
    let sent = 0;
    const sendOnce = async () => {
      const run = await send(root, [source, '--to', `lecteur${(sent += 1)}@example.org`, '--yes']);
      expect(run.code, run.stderr).toBe(0);
      return run.stderr.split('\n').find((line) => line.startsWith('Pre-flight'))!;
    };

    it('nothing changed: the built digest is sent as it is', async () => {
      await sendOnce();
      expect(await sendOnce()).not.toContain(REBUILT);
    });

    it('an image beside the source changed', async () => {
      await sendOnce();
      const bytes = readFileSync(image);
      writeFileSync(image, Buffer.concat([bytes, Buffer.from('changed')]));
      expect(await sendOnce()).toContain(REBUILT);
    });

    it("the theme's files changed", async () => {
      await sendOnce();
      appendFileSync(join(root, 'themes', 'maison', 'digest', 'digest.css'), '\n.greeting { color: #5a2d0c; }\n');
      expect(await sendOnce()).toContain(REBUILT);
    });

    it('the configuration changed', async () => {
      await sendOnce();
      writeFileSync(join(root, 'triptyque.config.yaml'), CONFIG('theme: maison\n').replace('GIP ARIFOR <contact@arifor.example>', 'Le réseau <reseau@arifor.example>'));
      expect(await sendOnce()).toContain(REBUILT);
      const mail = await simpleParser(smtp!.received.at(-1)!.raw);
      expect(mail.from?.value[0]).toMatchObject({ name: 'Le réseau', address: 'reseau@arifor.example' });
    });
  });
});
