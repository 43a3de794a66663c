import { parse } from 'csv-parse/sync';
import { TriptyqueError } from '../errors';
import { readRegularFile } from '../files/regular-file';
import { operations } from '../messages/operations';
import type { Recipient } from '../targets/digest/digest-eml';

export type { Recipient };

/** A recipient left out, and why, where the list says it. */
export interface SkippedRecipient {
  where: string;
  reason: string;
}

export interface RecipientList {
  recipients: Recipient[];
  skipped: SkippedRecipient[];
}

/** Plain address check: the SMTP server has the last word, this catches typos before sending starts. */
const EMAIL = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;
/** CR, LF and the other control characters: in a header they would start a header of their own. */
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/u;
/** What a spreadsheet writes in an `unsubscribed` column for someone who left the list. */
const YES = new Set(['1', 'x', 'y', 'yes', 'true', 'oui', 'o', 'vrai']);

/** Addresses given with `--to`. */
export function recipientsFromArgs(addresses: readonly string[]): RecipientList {
  return checkRecipients(addresses.map((email, index) => ({ recipient: { email: email.trim() }, where: `--to #${index + 1}` })));
}

/**
 * A CSV with an `email` column, an optional `name` one (the To header's display name) and an
 * optional `unsubscribed` one. The separator is the header line's: a comma, a semicolon (Excel in
 * French) or a tab (Excel's "Unicode text"), so `Dupont, Marie` in a semicolon file is one name.
 */
export async function readRecipientsCsv(path: string): Promise<RecipientList> {
  let rows: { record: Record<string, string>; raw: string }[];
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_LIST_BYTES);
  } catch (error) {
    throw new TriptyqueError('USAGE', (error as Error).message, { cause: error });
  }
  const text = decodeList(bytes);
  const separator = headerSeparator(text);
  try {
    rows = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      bom: true,
      delimiter: separator,
      skip_empty_lines: true,
      trim: true,
      raw: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new TriptyqueError('USAGE', operations.recipientsUnreadable(path, line, SEPARATOR_NAMES[separator], (error as Error).message.replace(/^Invalid Record Length: /, '')), { cause: error });
  }
  if (rows.length > 0 && !('email' in rows[0]!.record)) throw new TriptyqueError('USAGE', operations.recipientsNoEmail(path, SEPARATOR_NAMES[separator], Object.keys(rows[0]!.record)));
  const skipped: SkippedRecipient[] = [];
  const entries: { recipient: Recipient; where: string }[] = [];
  // Lines as an editor counts them (CRLF is one break), past skipped blank lines and quoted fields that span lines.
  let line = 2;
  for (const { record, raw } of rows) {
    const where = `${path}:${line + lineBreaks(/^(?:[ \t]*(?:\r\n|\r|\n))*/.exec(raw)![0])}`;
    line += lineBreaks(raw);
    if (YES.has((record['unsubscribed'] ?? '').toLowerCase())) {
      skipped.push({ where, reason: `${JSON.stringify(record['email'] ?? '')} unsubscribed` });
      continue;
    }
    entries.push({ recipient: { email: record['email'] ?? '', ...(record['name'] ? { name: record['name'] } : {}) }, where });
  }
  const checked = checkRecipients(entries);
  return { recipients: checked.recipients, skipped: [...skipped, ...checked.skipped].sort((a, b) => lineOf(a.where) - lineOf(b.where)) };
}

/** Excel's "Unicode text" is UTF-16 (little-endian, with its byte-order mark); every other export UTF-8. */
function decodeList(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** A list larger than this is not a mailing list one sends from a laptop. */
const MAX_LIST_BYTES = 50 * 1024 * 1024;

const SEPARATORS = [',', ';', '\t'] as const;
type Separator = (typeof SEPARATORS)[number];
const SEPARATOR_NAMES: Record<Separator, 'comma' | 'semicolon' | 'tab'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * The separator of the header line: the one that makes an `email` column of it, else the one it
 * holds most of (outside quotes); a comma when it holds none (a single column).
 */
function headerSeparator(text: string): Separator {
  const header = /^[^\r\n]*/.exec(text.replace(/^(?:[ \t]*\r?\n)+/, ''))![0];
  const unquoted = header.replace(/"[^"]*"/g, '""');
  const columns = (separator: Separator) => unquoted.split(separator).map((name) => name.replace(/"/g, '').trim().toLowerCase());
  const withEmail = SEPARATORS.filter((separator) => columns(separator).includes('email'));
  const candidates = withEmail.length > 0 ? withEmail : SEPARATORS;
  return [...candidates].sort((a, b) => columns(b).length - columns(a).length)[0]!;
}

/** Leaves out malformed addresses, header-injection attempts and repeats (the first one stays). */
function checkRecipients(entries: { recipient: Recipient; where: string }[]): RecipientList {
  const seen = new Map<string, string>();
  const recipients: Recipient[] = [];
  const skipped: SkippedRecipient[] = [];
  for (const { recipient, where } of entries) {
    const shown = JSON.stringify(recipient.email);
    if (CONTROL.test(recipient.email) || (recipient.name !== undefined && CONTROL.test(recipient.name))) {
      skipped.push({ where, reason: `${shown}: a line break or control character (a header-injection attempt)` });
    } else if (!EMAIL.test(recipient.email)) {
      skipped.push({ where, reason: `${shown}: not an email address` });
    } else if (seen.has(recipientKey(recipient))) {
      skipped.push({ where, reason: `${shown}: already listed at ${seen.get(recipientKey(recipient))}` });
    } else {
      seen.set(recipientKey(recipient), where);
      recipients.push(recipient);
    }
  }
  return { recipients, skipped };
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function lineOf(where: string): number {
  return Number(/:(\d+)$/.exec(where)?.[1] ?? 0);
}

/** One person, however the address is capitalised. */
export function recipientKey(recipient: Recipient): string {
  return recipient.email.toLowerCase();
}
