import { describe, expect, it } from 'vitest';
import { FRONT_MATTER, loadMarkdown } from '../../test/helpers';

describe('reference-style links and images', () => {
  it('become links and images with the URL of their definition, not bracketed text', async () => {
    const { publication } = await loadMarkdown(`${FRONT_MATTER}# Titre\n\nVoir [la doc][doc] et [![CI][ci-badge]][ci].\n\n[doc]: https://example.org/doc "Doc"\n[ci]: https://example.org/ci\n[ci-badge]: https://example.org/ci.svg\n`);
    const paragraph = publication!.sections[0]!.blocks[0]!;
    expect(paragraph.type).toBe('paragraph');
    const children = paragraph.type === 'paragraph' ? paragraph.children : [];
    expect(children.filter((node) => node.type === 'link').map((node) => node.type === 'link' && [node.url, node.title, node.children.map((child) => child.type)])).toEqual([
      ['https://example.org/doc', 'Doc', ['text']],
      ['https://example.org/ci', null, ['image']],
    ]);
    expect(JSON.stringify(children)).not.toMatch(/Reference/);
  });
});
