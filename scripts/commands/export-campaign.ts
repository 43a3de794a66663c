import { dirname, join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../artifacts/write-artifact';
import { TriptyqueError } from '../errors';
import { freshDigest } from '../send/fresh-digest';
import { createListmonkDraft, listmonkCampaign } from '../send/listmonk-campaign';
import type { CommandRun } from './command';
import { outDirOf, projectOf } from './project';

export const exportCampaignHelp = `Usage: triptyque export-campaign SOURCE [-o FILE] [--list-id ID...] [--listmonk URL] [--out DIR]

Writes the digest of SOURCE as a listmonk campaign (the JSON body of POST /api/campaigns:
name, subject, lists, from_email, content_type html, body, altbody, headers), for lists too
large to send from a laptop. The digest is built again first if its source or configuration
changed. The configured unsubscribe link becomes listmonk's own ({{ UnsubscribeURL }}).

With --listmonk URL the campaign is also created there as a draft (nothing is sent until someone
starts it in listmonk). The API user and token come from the environment: LISTMONK_USER and
LISTMONK_TOKEN (Admin -> Users in listmonk); keep them out of files.

Options:
  -o, --output FILE    where to write the JSON (default: DIR/<slug>/listmonk-campaign.json)
  --list-id ID         a listmonk list id to send to; repeat for several (needed with --listmonk)
  --listmonk URL       the listmonk instance, e.g. https://lists.example.org
  --out DIR            the build's output folder (default: output/ beside the configuration)
  -h, --help           this help

Exit codes: 0 written (and created), 1 listmonk refused or could not be reached, 2 bad usage.`;

export const runExportCampaign: CommandRun = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      'list-id': { type: 'string', multiple: true },
      listmonk: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new TriptyqueError('USAGE', 'give exactly one SOURCE (the .md the digest is built from). See `triptyque export-campaign --help`.');
  const lists = (values['list-id'] ?? []).map((id) => {
    if (!/^[1-9]\d*$/.test(id)) throw new TriptyqueError('USAGE', `--list-id ${id}: a listmonk list id is a positive whole number`);
    return Number(id);
  });
  const credentials = values.listmonk === undefined ? undefined : listmonkAccess(values.listmonk, lists.length);
  const source = resolve(io.cwd, positionals[0]!);
  const project = projectOf(io);
  const { settings, dir, parts, rebuilt } = await freshDigest({ source, root: project.root, config: project.config, outDir: outDirOf(io, project, values.out), signal: io.signal });

  if (rebuilt) io.err('digest rebuilt: the source or configuration changed since the last build');
  const campaign = listmonkCampaign(parts, settings.digest, lists);
  const file = values.output ? resolve(io.cwd, values.output) : join(dir, 'listmonk-campaign.json');
  await mkdir(dirname(file), { recursive: true });
  await writeAtomic(file, `${JSON.stringify(campaign, null, 2)}\n`);
  io.out(`✔ listmonk campaign written -> ${file}`);
  if (credentials) {
    const draft = await createListmonkDraft(values.listmonk!, credentials, campaign, io.signal);
    io.out(`✔ draft campaign #${draft.id} created in listmonk: ${draft.url}`);
  }
  return 0;
};

function listmonkAccess(url: string, lists: number): { user: string; token: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TriptyqueError('USAGE', `--listmonk ${url}: not a URL (e.g. https://lists.example.org)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TriptyqueError('USAGE', `--listmonk ${url}: only http: or https: URLs`);
  if (parsed.username || parsed.password) throw new TriptyqueError('USAGE', '--listmonk: put the credentials in LISTMONK_USER and LISTMONK_TOKEN, not in the URL');
  if (lists === 0) throw new TriptyqueError('USAGE', 'listmonk needs the lists to send to: add --list-id ID (see Lists in listmonk)');
  const user = process.env['LISTMONK_USER'];
  const token = process.env['LISTMONK_TOKEN'];
  if (!user || !token) throw new TriptyqueError('USAGE', 'set LISTMONK_USER and LISTMONK_TOKEN (an API user and its token, Admin -> Users in listmonk) in the environment');
  return { user, token };
}
