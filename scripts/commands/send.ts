import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TriptyqueError } from '../errors';
import { readRecipientsCsv, recipientsFromArgs, type RecipientList } from '../send/recipients';
import { sendDigest, type Preflight, type SendResult } from '../send/send-digest';
import { operations } from '../messages/operations';
import type { CommandIo, CommandRun } from './command';
import { outDirOf, projectOf } from './project';

export const sendHelp = `Usage: triptyque send SOURCE (--to ADDRESS... | --list recipients.csv | --test ADDRESS) [--yes] [--dry-run] [--out DIR]

Sends the digest of SOURCE to each recipient, one message each, over SMTP. If the source, its
images, the theme or the configuration changed since the last build, the digest is built again
first: an old edition never goes out. The server comes from the SMTP_URL environment variable,
e.g. SMTP_URL=smtp://user:password@host:587 (smtps:// for TLS on 465; any of : / ? # @ % in the
user or password percent-encoded, # as %23), or from SMTP_HOST, SMTP_PORT, SMTP_USER and
SMTP_PASSWORD; keep them out of files.

Before the first message leaves, one pre-flight line says the sender's domain, whether messages
are DKIM-signed, whether an unsubscribe URL is set, how many recipients and how long the
throttle makes it last; on a terminal it then asks for confirmation. Without a terminal (a
script, CI) a send needs --yes, or nothing is sent (exit 2).

Each recipient's state is written to DIR/<slug>/send-log.jsonl before and after each message,
and one run at a time holds that log (a second run says which process holds it, exit 2). If a
run stops (crash, SMTP error), run the same command again: it resumes, and never sends the same
digest twice to one address. An address the server refuses for good (5xx) is reported once and
not tried again; one whose connection was lost after the server took the message is uncertain:
listed at the end, and sent again only with --resend-uncertain.

Options:
  --to ADDRESS         a recipient; repeat for several
  --list FILE          a CSV with an \`email\` column, an optional \`name\` (the To header's display
                       name) and an optional \`unsubscribed\` column (yes/oui/x/1: left out);
                       malformed addresses, line breaks and duplicates are reported and skipped
  --test ADDRESS       one proof copy, subject marked [TEST], not in the send log
  --yes                send without asking (needed when not on a terminal)
  --dry-run            write one .eml per recipient into DIR/<slug>/outbox/ instead of sending
  --resend-uncertain   also send to those whose connection was lost once the server had the message (maybe received)
  --out DIR            the build's output folder (default: output/ beside the configuration)
  -h, --help           this help

Exit codes: 0 every recipient sent or refused for good, 1 some not sent or uncertain (run again to
resume), 2 bad usage, not confirmed, or another run is sending this campaign.`;

export const runSend: CommandRun = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string', multiple: true },
      list: { type: 'string' },
      test: { type: 'string' },
      yes: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'resend-uncertain': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new TriptyqueError('USAGE', 'give exactly one SOURCE (the .md the digest is built from). See `triptyque send --help`.');
  const given = [values.to?.length ? '--to' : '', values.list ? '--list' : '', values.test ? '--test' : ''].filter(Boolean);
  if (given.length !== 1) throw new TriptyqueError('USAGE', 'give the recipients with one of --to ADDRESS (repeatable), --list FILE.csv or --test ADDRESS. See `triptyque send --help`.');
  const list: RecipientList = values.list
    ? await readRecipientsCsv(resolve(io.cwd, values.list))
    : recipientsFromArgs(values.test ? [values.test] : (values.to ?? []));
  for (const { where, reason } of list.skipped) io.err(`${where}: skipped, ${reason}`);
  if (list.recipients.length === 0) throw new TriptyqueError('USAGE', `no valid recipient${values.list ? ` in ${values.list}` : ''}, nothing sent`);
  const project = projectOf(io);
  const result = await sendDigest({
    source: resolve(io.cwd, positionals[0]!),
    root: project.root,
    config: project.config,
    outDir: outDirOf(io, project, values.out),
    recipients: list.recipients,
    dryRun: values['dry-run'],
    test: values.test !== undefined,
    resendUncertain: values['resend-uncertain'],
    confirm: (preflight) => confirm(preflight, io, values.yes!),
    onProgress: (line) => io.err(line),
    signal: io.signal,
  });
  return summarize(result, io, [positionals[0]!, ...argv.filter((arg) => arg !== positionals[0])]);
};

/** The pre-flight line, always; then, for a real send, the person's yes (or --yes). Never a silent mass send. */
async function confirm(preflight: Preflight, io: CommandIo, yes: boolean): Promise<boolean> {
  io.err(preflightLine(preflight));
  if (preflight.mode !== 'send' || preflight.recipients === 0 || yes) return true;
  if (!io.ask) throw new TriptyqueError('USAGE', `not on a terminal, so nobody can confirm: add --yes to send to ${plural(preflight.recipients, 'recipient')}; nothing was sent`);
  const answer = (await io.ask(`Send to ${plural(preflight.recipients, 'recipient')} now? [y/N] `)).trim().toLowerCase();
  return answer === 'y' || answer === 'yes' || answer === 'o' || answer === 'oui';
}

export function preflightLine(preflight: Preflight): string {
  const what = { send: 'sending', test: 'proof copy', 'dry-run': 'dry run, nothing leaves' }[preflight.mode];
  const parts = [
    `from ${preflight.senderDomain}`,
    preflight.dkim ? `DKIM on (d=${preflight.dkim.domain}, s=${preflight.dkim.selector})` : 'DKIM off',
    preflight.unsubscribeUrl ? 'unsubscribe URL set' : 'no unsubscribe URL (Gmail and Yahoo expect one)',
    `${plural(preflight.recipients, 'recipient')}${preflight.alreadyHandled ? ` (${preflight.alreadyHandled} already handled by an earlier run)` : ''}`,
    `about ${duration(preflight.estimatedMs)} at ${preflight.throttleMs} ms between messages`,
  ];
  return `Pre-flight (${what}${preflight.rebuilt ? ', digest built from the current source' : ''}): ${parts.join(', ')}`;
}

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summarize(result: SendResult, io: CommandIo, argv: string[]): number {
  if (result.cancelled) {
    io.out('Nothing sent.');
    return 2;
  }
  if (result.written.length > 0) {
    io.out(`✔ ${result.written.length} messages written (nothing sent) -> ${result.written[0]!.replace(/[^/\\]+$/, '')}`);
    return 0;
  }
  if (result.logPath === undefined) {
    io.out(`${result.failed.length ? '✖' : '✔'} proof copy ${result.sent.length ? `sent to ${result.sent.join(', ')}` : 'not sent'} (not in the send log)`);
    for (const { email, error } of result.failed) io.err(`  ${email}: ${error}`);
    return result.failed.length ? 1 : 0;
  }
  const parts = [`${result.sent.length} sent`];
  if (result.alreadySent.length) parts.push(`${result.alreadySent.length} already sent by an earlier run`);
  if (result.bounced.length) parts.push(`${result.bounced.length} refused for good`);
  if (result.bouncedEarlier.length) parts.push(`${result.bouncedEarlier.length} refused for good in an earlier run`);
  if (result.failed.length) parts.push(`${result.failed.length} failed`);
  if (result.notTried.length) parts.push(`${result.notTried.length} not tried (the server kept refusing)`);
  if (result.uncertain.length) parts.push(`${result.uncertain.length} uncertain`);
  const complete = result.failed.length === 0 && result.notTried.length === 0 && result.uncertain.length === 0;
  io.out(`${complete ? '✔' : '✖'} campaign ${result.campaign}: ${parts.join(', ')} of ${result.total} (log: ${result.logPath})`);
  for (const { email, error } of result.bounced) io.err(`  ${operations.sendBounced(email, error)}`);
  if (complete) return 0;
  for (const { email, error } of result.failed) io.err(`  ${email}: ${error}`);
  if (result.failed.length || result.notTried.length) io.err(operations.sendResume(`triptyque send ${argv.join(' ')}`));
  if (result.uncertain.length) io.err(operations.sendUncertain(result.uncertain));
  return 1;
}
