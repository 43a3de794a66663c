import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import type { BuildReport } from '../artifacts/report';
import { writeAtomic } from '../artifacts/write-artifact';
import { loadConfig } from '../config/load';
import type { Settings } from '../config/schema';
import { TriptyqueError } from '../errors';
import { hasErrors, loadSource } from '../source/load-source';
import { campaignId, composeEml, digestMessage, messageDate, type DigestParts } from '../targets/digest/digest-eml';
import { recipientKey, type Recipient } from './recipients';
import { readSendLog, SendLog } from './send-log';

export interface SendOptions {
  source: string;
  root: string;
  /** The build's output folder; the digest is read from `outDir/<slug>/`. */
  outDir: string;
  recipients: readonly Recipient[];
  /** Write one .eml per recipient into `outDir/<slug>/outbox/` instead of sending. */
  dryRun?: boolean;
  /** Send again to recipients whose earlier send was cut off with no answer from the server. */
  retryUncertain?: boolean;
  /** `smtp://user:password@host:587`; from the SMTP_URL environment variable, never from a file. */
  smtpUrl?: string;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export interface SendResult {
  campaign: string;
  total: number;
  sent: string[];
  /** Sent by an earlier run of the same campaign. */
  alreadySent: string[];
  failed: { email: string; error: string }[];
  /** Cut off mid-send by an earlier run: maybe delivered, so not sent again without `retryUncertain`. */
  uncertain: string[];
  /** Recipients not tried because the server kept refusing. */
  notTried: string[];
  /** .eml files written by a dry run. */
  written: string[];
  logPath?: string;
}

/** After this many failures in a row the server is taken as down: the rest wait for the next run. */
const MAX_CONSECUTIVE_FAILURES = 3;

/** Sends the built digest to each recipient, once, resuming from the send log. */
export async function sendDigest(options: SendOptions): Promise<SendResult> {
  const { settings, slug } = await loadSettings(options);
  const dir = join(options.outDir, slug);
  const parts = await readBuiltDigest(dir, options.source);
  const campaign = campaignId(parts);
  const result: SendResult = { campaign, total: options.recipients.length, sent: [], alreadySent: [], failed: [], uncertain: [], notTried: [], written: [] };
  if (options.dryRun) return writeOutbox(parts, settings, dir, options, result);
  if (!options.smtpUrl) {
    throw new TriptyqueError('SEND_FAILED', 'SMTP_URL is not set: export SMTP_URL=smtp://user:password@host:587 in your shell (keep credentials out of the repository), or use --dry-run');
  }
  const logPath = join(dir, 'send-log.jsonl');
  result.logPath = logPath;
  const state = await readSendLog(logPath, campaign);
  const transport = nodemailer.createTransport(options.smtpUrl);
  const log = await SendLog.open(logPath);
  try {
    let consecutiveFailures = 0;
    let attempted = false;
    for (const [index, recipient] of options.recipients.entries()) {
      const email = recipientKey(recipient);
      const status = state.get(email);
      if (status === 'sent') {
        result.alreadySent.push(recipient.email);
        continue;
      }
      if (status === 'sending' && !options.retryUncertain) {
        result.uncertain.push(recipient.email);
        continue;
      }
      if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
        result.notTried.push(recipient.email);
        continue;
      }
      options.signal?.throwIfAborted();
      if (attempted && settings.digest.throttleMs > 0) await sleep(settings.digest.throttleMs, undefined, { signal: options.signal });
      attempted = true;
      await log.append({ campaign, email, status: 'sending' });
      try {
        const info = await transport.sendMail(digestMessage(parts, settings.digest, { recipient, date: new Date() }));
        await log.append({ campaign, email, status: 'sent', messageId: info.messageId });
        result.sent.push(recipient.email);
        consecutiveFailures = 0;
        options.onProgress?.(`${index + 1}/${result.total} sent to ${recipient.email}`);
      } catch (error) {
        const reason = (error as Error).message.split('\n')[0] ?? String(error);
        await log.append({ campaign, email, status: 'failed', error: reason });
        result.failed.push({ email: recipient.email, error: reason });
        consecutiveFailures++;
        options.onProgress?.(`${index + 1}/${result.total} FAILED for ${recipient.email}: ${reason}`);
      }
    }
  } finally {
    transport.close();
    await log.close();
  }
  return result;
}

async function loadSettings(options: SendOptions): Promise<{ settings: Settings; slug: string }> {
  const config = loadConfig(options.root);
  if (hasErrors(config.file)) throw new TriptyqueError('SEND_FAILED', `${config.file.path}: the configuration has errors; run \`triptyque check\``);
  const { file, publication, settings } = await loadSource(options.source, config.settings);
  if (!publication || !settings || hasErrors(file)) throw new TriptyqueError('SEND_FAILED', `${options.source} has errors; run \`triptyque check ${options.source}\``);
  return { settings, slug: publication.slug };
}

/**
 * The digest exactly as built: what was checked for size and support is what goes out. The subject
 * is the HTML's <title>; report.json (shared with the other targets' builds) only says whether the
 * last digest build failed, leaving older files behind.
 */
async function readBuiltDigest(dir: string, source: string): Promise<DigestParts> {
  const build = `run \`triptyque build ${source} --only digest\``;
  const read = (name: string) => readFile(join(dir, name), 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  const [html, text, reportJson] = await Promise.all([read('digest.html'), read('digest.txt'), read('report.json')]);
  if (html === undefined || text === undefined) throw new TriptyqueError('SEND_FAILED', `no built digest in ${dir}: ${build} first`);
  const report = reportJson === undefined ? undefined : (JSON.parse(reportJson) as BuildReport);
  if (report?.targets.digest && !report.targets.digest.ok) {
    throw new TriptyqueError('SEND_FAILED', `the last build of the digest failed (${report.targets.digest.error ?? 'see report.json'}): fix it and ${build}`);
  }
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  if (!title) throw new TriptyqueError('SEND_FAILED', `${join(dir, 'digest.html')} has no <title> (the subject): ${build}`);
  return { subject: decodeEntities(title), html, text };
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&amp;/g, '&');
}

async function writeOutbox(parts: DigestParts, settings: Settings, dir: string, options: SendOptions, result: SendResult): Promise<SendResult> {
  const outbox = join(dir, 'outbox');
  await mkdir(outbox, { recursive: true });
  const width = String(options.recipients.length).length;
  for (const [index, recipient] of options.recipients.entries()) {
    const eml = await composeEml(digestMessage(parts, settings.digest, { recipient, date: messageDate() }));
    const name = `${String(index + 1).padStart(width, '0')}-${recipient.email.replace(/[^\w.@+-]/g, '_')}.eml`;
    await writeAtomic(join(outbox, name), eml);
    result.written.push(join(outbox, name));
    options.onProgress?.(`${index + 1}/${result.total} written for ${recipient.email}`);
  }
  return result;
}
