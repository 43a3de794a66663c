import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { TriptyqueError } from '../errors';
import type { Recipient } from '../targets/digest/digest-eml';

export type { Recipient };

/** Plain address check: the SMTP server has the last word, this catches typos before sending starts. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Addresses given with `--to`. */
export function recipientsFromArgs(addresses: readonly string[]): Recipient[] {
  return checkRecipients(addresses.map((email, index) => ({ recipient: { email: email.trim() }, where: `--to #${index + 1}` })));
}

/** A CSV with an `email` column and an optional `name` one; commas or semicolons (as French spreadsheets write). */
export async function readRecipientsCsv(path: string): Promise<Recipient[]> {
  let rows: Record<string, string>[];
  try {
    rows = parse(await readFile(path), { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), bom: true, delimiter: [',', ';'], skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new TriptyqueError('USAGE', `${path}: ${(error as Error).message}`, { cause: error });
  }
  if (rows.length > 0 && !('email' in rows[0]!)) throw new TriptyqueError('USAGE', `${path}: no \`email\` column (columns: ${Object.keys(rows[0]!).join(', ')})`);
  return checkRecipients(
    rows.map((row, index) => ({ recipient: { email: row['email'] ?? '', ...(row['name'] ? { name: row['name'] } : {}) }, where: `${path} line ${index + 2}` })),
  );
}

/** Refuses the whole list when one address is malformed, and keeps the first of duplicates. */
function checkRecipients(entries: { recipient: Recipient; where: string }[]): Recipient[] {
  const invalid = entries.filter(({ recipient }) => !EMAIL.test(recipient.email));
  if (invalid.length > 0) {
    throw new TriptyqueError('USAGE', `not an email address: ${invalid.map(({ recipient, where }) => `"${recipient.email}" (${where})`).join(', ')}`);
  }
  const seen = new Set<string>();
  return entries
    .map(({ recipient }) => recipient)
    .filter((recipient) => {
      const key = recipientKey(recipient);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** One person, however the address is capitalised. */
export function recipientKey(recipient: Recipient): string {
  return recipient.email.toLowerCase();
}
