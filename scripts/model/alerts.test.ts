import { describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../test/helpers';
import { blockText } from './plain-text';

describe("GitHub's alerts", () => {
  it('open their quote with a label in the document’s language instead of the [!MARKER]', async () => {
    const { publication } = await loadMarkdown('---\ntitle: T\nlang: en\n---\n\n# Part\n\n> [!WARNING]\n> Back up first.\n\n> [!note] Inline form.\n\n> An ordinary quote.\n');
    const quotes = publication!.sections[0]!.blocks;
    expect(quotes.map((block) => blockText(block))).toEqual(['Warning Back up first.', 'Note Inline form.', 'An ordinary quote.']);
    const french = await loadMarkdown('---\ntitle: T\nlang: fr\n---\n\n# Partie\n\n> [!TIP]\n> Un conseil.\n');
    expect(blockText(french.publication!.sections[0]!.blocks[0]!)).toBe('Conseil Un conseil.');
  });
});
