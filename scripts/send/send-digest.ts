import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { writeAtomic } from '../artifacts/write-artifact';
import type { Settings } from '../config/schema';
import { TriptyqueError } from '../errors';
import { campaignId, composeEml, digestMessage, messageDate, senderDomain, type DigestParts } from '../targets/digest/digest-eml';
import { dkimSigner, type DkimSigner } from '../targets/digest/dkim';
import { freshDigest } from './fresh-digest';
import { recipientKey, type Recipient } from './recipients';
import { readSendLog, SendLog } from './send-log';

export interface SendOptions {
  source: string;
  root: string;
  /** The configuration file, when it is not the one in `root`. */
  config?: string;
  /** The build's output folder; the digest is read from `outDir/<slug>/`. */
  outDir: string;
  recipients: readonly Recipient[];
  /** Write one .eml per recipient into `outDir/<slug>/outbox/` instead of sending. */
  dryRun?: boolean;
  /** One proof copy to each recipient, subject marked [TEST], kept out of the send log. */
  test?: boolean;
  /** Send again to recipients whose earlier send was cut off with no answer from the server. */
  retryUncertain?: boolean;
  /** `smtp://user:password@host:587`; from the SMTP_URL environment variable, never from a file. */
  smtpUrl?: string;
  /** DKIM_PRIVATE_KEY lives here; the process environment by default. */
  env?: NodeJS.ProcessEnv;
  /** Told what is about to leave before the first message does; sending goes on only if it answers true. */
  confirm: (preflight: Preflight) => Promise<boolean>;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

/** What a person checks before a mass send: who it is from, whether providers will trust it, how many, how long. */
export interface Preflight {
  mode: 'send' | 'test' | 'dry-run';
  senderDomain: string;
  /** `d=domain s=selector` when messages are signed. */
  dkim?: { domain: string; selector: string };
  unsubscribeUrl: boolean;
  /** Messages this run will hand over. */
  recipients: number;
  /** Left out because an earlier run of the same campaign sent (or may have sent) to them. */
  alreadyHandled: number;
  throttleMs: number;
  /** The pauses between messages alone; the server's own time comes on top. */
  estimatedMs: number;
  /** The digest was built first: no build yet, or its source, images, theme or configuration changed. */
  rebuilt: boolean;
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
  /** The person said no at the pre-flight question: nothing left. */
  cancelled?: boolean;
  logPath?: string;
}

/** After this many failures in a row the server is taken as down: the rest wait for the next run. */
const MAX_CONSECUTIVE_FAILURES = 3;

/** Marks a proof copy, so nobody takes it for the edition that went to the list. */
export const TEST_SUBJECT_PREFIX = '[TEST] ';

/** Sends the current digest to each recipient, once, resuming from the send log. */
export async function sendDigest(options: SendOptions): Promise<SendResult> {
  const { settings, dir, parts: built, rebuilt } = await freshDigest(options);
  const dkim = signer(settings, options);
  const parts = options.test ? { ...built, subject: `${TEST_SUBJECT_PREFIX}${built.subject}` } : built;
  const campaign = campaignId(parts);
  const result: SendResult = { campaign, total: options.recipients.length, sent: [], alreadySent: [], failed: [], uncertain: [], notTried: [], written: [] };
  const preflight = (mode: Preflight['mode'], count: number, alreadyHandled = 0): Preflight => ({
    mode,
    senderDomain: senderDomain(settings.digest.from),
    ...(dkim ? { dkim: { domain: dkim.domain, selector: dkim.selector } } : {}),
    unsubscribeUrl: settings.digest.unsubscribeUrl !== undefined,
    recipients: count,
    alreadyHandled,
    throttleMs: settings.digest.throttleMs,
    estimatedMs: Math.max(0, count - 1) * settings.digest.throttleMs,
    rebuilt,
  });
  if (options.dryRun) {
    if (!(await options.confirm(preflight('dry-run', options.recipients.length)))) return { ...result, cancelled: true };
    return writeOutbox(parts, settings, dkim, dir, options, result);
  }
  if (!options.smtpUrl) {
    throw new TriptyqueError('SEND_FAILED', 'SMTP_URL is not set: export SMTP_URL=smtp://user:password@host:587 in your shell (keep credentials out of the repository), or use --dry-run');
  }
  if (options.test) {
    if (!(await options.confirm(preflight('test', options.recipients.length)))) return { ...result, cancelled: true };
    return sendProofs(parts, settings, dkim, options, result);
  }
  const logPath = join(dir, 'send-log.jsonl');
  result.logPath = logPath;
  const state = await readSendLog(logPath, campaign);
  const handled = options.recipients.filter((recipient) => state.get(recipientKey(recipient)) === 'sent' || (state.get(recipientKey(recipient)) === 'sending' && !options.retryUncertain)).length;
  if (!(await options.confirm(preflight('send', options.recipients.length - handled, handled)))) return { ...result, cancelled: true };
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
        const info = await transport.sendMail(digestMessage(parts, settings.digest, { recipient, date: new Date(), dkim }));
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

/** `digest.dkim` set but no key found would send unsigned mail a provider may bin: refuse instead. */
function signer(settings: Settings, options: SendOptions): DkimSigner | undefined {
  const dkim = dkimSigner(settings.digest, options.env ?? process.env, options.root);
  if (settings.digest.dkim && !dkim) {
    const file = settings.digest.dkim.privateKeyFile;
    throw new TriptyqueError('SEND_FAILED', `digest.dkim is configured but no key was found: set DKIM_PRIVATE_KEY to the PEM key${file ? ` or put it at ${file}` : ', or give digest.dkim.privateKeyFile'}`);
  }
  return dkim;
}

async function sendProofs(parts: DigestParts, settings: Settings, dkim: DkimSigner | undefined, options: SendOptions, result: SendResult): Promise<SendResult> {
  const transport = nodemailer.createTransport(options.smtpUrl!);
  try {
    for (const [index, recipient] of options.recipients.entries()) {
      try {
        await transport.sendMail(digestMessage(parts, settings.digest, { recipient, date: new Date(), dkim }));
        result.sent.push(recipient.email);
        options.onProgress?.(`${index + 1}/${result.total} proof copy sent to ${recipient.email}`);
      } catch (error) {
        result.failed.push({ email: recipient.email, error: (error as Error).message.split('\n')[0] ?? String(error) });
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

async function writeOutbox(parts: DigestParts, settings: Settings, dkim: DkimSigner | undefined, dir: string, options: SendOptions, result: SendResult): Promise<SendResult> {
  const outbox = join(dir, 'outbox');
  await mkdir(outbox, { recursive: true });
  const width = String(options.recipients.length).length;
  for (const [index, recipient] of options.recipients.entries()) {
    const eml = await composeEml(digestMessage(parts, settings.digest, { recipient, date: messageDate(), dkim }));
    const name = `${String(index + 1).padStart(width, '0')}-${recipient.email.replace(/[^\w.@+-]/g, '_')}.eml`;
    await writeAtomic(join(outbox, name), eml);
    result.written.push(join(outbox, name));
    options.onProgress?.(`${index + 1}/${result.total} written for ${recipient.email}`);
  }
  return result;
}
