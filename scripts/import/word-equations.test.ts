import { writeFileSync } from 'node:fs';
import { Document, Math as WordMath, MathFraction, MathRun, MathSuperScript, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importedWordFile } from '../../test/imported-word-file';

/** Word's equations (OMML) within sentences, in a table cell with bars, and one no converter reads. */
async function wordFile(path: string): Promise<void> {
  const fraction = new WordMath({ children: [new MathFraction({ numerator: [new MathRun('a')], denominator: [new MathRun('b')] })] });
  const square = new WordMath({ children: [new MathSuperScript({ children: [new MathRun('x')], superScript: [new MathRun('2')] })] });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Calculs', heading: 'Heading1' }),
          new Paragraph({ children: [new TextRun('Le rapport '), fraction, new TextRun(' est constant, et '), square, new TextRun(' croît.')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Mesure')] }), new TableCell({ children: [new Paragraph('Formule')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Écart')] }), new TableCell({ children: [new Paragraph({ children: [new WordMath({ children: [new MathRun('|x−y|')] })] })] })] }),
            ],
          }),
          // Word's linear format left as typed: `_` and `^` with nothing to lower or raise.
          new Paragraph({ children: [new TextRun('Tapée : '), new WordMath({ children: [new MathRun('_^')] }), new TextRun('.')] }),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(document));
}

describe('a Word file with equations', () => {
  it('imports them as TeX math within their lines and cells, keeps the one it cannot read as text with a note, and builds', async () => {
    const { imported, source } = await importedWordFile('calculs', wordFile);
    expect(source).toContain('Le rapport $$\\frac{a}{b}$$ est constant, et $$x^{2}$$ croît.');
    // The bars of an absolute value are not the table's: the row keeps its two cells.
    expect(source).toMatch(/^\| Écart +\| \$\$\\left\\vert x - y\s*\\right\\vert\$\$ +\|$/m);
    expect(source).toContain('Tapée : \\_^.');
    expect(imported.notes.join('\n')).toMatch(/1 equation could not be read as math/);
  });
});
