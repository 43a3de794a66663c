import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../core/build';
import { runCli } from '../../test/run-cli';
import { REAL_SOURCE } from '../targets/digest/test-context';

const SLUG = '2010-05-27-travailler-en-reseau';

interface Delivery {
  to: string[];
}

/**
 * A real SMTP server on 127.0.0.1. `refuse` answers RCPT TO with 550 for some; `dropAfterData`
 * takes the message whole, then cuts the connection before answering (a server that queued the
 * message and died, or a network that fell); `slowMs` holds each message back.
 */
async function startServer(behaviour: { refuse?: (email: string) => boolean; dropAfterData?: (email: string) => boolean; slowMs?: number; auth?: { user: string; pass: string } } = {}) {
  const received: Delivery[] = [];
  const options: SMTPServerOptions = {
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (behaviour.refuse?.(address.address)) callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        received.push({ to });
        if (to.some((email) => behaviour.dropAfterData?.(email))) {
          for (const connection of server.connections) (connection as unknown as { _socket: { destroy: () => void } })._socket.destroy();
          return;
        }
        setTimeout(() => callback(), behaviour.slowMs ?? 0);
      });
    },
  };
  if (behaviour.auth) {
    Object.assign(options, {
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth(auth: { username?: string; password?: string }, _session: unknown, callback: (error: Error | null, response?: { user: string }) => void) {
        if (auth.username === behaviour.auth!.user && auth.password === behaviour.auth!.pass) callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
    });
  } else {
    options.authOptional = true;
  }
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Every file the run left in the output folder, as text. */
async function outputText(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')));
  return texts.join('\n');
}

const logOf = async (root: string) =>
  (await readFile(join(root, 'output', SLUG, 'send-log.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { email: string; status: string });

describe('send: nobody gets the digest twice, nobody is retried for ever', () => {
  let servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });

  /** A project of its own with the digest built, so send logs do not mix. */
  async function project(throttleMs = 0): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'triptyque-send-once-'));
    await writeFile(join(root, 'triptyque.config.yaml'), `digest:\n  from: GIP ARIFOR <contact@arifor.example>\n  throttleMs: ${throttleMs}\n`);
    const result = await build({ sources: [REAL_SOURCE], root, outDir: join(root, 'output'), only: ['digest'] });
    expect(result.ok).toBe(true);
    return root;
  }

  it('two runs of one campaign at once: everyone gets one copy, the second run says which process holds the campaign and exits 2', async () => {
    const root = await project();
    const people = Array.from({ length: 20 }, (_, index) => `personne${index + 1}@example.org`);
    await writeFile(join(root, 'liste.csv'), `email\n${people.join('\n')}\n`);
    const server = await startServer({ slowMs: 150 });
    servers.push(server);
    const args = ['send', REAL_SOURCE, '--list', 'liste.csv', '--yes'];
    const [first, second] = await Promise.all([runCli(args, root, { SMTP_URL: server.url }), runCli(args, root, { SMTP_URL: server.url })]);
    const codes = [first.code, second.code].sort();
    expect(codes).toEqual([0, 2]);
    const refused = first.code === 2 ? first : second;
    expect(refused.stderr).toMatch(/already being sent by process \d+ \(since \d{4}-\d\d-\d\dT/);
    expect(refused.stderr).toMatch(/nothing was sent/);
    expect(server.received.map((delivery) => delivery.to[0]).sort()).toEqual([...people].sort());
    const third = await runCli(args, root, { SMTP_URL: server.url });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/0 sent, 20 already sent by an earlier run of 20/);
    expect(server.received).toHaveLength(20);
  }, 180_000);

  it('a connection lost after the server took the message is uncertain: listed at the end, not sent again on the next run, sent again with --resend-uncertain', async () => {
    const root = await project();
    await writeFile(join(root, 'liste.csv'), 'email\nun@example.org\ncoupe@example.org\ntrois@example.org\n');
    let dropping = true;
    const server = await startServer({ dropAfterData: (email) => dropping && email === 'coupe@example.org' });
    servers.push(server);
    const args = ['send', REAL_SOURCE, '--list', 'liste.csv', '--yes'];
    const first = await runCli(args, root, { SMTP_URL: server.url });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/2 sent, 1 uncertain of 3/);
    expect(first.stderr).toMatch(/lost after the server had the message for coupe@example\.org: they may have received it\. Check, then add --resend-uncertain/);
    expect(first.stderr).not.toMatch(/Run the same command again to resume/);
    expect((await logOf(root)).filter((entry) => entry.email === 'coupe@example.org').map((entry) => entry.status)).toEqual(['sending', 'uncertain']);

    dropping = false;
    const second = await runCli(args, root, { SMTP_URL: server.url });
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/0 sent, 2 already sent by an earlier run, 1 uncertain of 3/);
    expect(server.received.filter((delivery) => delivery.to[0] === 'coupe@example.org')).toHaveLength(1);

    const third = await runCli([...args, '--resend-uncertain'], root, { SMTP_URL: server.url });
    expect(third.code).toBe(0);
    expect(server.received.map((delivery) => delivery.to[0])).toEqual(['un@example.org', 'coupe@example.org', 'trois@example.org', 'coupe@example.org']);
  }, 180_000);

  it('a connection lost before the message was handed over is failed, and the next run sends it', async () => {
    const root = await project();
    const server = await startServer();
    servers.push(server);
    await server.close();
    const args = ['send', REAL_SOURCE, '--to', 'un@example.org', '--yes'];
    const first = await runCli(args, root, { SMTP_URL: server.url });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/Run the same command again to resume/);
    const healthy = await startServer();
    servers.push(healthy);
    const second = await runCli(args, root, { SMTP_URL: healthy.url });
    expect(second.code).toBe(0);
    expect(healthy.received.map((delivery) => delivery.to[0])).toEqual(['un@example.org']);
  }, 180_000);

  it('an address refused for good (550) is reported once, never tried again, and the run ends 0', async () => {
    const root = await project();
    await writeFile(join(root, 'liste.csv'), 'email\nun@example.org\nmort@example.org\ntrois@example.org\n');
    const refused: string[] = [];
    const server = await startServer({ refuse: (email) => email === 'mort@example.org' && refused.push(email) > 0 });
    servers.push(server);
    const args = ['send', REAL_SOURCE, '--list', 'liste.csv', '--yes'];
    const first = await runCli(args, root, { SMTP_URL: server.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/2 sent, 1 refused for good of 3/);
    expect(first.stderr).toMatch(/mort@example\.org: refused for good by the server \(.*550.*\); not sent again/);
    const second = await runCli(args, root, { SMTP_URL: server.url });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 sent, 2 already sent by an earlier run, 1 refused for good in an earlier run of 3/);
    expect(second.stderr).not.toMatch(/mort@example\.org/);
    expect(refused).toEqual(['mort@example.org']);
    expect(server.received.map((delivery) => delivery.to[0])).toEqual(['un@example.org', 'trois@example.org']);
  }, 180_000);
});

describe('send: the SMTP password is never printed and never sends to another host', () => {
  const password = 'p#ss/w?rd%ç@x';
  const user = 'lettre@arifor.example';
  let servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'triptyque-send-secret-'));
    await writeFile(join(root, 'triptyque.config.yaml'), 'digest:\n  from: GIP ARIFOR <contact@arifor.example>\n  throttleMs: 0\n');
  });

  it('an unencoded #, /, ? or % in the password is one sentence that says to percent-encode; the password is in no output, log or report', async () => {
    const server = await startServer({ auth: { user, pass: password } });
    servers.push(server);
    const args = ['send', REAL_SOURCE, '--to', 'un@example.org', '--yes'];
    for (const secret of ['p#ss', 'p/ss', 'p?ss', 'p%ss', password]) {
      const run = await runCli(args, root, { SMTP_URL: `smtp://${encodeURIComponent(user)}:${secret}@127.0.0.1:${server.port}` });
      expect(run.code, secret).toBe(1);
      expect(run.stderr.trim().split('\n').filter((line) => !/^(Pre-flight|\s)/.test(line)), secret).toEqual([
        'triptyque send: SMTP_URL is not a valid URL: write it as smtp://user:password@host:587 with any of : / ? # @ % in the user or password percent-encoded (e.g. # as %23), or give SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD instead',
      ]);
      const everything = `${run.stdout}${run.stderr}${await outputText(root)}`;
      expect(everything, secret).not.toContain(secret);
      expect(everything, secret).not.toMatch(/DEP0170|internal error|this is a bug/);
    }
    expect(server.received).toEqual([]);
  }, 180_000);

  it('the same password percent-encoded in SMTP_URL, or given in SMTP_PASSWORD, logs in to the host named and sends; the password is in no output, log or report', async () => {
    const server = await startServer({ auth: { user, pass: password } });
    servers.push(server);
    const encoded = await runCli(['send', REAL_SOURCE, '--to', 'un@example.org', '--yes'], root, { SMTP_URL: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${server.port}` });
    expect(encoded.code).toBe(0);
    const separate = await runCli(['send', REAL_SOURCE, '--to', 'deux@example.org', '--yes'], root, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(server.port), SMTP_USER: user, SMTP_PASSWORD: password });
    expect(separate.code).toBe(0);
    expect(server.received.map((delivery) => delivery.to[0])).toEqual(['un@example.org', 'deux@example.org']);
    const wrong = await runCli(['send', REAL_SOURCE, '--to', 'trois@example.org', '--yes'], root, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(server.port), SMTP_USER: user, SMTP_PASSWORD: `${password}-faux` });
    expect(wrong.code).toBe(1);
    const everything = `${encoded.stdout}${encoded.stderr}${separate.stdout}${separate.stderr}${wrong.stdout}${wrong.stderr}${await outputText(root)}`;
    for (const shown of [password, encodeURIComponent(password), 'p#ss']) expect(everything).not.toContain(shown);
  }, 180_000);
});
