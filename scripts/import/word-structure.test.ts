import { writeFileSync } from 'node:fs';
import { AlignmentType, Bookmark, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, InternalHyperlink, LevelFormat, Packer, PageReference, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importedWordFile } from '../../test/imported-word-file';

/** A Word file with what Word puts in real documents: a contents field, bookmarks and cross-references, revisions, scripts, numbering. */
async function wordFile(path: string): Promise<void> {
  const document = new Document({
    features: { updateFields: true },
    numbering: {
      config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, start: 3 }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Réunion des partenaires', heading: HeadingLevel.TITLE }),
          new TableOfContents('Table des matières', { hyperlink: true, headingStyleRange: '1-3' }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new Bookmark({ id: '_Toc1', children: [new TextRun('Les surfaces mesurées')] })] }),
          new Paragraph({ children: [new TextRun('La salle fait 40 m'), new TextRun({ text: '2', superScript: true }), new TextRun(' au 3'), new TextRun({ text: 'e', superScript: true }), new TextRun(' étage, l’eau est H'), new TextRun({ text: '2', subScript: true }), new TextRun('O.')] }),
          new Paragraph({ children: [new TextRun('Le texte '), new InsertedTextRun({ text: 'ajouté ', id: 1, author: 'Relectrice', date: '2024-01-01T00:00:00Z' }), new DeletedTextRun({ text: 'supprimé ', id: 2, author: 'Relectrice', date: '2024-01-01T00:00:00Z' }), new TextRun('reste lisible.')] }),
          new Paragraph({ text: 'Les étapes', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'choisir la salle', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'inviter les partenaires', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ children: [new TextRun('Voir '), new InternalHyperlink({ anchor: '_Toc1', children: [new TextRun('les surfaces')] }), new TextRun(' en page '), new PageReference('_Toc1'), new TextRun('.')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Lieu')] }), new TableCell({ children: [new Paragraph('Notes')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Reims')] }), new TableCell({ children: [new Paragraph('Simple'), new Paragraph('Multiparagraph')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(document));
}

describe('a Word file with fields, bookmarks, revisions and scripts', () => {
  it('imports to a source that builds: contents dropped, anchors and references resolved, revisions accepted, scripts, numbers and cell paragraphs kept', async () => {
    const { imported, source } = await importedWordFile('reunion', wordFile);
    expect(source).toMatch(/^---\ntitle: Réunion des partenaires\n/);
    expect(source).not.toMatch(/Table des matières|(?<!!)\[\]\(|^---\n\{\}/m);
    expect(source).toContain('40 m²');
    expect(source).toContain('H₂O');
    // The French ordinal: one word, which the typography sets in superscript again.
    expect(source).toMatch(/au 3e étage/);
    expect(source).toContain('Le texte ajouté reste lisible.');
    expect(source).not.toContain('supprimé');
    expect(imported.notes.join('\n')).toMatch(/tracked changes/);
    expect(source).toMatch(/^3\. choisir la salle\n4\. inviter les partenaires$/m);
    expect(source).toContain('Voir [les surfaces](#les-surfaces-mesurees) en page [Les surfaces mesurées](#les-surfaces-mesurees).');
    expect(source).toMatch(/\| Simple<br>Multiparagraph +\|/);
  });
});
