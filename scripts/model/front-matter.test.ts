import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../config/schema';
import { loadSource } from '../source/load-source';
import { loadMarkdown, messagesOf, writeSource } from '../../test/helpers';

describe('front matter from anywhere, or none', () => {
  it('builds a source with no front matter, titled by its first heading, undated, with one warning', async () => {
    const { file, publication } = await loadMarkdown('# Release notes\n\nSome text.\n\n## Details\n\nMore text.\n');
    expect(messagesOf(file)).toEqual(['1:1 missing-metadata']);
    expect(String(file.messages[0]!.reason)).toContain('"Release notes"');
    expect(publication?.meta.title).toBe('Release notes');
    expect(publication?.meta.date).toBeUndefined();
  });

  it('titles a README that opens with its name as an HTML heading (a logo) by that name, not by the next heading', async () => {
    const { publication } = await loadMarkdown('<h1 align="center">\n  <img src="https://example.org/logo.svg" alt="vfile" />\n</h1>\n\nA small library.\n\n## Contents\n\n* [Use](#use)\n');
    expect(publication?.meta.title).toBe('vfile');
  });

  it('dates a source without front matter from a YYYY-MM-DD- file-name prefix, and titles it by the file name when it has no heading', async () => {
    const path = writeSource('Just a paragraph.\n', '2017-03-20-board_minutes.md');
    const { file, publication } = await loadSource(path, settingsSchema.parse({}));
    expect(file.messages.some((message) => message.fatal)).toBe(false);
    expect(publication?.meta).toMatchObject({ title: 'Board minutes', date: '2017-03-20' });
  });

  it('accepts a Hugo front matter: date-time, draft, tags, categories, an empty description', async () => {
    const { file, publication } = await loadMarkdown(
      '---\ntitle: "Minutes"\ndate: 2017-03-20T17:51:00\ndraft: false\ntags: [a, b]\ncategories:\n  - reunions\ndescription: ""\nauthor: [Ann, Bob]\n---\n\n# Un\n\nTexte.\n',
    );
    expect(file.messages.filter((message) => message.fatal !== null && message.fatal !== undefined).map(String)).toEqual([]);
    expect(messagesOf(file)).toEqual(['2:1 front-matter-ignored']);
    expect(publication?.meta).toMatchObject({ title: 'Minutes', date: '2017-03-20', author: 'Ann, Bob' });
    expect(publication?.meta.description).toBeUndefined();
  });

  it.each([
    ['2017-03-20 17:51:00 +0100', '2017-03-20'],
    ['2017-03-20T17:51:00+02:00', '2017-03-20'],
    ['2017-03-20T17:51:00Z', '2017-03-20'],
    ['2017-03-20', '2017-03-20'],
  ])('reads the date %s as the day %s', async (written, day) => {
    const { publication } = await loadMarkdown(`---\ntitle: Essai\ndate: ${written}\n---\n\n# Un\n\nTexte.\n`);
    expect(publication?.meta.date).toBe(day);
  });

  it('reads a TOML front matter', async () => {
    const { file, publication } = await loadMarkdown('+++\ntitle = "Notes"\ndate = 2020-01-02T10:00:00Z\nlang = "en"\ntags = ["x"]\n+++\n\n# One\n\nText.\n');
    expect(file.messages.filter((message) => message.fatal).map(String)).toEqual([]);
    expect(publication?.meta).toMatchObject({ title: 'Notes', date: '2020-01-02', lang: 'en' });
  });

  it('refuses a broken TOML front matter with one located error', async () => {
    const { file, publication } = await loadMarkdown('+++\ntitle = "Notes\n+++\n\n# One\n');
    expect(publication).toBeUndefined();
    expect(messagesOf(file).filter((line) => line.endsWith('error'))).toEqual([expect.stringMatching(/^2:\d+ front-matter-toml error$/)]);
  });

  it('keeps a wrong type on a key Triptyque uses a located error', async () => {
    const { file, publication } = await loadMarkdown('---\ndate: 2020-01-02\ntitle: [a, b]\n---\n\n# Un\n\nTexte.\n');
    expect(publication).toBeUndefined();
    expect(messagesOf(file)).toEqual(['3:8 front-matter-invalid error']);
  });

  it('keeps the setting overrides of the front matter', async () => {
    const { settings } = await loadMarkdown('---\ntitle: Essai\ndeck: { pace: 150 }\n---\n\n# Un\n\nTexte.\n');
    expect(settings?.deck.pace).toBe(150);
  });
});
