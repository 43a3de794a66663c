import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { readRecipientsCsv } from './recipients';

function listFile(name: string, content: string | Buffer): string {
  const path = join(tempDir('triptyque-recipients-'), name);
  writeFileSync(path, content);
  return path;
}

describe('recipients: the separator is the header line’s, as Excel writes it (#27.14)', () => {
  it('a French Excel export (semicolons, BOM, CRLF) keeps an unquoted "Dupont, Marie" as one name', async () => {
    const path = listFile('liste.csv', '\uFEFFName;Email;Unsubscribed\r\nDupont, Marie;marie.dupont@example.org;\r\nMartin, Paul;paul@example.org;oui\r\n');
    const list = await readRecipientsCsv(path);
    expect(list.recipients).toEqual([{ email: 'marie.dupont@example.org', name: 'Dupont, Marie' }]);
    expect(list.skipped).toEqual([{ where: `${path}:3`, reason: '"paul@example.org" unsubscribed' }]);
  });

  it('an Excel "Unicode text" export (UTF-16 with tabs) is read, and so is an English comma export with a quoted name', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\temail\r\nÉlise Dupont\telise@example.org\r\n', 'utf16le')]);
    expect((await readRecipientsCsv(listFile('liste.txt', utf16))).recipients).toEqual([{ email: 'elise@example.org', name: 'Élise Dupont' }]);
    const english = await readRecipientsCsv(listFile('list.csv', 'email,name\nann@example.org,"Smith; Ann"\n'));
    expect(english.recipients).toEqual([{ email: 'ann@example.org', name: 'Smith; Ann' }]);
  });

  it('a refused file names the line and the separator it was read with', async () => {
    const path = listFile('liste.csv', 'email;name\nun@example.org;Un\ndeux@example.org;Deux;en trop\n');
    await expect(readRecipientsCsv(path)).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: .*\\(read with a semicolon as the separator, the header line's; quote a field that holds one\\)$`));
    const tabs = listFile('liste.txt', 'nom\tadresse\nUn\tun@example.org\n');
    await expect(readRecipientsCsv(tabs)).rejects.toThrow(`${tabs}:1: no \`email\` column in the header line (read with a tab as the separator: "nom", "adresse")`);
  });
});
