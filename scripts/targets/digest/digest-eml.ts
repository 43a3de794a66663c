import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import qp from 'nodemailer/lib/qp/index.js';
import type { Settings } from '../../config/schema';
import { messages } from '../../messages/messages';
import { GREETING_CLASS } from './digest-html';
import type { DkimSigner } from './dkim';

/** The two bodies of the digest, as built. */
export interface DigestParts {
  subject: string;
  html: string;
  text: string;
}

export interface Recipient {
  email: string;
  name?: string;
}

/** Stands for the recipient's address in the unsubscribe URL until a message is addressed. */
export const EMAIL_PLACEHOLDER = '{email}';

/** Same digest, same id: the send log keys on it, so a changed digest is a new campaign. */
export function campaignId(parts: DigestParts): string {
  return createHash('sha256').update(parts.subject).update('\0').update(parts.html).update('\0').update(parts.text).digest('hex').slice(0, 16);
}

/** SOURCE_DATE_EPOCH fixes the Date header so two builds give the same .eml. */
export function messageDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/**
 * The message nodemailer writes or sends: multipart/alternative (text, then HTML), UTF-8,
 * quoted-printable, List headers from configuration. Without a recipient it is the edition as
 * built, addressed to undisclosed recipients. Boundaries and Message-ID derive from the campaign,
 * so nothing in it is random; a DKIM signature, when a signer is given, is deterministic too.
 */
export function digestMessage(
  parts: DigestParts,
  digest: Settings['digest'],
  options: { recipient?: Recipient; date: Date; dkim?: DkimSigner; /** Inline images the HTML refers to by `cid:`. */ attachments?: Mail.Attachment[] },
): Mail.Options {
  const campaign = campaignId(parts);
  const { recipient } = options;
  const unsubscribe = digest.unsubscribeUrl && unsubscribeFor(digest.unsubscribeUrl, recipient);
  const greeted = recipient ? greetRecipient(parts, recipient.name) : parts;
  const personal = (body: string) => (digest.unsubscribeUrl && recipient ? personalise(body, digest.unsubscribeUrl, recipient.email) : body);
  const headers: Record<string, string> = {};
  if (digest.listId) headers['List-Id'] = digest.listId;
  if (unsubscribe) {
    headers['List-Unsubscribe'] = `<${unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  if (!recipient) headers['To'] = 'undisclosed-recipients:;';
  const recipientKey = recipient ? createHash('sha256').update(recipient.email.toLowerCase()).digest('hex').slice(0, 12) : 'edition';
  // `baseBoundary` is a MailComposer option the typings leave out.
  const message: Mail.Options & { baseBoundary: string } = {
    from: digest.from,
    ...(recipient ? { to: recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email } : {}),
    ...(digest.replyTo ? { replyTo: digest.replyTo } : {}),
    subject: parts.subject,
    date: options.date,
    messageId: `<${campaign}.${recipientKey}@${senderDomain(digest.from)}>`,
    // Lines end in CRLF, as on the wire: nodemailer's quoted-printable keeps a bare LF, which the
    // budget would not count and a strict server (Postfix's smtpd_forbid_bare_newline) refuses.
    text: crlf(personal(greeted.text)),
    html: crlf(personal(greeted.html)),
    ...(options.attachments?.length ? { attachments: options.attachments } : {}),
    textEncoding: 'quoted-printable',
    baseBoundary: campaign,
    headers,
    ...(options.dkim ? { dkim: options.dkim.options } : {}),
  };
  return message;
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** The message as an .eml file, written by nodemailer without sending anything. */
export async function composeEml(message: Mail.Options): Promise<Buffer> {
  return (await composeMessage(message)).eml;
}

/** The message as it will travel, with the envelope nodemailer derives from its headers. */
export async function composeMessage(message: Mail.Options): Promise<{ eml: Buffer; envelope: { from: string; to: string[] } }> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  // The stream transport needs an envelope recipient even though nothing is delivered.
  const envelope = { from: message.from as string, to: message.to ? undefined : 'undisclosed-recipients@invalid' };
  const info = await transport.sendMail(envelope.to ? { ...message, envelope: { from: envelope.from, to: envelope.to } } : message);
  return { eml: info.message as Buffer, envelope: { from: info.envelope.from || '', to: info.envelope.to } };
}

/** Bytes of the HTML part's body as it travels (encoded), the size Gmail's clipping counts. */
export function encodedHtmlBytes(eml: Buffer): number {
  const source = eml.toString('latin1');
  const boundaries = [...source.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((match) => match[1]!);
  if (boundaries.length === 0) throw new Error('the digest message has no multipart boundary');
  // The HTML part sits in multipart/alternative, or one level down in multipart/related with inline images.
  for (const boundary of boundaries) {
    for (const part of source.split(`--${boundary}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split >= 0 && /^content-type:\s*text\/html/im.test(part.slice(0, split))) return Buffer.byteLength(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1');
    }
  }
  throw new Error('the digest message has no HTML part');
}

/**
 * Names longer than this are greeted as everyone is (the To header still carries them): the
 * build keeps room in the size budget for a greeting up to this length (`greetingReserveBytes`).
 */
export const MAX_GREETING_NAME = 80;

const GREETING_LINE = new RegExp(`(<p class="${GREETING_CLASS}"[^>]*>)[^<]*(</p>)`);

/** The greeting a recipient gets in a digest in `lang`: by name when the list gives one. */
export function greetingFor(lang: string, recipient: Recipient | undefined): string {
  const name = recipient?.name?.replace(/\s+/g, ' ').trim();
  return messages(lang).digestGreeting(name && [...name].length <= MAX_GREETING_NAME ? name : undefined);
}

/** The digest's language, as its HTML declares it. */
function digestLang(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'en';
}

/**
 * The built digest greets no one in particular; this puts the greeting for `name` in its place,
 * in the HTML's greeting line (escaped) and in the text part's first line that says it.
 */
export function greetRecipient(parts: Pick<DigestParts, 'html' | 'text'>, name: string | undefined): { html: string; text: string } {
  const lang = digestLang(parts.html);
  const generic = messages(lang).digestGreeting();
  const greeting = greetingFor(lang, { email: '', name });
  if (greeting === generic) return parts;
  // Replacement functions, so that a `$` in a name is only a character.
  return {
    html: parts.html.replace(GREETING_LINE, (_, open: string, close: string) => `${open}${escapeHtml(greeting)}${close}`),
    text: parts.text.replace(new RegExp(`^${generic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), () => greeting),
  };
}

/** One quoted-printable line of 76 characters and its soft break: where the greeting falls in its line shifts the breaks after it. */
const QP_LINE = 79;

/**
 * The most a recipient's greeting can add to the encoded HTML part: a name of
 * `MAX_GREETING_NAME` four-byte characters (the heaviest once quoted-printable), measured with
 * nodemailer's own encoder, and a line for the breaks it moves. The build fits the edition to the
 * budget less this.
 */
export function greetingReserveBytes(lang: string): number {
  const words = messages(lang);
  const encoded = (value: string) => qp.wrap(qp.encode(escapeHtml(value)), 76).length;
  return encoded(words.digestGreeting('\u{1F600}'.repeat(MAX_GREETING_NAME))) - encoded(words.digestGreeting()) + QP_LINE;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unsubscribeFor(template: string, recipient: Recipient | undefined): string {
  return recipient ? template.replaceAll(EMAIL_PLACEHOLDER, encodeURIComponent(recipient.email)) : template;
}

/** Puts the recipient's address into the unsubscribe link of a body (HTML attributes escape `&`). */
export function personalise(body: string, template: string, email: string): string {
  let result = body;
  for (const variant of new Set([template, template.replaceAll('&', '&amp;')])) {
    result = result.replaceAll(variant, variant.replaceAll(EMAIL_PLACEHOLDER, encodeURIComponent(email)));
  }
  return result;
}

export function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}
