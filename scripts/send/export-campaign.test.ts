import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../commands/command';
import { runExportCampaign } from '../commands/export-campaign';
import { REAL_SOURCE } from '../targets/digest/test-context';
import { createListmonkDraft, type ListmonkCampaign } from './listmonk-campaign';

const SLUG = '2010-05-27-travailler-en-reseau';

function captureIo(cwd: string): CommandIo & { lines: string[] } {
  const lines: string[] = [];
  return { cwd, out: (line) => lines.push(line), err: (line) => lines.push(line), report: () => undefined, isTTY: false, signal: new AbortController().signal, lines };
}

/** Answers POST /api/campaigns as listmonk documents it: basic auth of an API user, a JSON body with name, subject and lists. */
async function startListmonk() {
  const requests: { auth?: string; type?: string; body: Record<string, unknown> }[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const reply = (status: number, body: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (request.method !== 'POST' || request.url !== '/api/campaigns') return reply(404, { message: 'not found' });
    if (request.headers.authorization !== `Basic ${Buffer.from('api-triptyque:s3cret').toString('base64')}`) return reply(403, { message: 'invalid API credentials' });
    if (!request.headers['content-type']?.startsWith('application/json')) return reply(400, { message: 'expected JSON' });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    requests.push({ auth: request.headers.authorization, type: request.headers['content-type'], body });
    const missing = ['name', 'subject', 'lists'].filter((key) => !body[key] || (key === 'lists' && (body[key] as unknown[]).length === 0));
    if (missing.length) return reply(400, { message: `invalid fields: ${missing.join(', ')}` });
    return reply(200, { data: { id: 42, status: 'draft', ...body } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('triptyque export-campaign', () => {
  let root: string;
  let listmonk: Awaited<ReturnType<typeof startListmonk>> | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'triptyque-campaign-'));
    await writeFile(join(root, 'triptyque.config.yaml'), 'digest:\n  from: GIP ARIFOR <contact@arifor.example>\n  listId: <synthese.arifor.example>\n  unsubscribeUrl: https://arifor.example/desinscription?email={email}&liste=synthese\n');
  });
  afterEach(async () => {
    await listmonk?.close();
    listmonk = undefined;
    delete process.env['LISTMONK_USER'];
    delete process.env['LISTMONK_TOKEN'];
  });

  it('writes the campaign as listmonk takes it: HTML body, plain-text altbody, headers as an array, listmonk’s unsubscribe link', async () => {
    const io = captureIo(root);
    const file = join(root, 'campagne.json');
    expect(await runExportCampaign([REAL_SOURCE, '-o', file, '--list-id', '3'], io)).toBe(0);
    const campaign = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(campaign).sort()).toEqual(['altbody', 'body', 'content_type', 'from_email', 'headers', 'lists', 'messenger', 'name', 'subject', 'tags', 'type']);
    expect(campaign).toMatchObject({ lists: [3], from_email: 'GIP ARIFOR <contact@arifor.example>', type: 'regular', content_type: 'html', messenger: 'email', headers: [{ 'List-Id': '<synthese.arifor.example>' }] });
    expect(campaign.subject).toMatch(/^Synthèse de la journée du 27.mai 2010/u);
    expect(campaign.body).toBe(await readFile(join(root, 'output', SLUG, 'digest.html'), 'utf8').then((html) => html.replaceAll('https://arifor.example/desinscription?email={email}&amp;liste=synthese', '{{ UnsubscribeURL }}').replace(/(<p class="greeting"[^>]*>)Bonjour,/, '$1Bonjour {{ .Subscriber.FirstName }},')));
    expect(campaign.altbody).toMatch(/^Bonjour \{\{ \.Subscriber\.FirstName \}\},$/m);
    expect(campaign.body).toMatch(/href="\{\{ UnsubscribeURL \}\}"/);
    expect(campaign.altbody).toContain('{{ UnsubscribeURL }}');
    expect(`${campaign.body}${campaign.altbody}`).not.toContain('{email}');
  });

  it('creates a draft in listmonk with the API user from the environment', async () => {
    listmonk = await startListmonk();
    process.env['LISTMONK_USER'] = 'api-triptyque';
    process.env['LISTMONK_TOKEN'] = 's3cret';
    const io = captureIo(root);
    expect(await runExportCampaign([REAL_SOURCE, '--listmonk', listmonk.url, '--list-id', '3', '--list-id', '7'], io)).toBe(0);
    expect(io.lines).toContain(`✔ draft campaign #42 created in listmonk: ${listmonk.url}/admin/campaigns/42`);
    expect(listmonk.requests).toHaveLength(1);
    expect(listmonk.requests[0]!.body).toMatchObject({ lists: [3, 7], content_type: 'html' });
    expect(listmonk.requests[0]!.body).toEqual(JSON.parse(await readFile(join(root, 'output', SLUG, 'listmonk-campaign.json'), 'utf8')));

    process.env['LISTMONK_TOKEN'] = 'wrong';
    await expect(runExportCampaign([REAL_SOURCE, '--listmonk', listmonk.url, '--list-id', '3'], io)).rejects.toThrow(/^listmonk at http:\/\/127\.0\.0\.1:\d+\/api\/campaigns refused the campaign: 403 invalid API credentials \(check LISTMONK_USER and LISTMONK_TOKEN/);
    await expect(runExportCampaign([REAL_SOURCE, '--listmonk', listmonk.url], io)).rejects.toThrow(/add --list-id ID/);
    delete process.env['LISTMONK_USER'];
    await expect(runExportCampaign([REAL_SOURCE, '--listmonk', listmonk.url, '--list-id', '3'], io)).rejects.toThrow(/set LISTMONK_USER and LISTMONK_TOKEN/);
    expect(listmonk.requests).toHaveLength(1);
  });
});

describe('export-campaign: a listmonk that hangs or redirects (#27.11)', () => {
  const credentials = { user: 'api-triptyque', token: 's3cret' };
  const campaign = { name: 'essai', subject: 'Essai', lists: [3] } as unknown as ListmonkCampaign;
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  async function serve(handler: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<{ url: string; requests: { url?: string; auth?: string }[] }> {
    const requests: { url?: string; auth?: string }[] = [];
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      requests.push({ url: request.url, auth: request.headers.authorization });
      handler(request, response, Buffer.concat(chunks).toString('utf8'));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
  }

  it('a listmonk that takes the request and never answers is one sentence after the timeout, not a wait without end', async () => {
    const silent = await serve(() => undefined);
    await expect(createListmonkDraft(silent.url, credentials, campaign, undefined, { answerMs: 300, totalMs: 60_000 })).rejects.toThrow(
      `listmonk at ${silent.url}/api/campaigns did not answer in time (0.3 s for an answer, 60 s in all): check the URL and that listmonk is running; nothing was created`,
    );
    expect(silent.requests).toHaveLength(1);
  });

  it('a listmonk whose answer never ends is stopped by the total timeout', async () => {
    const trickle = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"data":');
    });
    await expect(createListmonkDraft(trickle.url, credentials, campaign, undefined, { answerMs: 60_000, totalMs: 500 })).rejects.toThrow(/did not answer in time \(60 s for an answer, 0\.5 s in all\)/);
  });

  it('a redirect to another host is not followed: the token and the campaign stay here, and the command says where it was sent', async () => {
    const elsewhere = await serve((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":{"id":7}}'));
    const redirecting = await serve((_request, response) => response.writeHead(307, { Location: `${elsewhere.url}/api/campaigns` }).end());
    await expect(createListmonkDraft(redirecting.url, credentials, campaign)).rejects.toThrow(
      `listmonk at ${redirecting.url}/api/campaigns answered 307, a redirect to ${elsewhere.url}/api/campaigns: it is not followed out of the URL given (the token would go with it); give --listmonk the URL listmonk answers at; nothing was created`,
    );
    expect(elsewhere.requests).toEqual([]);
  });

  it('a redirect within the same listmonk is followed with the POST, and the URL reported is the one that answered', async () => {
    const moved = await serve((request, response, body) => {
      if (request.url === '/api/campaigns') return response.writeHead(308, { Location: '/listmonk/api/campaigns' }).end();
      expect(JSON.parse(body)).toMatchObject({ name: 'essai' });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":{"id":42}}');
    });
    await expect(createListmonkDraft(moved.url, credentials, campaign)).resolves.toEqual({ id: 42, url: `${moved.url}/listmonk/admin/campaigns/42` });
    expect(moved.requests.map((request) => request.url)).toEqual(['/api/campaigns', '/listmonk/api/campaigns']);
    expect(moved.requests[1]!.auth).toBe(`Basic ${Buffer.from('api-triptyque:s3cret').toString('base64')}`);
  });
});
