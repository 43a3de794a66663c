import { describe, expect, it } from 'vitest';
import { inlineHtml } from './inline-html';

describe('inline content in the digest', () => {
  it('keeps a web image (a badge) by its URL and leaves a local one out', () => {
    const html = inlineHtml([
      { type: 'image', url: 'https://img.shields.io/npm/v/foo.svg', alt: 'npm version' },
      { type: 'text', value: ' texte ' },
      { type: 'image', url: 'photo.png', alt: 'Photo' },
    ]);
    expect(html).toMatch(/<img src="https:\/\/img\.shields\.io\/npm\/v\/foo\.svg" alt="npm version"/);
    expect(html).not.toContain('photo.png');
    expect(html).toContain(' texte ');
  });
});
