import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { writeAtomic } from '../artifacts/write-artifact';
import type { Settings } from '../config/schema';
import { TriptyqueError } from '../errors';
import { campaignId, composeEml, composeMessage, digestMessage, messageDate, senderDomain, type DigestParts } from '../targets/digest/digest-eml';
import { dkimSigner, type DkimSigner } from '../targets/digest/dkim';
import { freshDigest } from './fresh-digest';
import { recipientKey, type Recipient } from './recipients';
import { tryLock } from '../locks/lock-file';
import { operations } from '../messages/operations';
import { readSendLog, SendLog, type SendStatus } from './send-log';
import { smtpSettings } from './smtp-settings';

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
  /** Send again to recipients whose earlier send was cut off once the server had the message. */
  resendUncertain?: boolean;
  /** SMTP_URL (or SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD) and DKIM_PRIVATE_KEY live here; the process environment by default. */
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
  /** Refused for good (5xx) by the server in this run: not sent again. */
  bounced: { email: string; error: string }[];
  /** Refused for good by an earlier run of the same campaign. */
  bouncedEarlier: string[];
  /** The connection was lost once the server had the message (now or in an earlier run): maybe delivered, so not sent again without `resendUncertain`. */
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
  const result: SendResult = { campaign, total: options.recipients.length, sent: [], alreadySent: [], failed: [], bounced: [], bouncedEarlier: [], uncertain: [], notTried: [], written: [] };
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
  const smtp = smtpSettings(options.env ?? process.env);
  if (!smtp) throw new TriptyqueError('SEND_FAILED', operations.smtpUrlMissing);
  if (options.test) {
    if (!(await options.confirm(preflight('test', options.recipients.length)))) return { ...result, cancelled: true };
    return sendProofs(parts, settings, dkim, smtp, options, result);
  }
  const logPath = join(dir, 'send-log.jsonl');
  result.logPath = logPath;
  // One run at a time per send log: a second one would read the log before the first wrote its sends.
  const lock = await tryLock(join(dir, 'send.lock'), ({ path, why, pid }) => options.onProgress?.(operations.lockTakenOver(path, why, pid)));
  if (!lock.acquired) throw new TriptyqueError('BUSY', operations.sendLocked(lock.holder.pid, lock.holder.since || 'an earlier start', logPath));
  try {
    const state = await readSendLog(logPath, campaign);
    const skipped = (status: SendStatus | undefined) => status === 'sent' || status === 'bounced' || (isUncertain(status) && !options.resendUncertain);
    const handled = options.recipients.filter((recipient) => skipped(state.get(recipientKey(recipient)))).length;
    if (!(await options.confirm(preflight('send', options.recipients.length - handled, handled)))) return { ...result, cancelled: true };
    await sendAll(parts, settings, dkim, smtp, state, options, result);
  } finally {
    await lock.release();
  }
  return result;
}

/** `sending` with no outcome after it: the run died while the message was on its way. */
function isUncertain(status: SendStatus | undefined): boolean {
  return status === 'sending' || status === 'uncertain';
}

async function sendAll(parts: DigestParts, settings: Settings, dkim: DkimSigner | undefined, smtp: SMTPTransport.Options, state: Map<string, SendStatus>, options: SendOptions, result: SendResult): Promise<void> {
  const transport = nodemailer.createTransport(smtp);
  const log = await SendLog.open(result.logPath!);
  const campaign = result.campaign;
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
      if (status === 'bounced') {
        result.bouncedEarlier.push(recipient.email);
        continue;
      }
      if (isUncertain(status) && !options.resendUncertain) {
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
      const message = digestMessage(parts, settings.digest, { recipient, date: new Date(), dkim });
      await log.append({ campaign, email, status: 'sending' });
      const outcome = await deliver(transport, message);
      await log.append({ campaign, email, status: outcome.status, ...(outcome.error ? { error: outcome.error } : { messageId: message.messageId as string }) });
      const progress = `${index + 1}/${result.total}`;
      if (outcome.status === 'sent') {
        result.sent.push(recipient.email);
        consecutiveFailures = 0;
        options.onProgress?.(`${progress} sent to ${recipient.email}`);
      } else if (outcome.status === 'bounced') {
        result.bounced.push({ email: recipient.email, error: outcome.error! });
        consecutiveFailures = 0;
        options.onProgress?.(`${progress} ${operations.sendBounced(recipient.email, outcome.error!)}`);
      } else if (outcome.status === 'uncertain') {
        result.uncertain.push(recipient.email);
        consecutiveFailures++;
        options.onProgress?.(`${progress} UNCERTAIN for ${recipient.email}: ${outcome.error}`);
      } else {
        result.failed.push({ email: recipient.email, error: outcome.error! });
        consecutiveFailures++;
        options.onProgress?.(`${progress} FAILED for ${recipient.email}: ${outcome.error}`);
      }
    }
  } finally {
    transport.close();
    await log.close();
  }
}

/**
 * Hands one message to the server and says what became of it. The message is composed first and
 * handed over as a stream: once the server has asked for it (after DATA), a lost connection may
 * have come after the server queued it, so it is `uncertain`, never plainly `failed`.
 */
async function deliver(transport: nodemailer.Transporter, message: Mail.Options): Promise<{ status: 'sent' | 'bounced' | 'failed' | 'uncertain'; error?: string }> {
  const { eml, envelope } = await composeMessage(message);
  let handedOver = false;
  const raw = new Readable({
    read() {
      handedOver = true;
      this.push(eml);
      this.push(null);
    },
  });
  try {
    await transport.sendMail({ envelope, raw });
    return { status: 'sent' };
  } catch (thrown) {
    const error = thrown as Error & { responseCode?: number; command?: string };
    const reason = error.message.split('\n')[0] ?? String(error);
    // A 5xx to this recipient or to this message is the server's last word; 5xx to MAIL FROM or AUTH is the sender's set-up.
    if (typeof error.responseCode === 'number' && error.responseCode >= 500 && (error.command === 'RCPT TO' || error.command === 'DATA')) return { status: 'bounced', error: reason };
    if (error.responseCode === undefined && handedOver) return { status: 'uncertain', error: reason };
    return { status: 'failed', error: reason };
  }
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

async function sendProofs(parts: DigestParts, settings: Settings, dkim: DkimSigner | undefined, smtp: SMTPTransport.Options, options: SendOptions, result: SendResult): Promise<SendResult> {
  const transport = nodemailer.createTransport(smtp);
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
