import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAW_SEED, tempDir } from '../../test/helpers';
import { fixSource } from './fix-source';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'triptyque.mjs');

function triptyque(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The words of a source in order, with the markup the fixes may change set aside. */
function words(text: string): string[] {
  return (text
    .replace(/<sup>(\p{L}+)<\/sup>/gu, '$1')
    .replace(/(\d)(?:ème|e)\b/gu, '$1e')
    .match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word !== 'o' && word !== 'sup');
}

function withoutFrontMatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

describe('check --fix on the raw seed', () => {
  const cwd = tempDir();
  const source = join(cwd, 'synthese-rencontre-2010-05-27.md');
  copyFileSync(RAW_SEED, source);
  const original = readFileSync(RAW_SEED, 'utf8');
  const run = triptyque(['check', '--fix', 'synthese-rencontre-2010-05-27.md'], cwd);
  const fixed = readFileSync(source, 'utf8');

  it('repairs every fault but the interleaved columns, which it reports', () => {
    expect(run.code).toBe(0);
    const counts: Record<string, number> = {};
    for (const [, rule] of run.stderr.matchAll(/ fixed .* ([a-z-]+)$/gm)) counts[rule!] = (counts[rule!] ?? 0) + 1;
    expect(counts).toEqual({ 'missing-metadata': 1, 'emphasis-as-heading': 1, 'heading-emphasis': 2, 'pseudo-bullet': 4, 'raw-html': 3, 'broken-paragraph': 1 });
    const after = triptyque(['check', 'synthese-rencontre-2010-05-27.md'], cwd);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toMatch(/error/);
    expect([...after.stderr.matchAll(/broken-paragraph/g)]).toHaveLength(2);
    expect(fixed).toMatch(/^---\ntitle: Synthèse de la journée du 27.mai 2010\ndate: 2010-05-27\nlang: fr\n---\n/);
    expect(fixed).toContain('\n  - groupement d\'achats national');
    expect(fixed).toContain('au 3e axe');
  });

  it('loses no word, in order, and leaves every line it does not fix as it was', () => {
    expect(words(withoutFrontMatter(fixed))).toEqual(words(original));
    const fixedLines = new Set(withoutFrontMatter(fixed).split('\n'));
    const changed = original.split('\n').filter((line) => !fixedLines.has(line));
    expect(changed.length).toBeLessThanOrEqual(14);
    for (const line of changed) expect(line).toMatch(/^\*\*|\*\*$|^ {2}- o |<sup>|^### \*\*|^\*A partir|^réseau régional|^$/);
  });

  it('changes nothing on a second run', () => {
    expect(triptyque(['check', '--fix', 'synthese-rencontre-2010-05-27.md'], cwd).stderr).not.toMatch(/ fixed /);
    expect(readFileSync(source, 'utf8')).toBe(fixed);
  });

  it('with --dry-run prints a unified diff and writes nothing', () => {
    const dir = tempDir();
    const path = join(dir, 'essai.md');
    writeFileSync(path, '# Essai\n\nUn caf&eacute; &amp; des id&#233;es.\n\n#### Trop bas\n\nTexte.\n');
    const before = readFileSync(path, 'utf8');
    const dry = triptyque(['check', '--fix', '--dry-run', 'essai.md'], dir);
    expect(dry.stdout).toContain('-Un caf&eacute; &amp; des id&#233;es.\n+Un café &amp; des idées.');
    expect(dry.stdout).toContain('+## Trop bas');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('nests Word\'s "o" items of a flat list under the item before them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.md'), '---\ntitle: T\ndate: 2024-01-01\n---\n\n# Un\n\n- premier point\n- o sous-point un\n- o sous-point deux\n- second point\n');
    triptyque(['check', '--fix', 'liste.md'], dir);
    expect(readFileSync(join(dir, 'liste.md'), 'utf8')).toContain('- premier point\n  - sous-point un\n  - sous-point deux\n- second point\n');
  });

  it('has a help text', () => {
    expect(triptyque(['check', '--help'], tempDir()).stdout).toContain('--dry-run');
  });
});

describe('check --fix on italic paragraphs', () => {
  const HEAD = '---\ntitle: T\ndate: 2024-01-01\n---\n\n# Un\n\n## Deux\n\nUn premier paragraphe de texte ordinaire.\n\n';
  const fix = async (body: string) => (await fixSource(HEAD + body, 'essai.md')).text.slice(HEAD.length);

  it('makes a short italic line standing before the text a heading, one level below the one before', async () => {
    expect(await fix('*Les moyens partagés*\n\nLe réseau met en commun ses outils.\n')).toBe('### Les moyens partagés\n\nLe réseau met en commun ses outils.\n');
    expect(await fix('_Atelier 2 : les missions_\n\n- accueillir\n- orienter\n')).toBe('### Atelier 2 : les missions\n\n- accueillir\n- orienter\n');
  });

  it('leaves italic quotes, captions, asides and italics inside a sentence as they are', async () => {
    const kept = [
      // A quote: a sentence, with its final point.
      '*Le réseau, c\'est une logique positive.*\n\nLa suite du texte ordinaire.\n',
      // A question or an exclamation in italics.
      '*Pourquoi pas nous ?*\n\nLa suite du texte ordinaire.\n',
      // A run of italic paragraphs (the seed's quotes and their introduction).
      '*Quelques citations sur les attentes*\n\n*Quand on parle de réseau, on est dans le plus.*\n\nLa suite.\n',
      // The italic line before another italic paragraph or at the end of the document.
      '*Une remarque en passant*\n',
      // A caption under a picture or a table.
      '![Carte](carte.png)\n\n*Carte des sites en région*\n\nLa suite du texte ordinaire.\n',
      // What a paragraph ending in a colon announces.
      'Comme le disait un participant :\n\n*Ensemble plus loin*\n\nLa suite du texte ordinaire.\n',
      // Italics inside a paragraph, a long italic line, one starting in lower case, in guillemets, over two lines.
      '*Une phrase en italique* suivie de texte droit.\n\nLa suite.\n',
      `*${'Une très longue ligne en italique qui dépasse nettement la longueur d\'un titre '.repeat(2)}*\n\nLa suite.\n`,
      '*voir plus haut*\n\nLa suite du texte ordinaire.\n',
      '*« Ensemble plus loin »*\n\nLa suite du texte ordinaire.\n',
      '*Ensemble\nplus loin*\n\nLa suite du texte ordinaire.\n',
    ];
    for (const body of kept) expect(await fix(body)).toBe(body);
  });
});
