import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../config/schema';
import { loadSource } from '../../source/load-source';
import { inlinePlainText } from './condense-inline';
import { inlineHtml } from './inline-html';
import { buildDigestEdition, type DigestSummary } from './digest-edition';
import { REAL_SOURCE, writeSource } from './test-context';

async function editionOf(path: string, digest: Record<string, unknown> = {}) {
  const { publication, settings } = await loadSource(path, settingsSchema.parse({ digest }));
  return buildDigestEdition(publication!, settings!);
}

const summaries = (edition: Awaited<ReturnType<typeof editionOf>>): DigestSummary[] =>
  edition.groups.flatMap((group) => [...(group.summary ? [group.summary] : []), ...group.items]);

describe('the condensed edition of the real source', () => {
  it('groups the témoignages under their depth-2 headings, the depth-1 title as kicker', async () => {
    const edition = await editionOf(REAL_SOURCE);
    expect(edition.groups.map((group) => [group.kicker, inlinePlainText(group.title), group.items.length])).toEqual([
      ['Extraits de témoignages régionaux', 'Raisons d’être des réseaux', 6],
      ['Extraits de témoignages régionaux', 'Niveaux de territorialisation des réseaux', 6],
      [undefined, 'Réseaux, plus-values et abnégation', 0],
    ]);
    expect(edition.groups[2]!.summary?.lead.length).toBeGreaterThan(0);
    expect(edition.subject).toMatch(/^Synthèse de la journée du 27[ \u00a0]mai 2010 – Rencontre annuelle du GIP ARIFOR$/u);
  });

  it('keeps each lead within leadLength and ending on a whole sentence (or an ellipsis)', async () => {
    for (const leadLength of [120, 320]) {
      const edition = await editionOf(REAL_SOURCE, { leadLength, keyPoints: 2 });
      for (const summary of summaries(edition)) {
        const lead = summary.lead.map(inlinePlainText);
        expect(lead.join(' ').length).toBeLessThanOrEqual(leadLength + 1);
        const last = lead.at(-1) ?? '';
        expect(last, last).toMatch(/([.!?…:»]|[a-z])$/u);
        expect(summary.points.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it('takes the key points from the lists, without their closing semicolons', async () => {
    const edition = await editionOf(REAL_SOURCE);
    const chantier = edition.groups[0]!.items[0]!;
    expect(chantier.points.map(inlinePlainText)[0]).toMatch(/^valoriser la personne accompagnée.*solidaire$/u);
  });
});

describe('what goes into the digest', () => {
  const source = `---
title: Essai
date: 2024-03-01
organisation: Réseau Test
---

Première phrase du préambule. Deuxième phrase.

# Partie

## Groupe

### Élément

Un texte commun. Une suite.

:::brochure
Seulement dans la brochure.
:::

:::digest
Écrit pour la lettre seulement.
:::

<script>alert(1)</script>

- point *un* ;
- point deux ;
`;

  it('skips blocks kept from the digest, includes digest-only ones, drops raw HTML, says where the brochure is', async () => {
    const edition = await editionOf(await writeSource(source));
    const item = edition.groups[0]!.items[0]!;
    const text = JSON.stringify(edition.groups);
    expect(text).not.toContain('Seulement dans la brochure');
    expect(item.lead.map(inlinePlainText)).toEqual(['Écrit pour la lettre seulement.']);
    expect(item.points.map(inlinePlainText)).toEqual(['point un', 'point deux']);
    expect(text).not.toContain('alert');
    expect(edition.droppedHtml).toHaveLength(1);
    expect(edition.introduction.map(inlinePlainText)).toEqual(['Première phrase du préambule. Deuxième phrase.']);
    expect(edition.brochure).toEqual({ url: undefined, organisation: 'Réseau Test' });
  });
});

describe('blocks the digest leaves to the brochure', () => {
  it('leaves out the lead-in of a code block with the code, so no "ESM:" dangles over nothing', async () => {
    const source = await writeSource(
      `---\ntitle: Essai\nlang: en\n---\n\n# Use\n\n## Import\n\nThe package ships two builds. ESM:\n\n\`\`\`js\nimport x from 'x';\n\`\`\`\n\nCommonJS:\n\n\`\`\`js\nconst x = require('x');\n\`\`\`\n\nBoth give the same function. The table lists its options:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA last word: it is fast.\n`,
    );
    const edition = await editionOf(source);
    const text = summaries(edition).flatMap((summary) => [...summary.lead, ...summary.points]).map(inlinePlainText);
    expect(text.join('\n')).not.toMatch(/:\s*$/mu);
    expect(text).toEqual(['The package ships two builds.', 'Both give the same function.', 'A last word: it is fast.']);
  });
});

describe('footnotes', () => {
  it('stay in the brochure: the digest shows neither their numbers nor their text', async () => {
    const path = await writeSource('---\ntitle: Notes\nlang: en\n---\n\n# Part\n\nA claim worth a source[^1] and more words after it.\n\nA second paragraph of the part.\n\n[^1]: The source of the claim, in a note.\n', 'notes.md');
    const edition = await editionOf(path);
    const text = summaries(edition).flatMap((summary) => [...summary.lead.map(inlinePlainText), ...summary.points.map(inlinePlainText)]).join('\n');
    expect(text).toContain('A claim worth a source and more words after it.');
    expect(text).not.toMatch(/source1|\[\^?1\]|The source of the claim/);
  });

  it('called from a heading, leave no number in the digest\'s heading', async () => {
    const path = await writeSource('---\ntitle: Notes\nlang: en\n---\n\n# Part\n\nText of the part.\n\n## Findings[^1]\n\nWhat was found.\n\n[^1]: Found in 2024.\n', 'heading-notes.md');
    const edition = await editionOf(path);
    const titles = edition.groups.flatMap((group) => [inlineHtml(group.title), ...group.items.map((item) => inlineHtml(item.title))]);
    expect(titles).toContain('Findings');
  });
});
