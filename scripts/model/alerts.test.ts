import { describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../test/helpers';
import { blockText } from './plain-text';

describe("GitHub's alerts", () => {
  it('become callouts labelled in the document’s language instead of the [!MARKER]', async () => {
    const { publication } = await loadMarkdown('---\ntitle: T\nlang: en\n---\n\n# Part\n\n> [!WARNING]\n> Back up first.\n\n> [!note] Inline form.\n\n> An ordinary quote.\n');
    const [warning, note, quote] = publication!.sections[0]!.blocks;
    expect(warning).toMatchObject({ type: 'callout', kind: 'warning', label: 'Warning', title: undefined });
    expect(blockText(warning!)).toBe('Back up first.');
    // GitHub reads the rest of the marker's line as the text; Obsidian, as the title.
    expect(note).toMatchObject({ type: 'callout', kind: 'note', title: [{ type: 'text', value: 'Inline form.' }] });
    expect(quote).toMatchObject({ type: 'quote' });
    const french = await loadMarkdown('---\ntitle: T\nlang: fr\n---\n\n# Partie\n\n> [!TIP]\n> Un conseil.\n');
    expect(french.publication!.sections[0]!.blocks[0]).toMatchObject({ type: 'callout', kind: 'tip', label: 'Conseil' });
  });

  it('open their quote with the label when the dialect reads no callouts (commonmark)', async () => {
    const { publication } = await loadMarkdown('---\ntitle: T\nlang: en\ndialect: commonmark\n---\n\n# Part\n\n> [!WARNING]\n> Back up first.\n');
    expect(blockText(publication!.sections[0]!.blocks[0]!)).toBe('Warning Back up first.');
  });
});
