import { describe, expect, it } from 'vitest';
import { blockText } from '../model/plain-text';
import { FRONT_MATTER, loadMarkdown, messagesOf } from '../../test/helpers';

describe('Hugo shortcodes', () => {
  it('a note or warning around text is a callout titled by its first argument; a code wrapper its code; others are left out with a warning naming them', async () => {
    const { publication, file } = await loadMarkdown(
      `${FRONT_MATTER}# Partie\n\n{{% note "Listes imbriquées" %}}\nUtilisez 4 espaces [lien](https://example.org) ici.\n{{% /note %}}\n\n{{< readfile file="/content/x.md" markdown="true" >}}\n\n{{% code file="liste.md" %}}\n\`\`\`markdown\n- [ ] une tâche\n\`\`\`\n{{% /code %}}\n\n{{% warning %}}\n\nAttention.\n\n{{% /warning %}}\n\nVoir {{< ref "page.md" >}} plus loin.\n\n{{< figure src="schema.png" alt="Le schéma" >}}\n`,
    );
    const blocks = publication!.sections[0]!.blocks;
    expect(blocks.map((block) => block.type)).toEqual(['callout', 'code', 'callout', 'paragraph', 'image']);
    expect(blocks[0]).toMatchObject({ kind: 'note', title: [{ value: 'Listes imbriquées' }] });
    expect(blockText(blocks[0]!)).toMatch(/Utilisez 4\s+espaces lien ici\./u);
    expect(blocks[1]).toMatchObject({ value: '- [ ] une tâche' });
    expect(blocks[2]).toMatchObject({ kind: 'warning' });
    expect(blockText(blocks[3]!)).toBe('Voir plus loin.');
    expect(blocks[4]).toMatchObject({ url: 'schema.png', alt: 'Le schéma' });
    expect(JSON.stringify(publication)).not.toMatch(/\{\{[<%]/);
    // One warning per shortcode left out (readfile, ref), the first at its line.
    const warnings = messagesOf(file).filter((message) => message.includes('hugo-shortcode'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe('12:1 hugo-shortcode');
  });
});
