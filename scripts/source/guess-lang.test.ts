import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../config/schema';
import { loadSource } from './load-source';

const frenchProject = settingsSchema.parse({ lang: 'fr' });
const dir = mkdtempSync(join(tmpdir(), 'triptyque-lang-'));

async function langOf(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const { publication, file } = await loadSource(path, frenchProject);
  return { lang: publication?.meta.lang, title: publication?.meta.title, notes: file.messages.map((m) => m.ruleId) };
}

describe('a source without lang', () => {
  it('is typeset in the language its prose is written in: an English README in a French project', async () => {
    const readme = readFileSync(new URL('../../node_modules/diff/README.md', import.meta.url), 'utf8');
    const { lang, notes } = await langOf('jsdiff.md', readme);
    expect(lang).toBe('en');
    expect(notes).toContain('lang-guessed');
  });

  it('keeps French for the French seed, and says nothing about it', async () => {
    const seed = readFileSync(new URL('../../test/fixtures/seed/synthese-rencontre-2010-05-27.md', import.meta.url), 'utf8');
    const { lang, notes } = await langOf('seed.md', seed);
    expect(lang).toBe('fr');
    expect(notes).not.toContain('lang-guessed');
  });

  it('keeps the configuration’s language when the text is too short to tell', async () => {
    const { lang, title } = await langOf('short.md', '# Notes\n\nShort: "yes".\n');
    expect(lang).toBe('fr');
    expect(title).toBe('Notes');
  });

  it('tells a short text in a script of its own (Japanese, Arabic) and names it by its usual tag', async () => {
    const japanese = await langOf('ja.md', '# 年次会議の報告\n\nこれは日本語のテスト文書です。句読点や全角文字が正しく表示されることを確認します。\n');
    expect(japanese.lang).toBe('ja');
    const arabic = await langOf('ar.md', '# التقرير السنوي\n\nهذا نص تجريبي باللغة العربية لاختبار اتجاه الكتابة من اليمين إلى اليسار في جميع المنشورات.\n');
    expect(arabic.lang).toBe('ar');
  });

  it('follows its front matter over any guess', async () => {
    const readme = readFileSync(new URL('../../node_modules/diff/README.md', import.meta.url), 'utf8');
    const { lang } = await langOf('declared.md', `---\nlang: de\n---\n${readme}`);
    expect(lang).toBe('de');
  });
});
