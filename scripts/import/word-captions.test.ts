import { writeFileSync } from 'node:fs';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, SimpleField, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importedWordFile } from '../../test/imported-word-file';

/** A 1×1 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** Word's captions as Word writes them: the Caption style, a label and a SEQ field's number; a table's above it, a figure's above and below. */
function caption(label: string, number: string, text: string): Paragraph {
  return new Paragraph({ style: 'Caption', children: [new TextRun(`${label} `), new SimpleField(`SEQ ${label} \\* ARABIC`, number), new TextRun(` ${text}`)] });
}

async function wordFile(path: string): Promise<void> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const picture = () => new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 }, altText: { title: 'Plan', description: 'Plan des salles', name: 'plan' } })] });
  const document = new Document({
    styles: { paragraphStyles: [{ id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', run: { italics: true } }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Les salles', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Les surfaces sont mesurées chaque année.'),
          caption('Tableau', '1', 'Surfaces des salles'),
          new Table({ rows: [new TableRow({ children: [cell('Salle'), cell('Surface')] }), new TableRow({ children: [cell('Reims'), cell('40')] })] }),
          new Paragraph('Le plan suit.'),
          caption('Figure', '1', 'Plan du rez-de-chaussée'),
          picture(),
          new Paragraph('Et le premier étage.'),
          picture(),
          caption('Figure', '2', 'Plan du premier étage'),
          new Paragraph('Fin du relevé.'),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(document));
}

describe('a Word file with captions', () => {
  it('imports a table\'s caption as the table\'s and a figure\'s in italics beside it, with their numbers, none taken for a heading', async () => {
    const { imported, source } = await importedWordFile('salles', wordFile);
    expect(source).toMatch(/^: Tableau 1 Surfaces des salles\n\n\| Salle +\| Surface +\|$/m);
    expect(source).toMatch(/^\*Figure 1 Plan du rez-de-chaussée\*\n\n!\[Plan des salles\]\([^)]+\)$/m);
    expect(source).toMatch(/^!\[Plan des salles\]\([^)]+\)\n\n\*Figure 2 Plan du premier étage\*$/m);
    expect(source).not.toMatch(/^#/m);
    expect(imported.warnings.join('\n')).not.toMatch(/caption/i);
  });
});
