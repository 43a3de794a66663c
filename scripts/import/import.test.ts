import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { importDocument, type ImportedDocument } from './import-document';

async function importOrThrow(input: string, output: string): Promise<ImportedDocument> {
  const imported = await importDocument(input, output);
  if ('failure' in imported) throw new Error(imported.failure);
  return imported;
}

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'triptyque.mjs');

function triptyque(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A 1×1 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

async function writeDocx(path: string): Promise<void> {
  const document = new Document({
    title: 'Rencontre des réseaux',
    creator: 'GIP ARIFOR',
    footnotes: { 1: { children: [new Paragraph('Compte rendu établi par les animateurs.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Travailler en réseau', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Les acteurs de la formation se sont réunis pour partager leurs pratiques et leurs outils.'), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: 'Les raisons d’être', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('Le réseau est '), new TextRun({ text: 'indispensable', bold: true }), new TextRun(' selon '), new ExternalHyperlink({ link: 'https://example.org/charte', children: [new TextRun('la charte')] }), new TextRun('.')] }),
          new Paragraph({ text: 'mutualiser les moyens', bullet: { level: 0 } }),
          new Paragraph({ text: 'groupement d’achats', bullet: { level: 1 } }),
          new Paragraph({ text: 'groupement d’employeurs', bullet: { level: 1 } }),
          new Paragraph({ text: 'former les personnels', bullet: { level: 0 } }),
          // A heading faked in italics, as Word users do.
          new Paragraph({ children: [new TextRun({ text: 'Ce que le réseau apporte', italics: true })] }),
          new Paragraph('Il apporte des moyens partagés et une voix commune.'),
          new Paragraph({ text: 'Les chiffres', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Structure')] }), new TableCell({ children: [new Paragraph('Sites')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Coopératives')] }), new TableCell({ children: [new Paragraph('130')] })] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 }, altText: { title: 'Carte', description: 'Carte des sites en région', name: 'carte' } })] }),
          new Paragraph('Les sites sont répartis sur toute la région, du nord au sud.'),
          // A heading faked in bold.
          new Paragraph({ children: [new TextRun({ text: 'Les perspectives', bold: true })] }),
          new Paragraph('Une charte commune sera proposée à la prochaine rencontre.'),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(document));
}

const words = (text: string) => text.match(/[\p{L}\p{N}’']+/gu) ?? [];

describe('triptyque import', () => {
  it('turns a Word document into a source with its headings (styled or faked in italics), nested lists, table, link, footnote and image', async () => {
    const cwd = tempDir();
    await writeDocx(join(cwd, 'rencontre.docx'));
    const result = triptyque(['import', 'rencontre.docx', '-o', 'content/rencontre.md'], cwd);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const source = readFileSync(join(cwd, 'content', 'rencontre.md'), 'utf8');
    expect(source).toMatch(/^---\ntitle: Rencontre des réseaux\nauthor: GIP ARIFOR\ndate: \d{4}-\d{2}-\d{2}\nlang: fr\n---\n/);
    expect(source.match(/^#+ .*$/gm)).toEqual(['# Travailler en réseau', '## Les raisons d’être', '### Ce que le réseau apporte', '## Les chiffres', '### Les perspectives']);
    expect(source).toMatch(/^- mutualiser les moyens\n\n? {2}- groupement d’achats\n {2}- groupement d’employeurs\n\n?- former les personnels$/m);
    expect(source).toMatch(/^\| Structure +\| Sites +\|\n\| -+ \| -+ \|\n\| Coopératives \| 130 +\|$/m);
    expect(source).toContain('**indispensable**');
    expect(source).toContain('[la charte](https://example.org/charte)');
    // Word's footnote: a Markdown footnote, called where Word called it, without mammoth's links.
    expect(source).toContain('partager leurs pratiques et leurs outils.[^1]\n');
    expect(source).toMatch(/\n\[\^1\]: Compte rendu établi par les animateurs\.\n$/);
    expect(source).not.toMatch(/footnote|↑/);
    const image = /!\[Carte des sites en région\]\((rencontre-images\/image-1\.png)\)/.exec(source);
    expect(image).not.toBeNull();
    expect(readFileSync(join(cwd, 'content', image![1]!))).toEqual(PNG);
    for (const word of ['Les', 'acteurs', 'Coopératives', '130', 'répartis', 'sud']) expect(words(source)).toContain(word);
  });

  it('imports a saved web page without its menus and scripts, its notes as footnotes', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'page.html'),
      '<!doctype html><html lang="fr"><head><title>Site</title><style>p{}</style></head><body><nav><a href="/">Accueil</a></nav><main><h1>Le réseau des missions locales</h1><p>Les missions locales auront bientôt trente ans et partagent une culture commune.</p><h2>Les missions</h2><ul><li>accompagner les jeunes<ul><li>de 16 à 25 ans</li></ul></li></ul><p>Elles sont nées en 1982.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p><section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr><ol><li id="fn1"><p>Rapport Schwartz. <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section></main><script>alert(1)</script></body></html>',
    );
    const result = triptyque(['import', 'page.html', '-o', 'reseau.md'], cwd);
    const source = readFileSync(join(cwd, 'reseau.md'), 'utf8');
    expect(source).toContain('title: Le réseau des missions locales');
    expect(source).toContain('## Les missions');
    expect(source).toMatch(/- accompagner les jeunes\n {2}- de 16 à 25 ans/);
    expect(source).not.toMatch(/Accueil|alert/);
    // pandoc's note markup: a Markdown footnote, without the rule and the link back.
    expect(source).toMatch(/Elles sont nées en 1982\.\[\^1\]\n\n\[\^1\]: Rapport Schwartz\.\n$/);
    // A web page gives no date: the source is undated, which publishes.
    expect(source).not.toMatch(/^date:/m);
    expect(result.code).toBe(0);
  });

  it('takes the title and subtitle from a page\'s first lines, and its language from the text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.html'), '<html><body><h1>Working together</h1><p>Why networks matter to training</p><h2>The reasons</h2><p>The partners shared their tools and their practices over the whole day.</p></body></html>');
    const imported = await importOrThrow(join(dir, 'page.html'), join(dir, 'together.md'));
    expect(imported.markdown).toMatch(/^---\ntitle: Working together\nsubtitle: Why networks matter to training\nlang: en\n---\n\n## The reasons\n/);
  });

  it('refuses to overwrite an existing source without --force', async () => {
    const cwd = tempDir();
    await writeDocx(join(cwd, 'rencontre.docx'));
    writeFileSync(join(cwd, 'rencontre.md'), 'à garder\n');
    const refused = triptyque(['import', 'rencontre.docx', '-o', 'rencontre.md'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('triptyque import: rencontre.md already exists; give another -o or add --force to overwrite it.');
    expect(readFileSync(join(cwd, 'rencontre.md'), 'utf8')).toBe('à garder\n');
    expect(triptyque(['import', 'rencontre.docx', '-o', 'rencontre.md', '--force'], cwd).code).toBe(0);
    expect(existsSync(join(cwd, 'rencontre-images', 'image-1.png'))).toBe(true);
  });

  it('has a help text', () => {
    expect(triptyque(['import', '--help'], tempDir())).toMatchObject({ code: 0, stdout: expect.stringContaining('--force') });
  });
});
