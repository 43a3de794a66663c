import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TriptyqueError } from '../errors';
import { readRecipientsCsv, recipientsFromArgs } from '../send/recipients';
import { sendDigest, type SendResult } from '../send/send-digest';
import type { CommandIo, CommandRun } from './command';

export const sendHelp = `Usage: triptyque send SOURCE (--to ADDRESS... | --list recipients.csv) [--dry-run] [--out DIR]

Sends the digest built by \`triptyque build\` (DIR/<slug>/digest.html and digest.txt) to each
recipient, one message each, over SMTP. The server comes from the SMTP_URL environment variable,
e.g. SMTP_URL=smtp://user:password@host:587 (smtps:// for TLS on 465); keep it out of files.

Each send is written to DIR/<slug>/send-log.jsonl. If a run stops (crash, SMTP error), run the
same command again: it resumes, and never sends the same digest twice to one address.

Options:
  --to ADDRESS         a recipient; repeat for several
  --list FILE          a CSV with an \`email\` column and an optional \`name\` column
  --dry-run            write one .eml per recipient into DIR/<slug>/outbox/ instead of sending
  --retry-uncertain    also send to those an earlier run was cut off sending to (maybe received)
  --out DIR            the build's output folder (default: output)
  -h, --help           this help

Exit codes: 0 all sent, 1 some not sent (run again to resume), 2 bad usage.`;

export const runSend: CommandRun = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string', multiple: true },
      list: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'retry-uncertain': { type: 'boolean', default: false },
      out: { type: 'string', default: 'output' },
    },
  });
  if (positionals.length !== 1) throw new TriptyqueError('USAGE', 'give exactly one SOURCE (the .md the digest was built from). See `triptyque send --help`.');
  if (!values.to?.length === !values.list) throw new TriptyqueError('USAGE', 'give the recipients with --to ADDRESS (repeatable) or --list FILE.csv, not both. See `triptyque send --help`.');
  const recipients = values.list ? await readRecipientsCsv(resolve(io.cwd, values.list)) : recipientsFromArgs(values.to ?? []);
  if (recipients.length === 0) throw new TriptyqueError('USAGE', `${values.list}: no recipients in the list`);
  const result = await sendDigest({
    source: resolve(io.cwd, positionals[0]!),
    root: io.cwd,
    outDir: resolve(io.cwd, values.out!),
    recipients,
    dryRun: values['dry-run'],
    retryUncertain: values['retry-uncertain'],
    smtpUrl: process.env['SMTP_URL'],
    onProgress: (line) => io.err(line),
    signal: io.signal,
  });
  return summarize(result, io, [positionals[0]!, ...argv.filter((arg) => arg !== positionals[0])]);
};

function summarize(result: SendResult, io: CommandIo, argv: string[]): number {
  if (result.written.length > 0) {
    io.out(`✔ ${result.written.length} messages written (nothing sent) -> ${result.written[0]!.replace(/[^/\\]+$/, '')}`);
    return 0;
  }
  const parts = [`${result.sent.length} sent`];
  if (result.alreadySent.length) parts.push(`${result.alreadySent.length} already sent by an earlier run`);
  if (result.failed.length) parts.push(`${result.failed.length} failed`);
  if (result.notTried.length) parts.push(`${result.notTried.length} not tried (the server kept refusing)`);
  if (result.uncertain.length) parts.push(`${result.uncertain.length} uncertain`);
  const complete = result.failed.length === 0 && result.notTried.length === 0 && result.uncertain.length === 0;
  io.out(`${complete ? '✔' : '✖'} campaign ${result.campaign}: ${parts.join(', ')} of ${result.total} (log: ${result.logPath})`);
  if (complete) return 0;
  for (const { email, error } of result.failed) io.err(`  ${email}: ${error}`);
  if (result.failed.length || result.notTried.length) {
    io.err(`Some recipients did not get the digest. Run the same command again to resume: \`triptyque send ${argv.join(' ')}\` (those already sent are skipped).`);
  }
  if (result.uncertain.length) {
    io.err(`An earlier run stopped while sending to ${result.uncertain.join(', ')}: they may have received it. Check, then add --retry-uncertain to send to them.`);
  }
  return 1;
}
