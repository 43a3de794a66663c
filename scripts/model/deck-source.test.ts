import { describe, expect, it } from 'vitest';
import { loadMarkdown, messagesOf } from '../../test/helpers';
import { settingsSchema } from '../config/schema';
import { blockText } from './plain-text';
import type { Section } from './types';

const DECK = `---
marp: true
theme: gaia
paginate: true
header: Rencontre 2024
footer: GIP ARIFOR
headingDivider: 2
backgroundColor: '#fff'
---

<!-- _class: lead -->

# Bilan de l'année

### Ce que nous avons appris

Marie Dupont

## Les chiffres

![bg right:40% Carte des antennes](carte.png)
![bg opacity:0.1](logo.png)

- 120 stagiaires
- 12 formations

<!-- Nous avons accueilli plus de stagiaires que prévu, surtout au printemps. -->

## Les projets

![bg opacity:0.1](logo.png)

<style scoped>h2 { color: red; }</style>

Un nouveau site. <!-- Il ouvre en mars. -->

---

![bg opacity:0.1](logo.png)
![bg](photo.png)
`;

const text = (sections: readonly Section[]): string => sections.map((section) => [section.titleText, ...section.blocks.map(blockText), text(section.children)].join('\n')).join('\n');

describe('a Marp deck source, read for the brochure and the digest', () => {
  it('takes its title slide for the cover and its slide titles for the sections, Marp keys for Marp', async () => {
    const { file, publication, settings } = await loadMarkdown(DECK);
    expect(publication?.meta.title).toBe('Bilan de l’année');
    expect(publication?.meta.subtitle).toBe('Ce que nous avons appris');
    expect(publication?.sections.map((section) => section.titleText)).toEqual(['Les chiffres', 'Les projets']);
    // Marp's `theme: gaia` is not a Triptyque theme: the configuration's stays.
    expect(settings?.theme).toBe(settingsSchema.parse({}).theme);
    expect(publication?.slides?.theme).toEqual({ name: 'gaia', line: 3 });
    expect(publication?.slides?.count).toBe(4);
    expect(messagesOf(file).filter((message) => /front-matter|raw-html/.test(message))).toEqual([]);
  });

  it('keeps the slides’ words and notes as prose, a picture with content as a figure, and no Marp syntax', async () => {
    const { publication } = await loadMarkdown(DECK);
    const body = text(publication!.sections).replace(/[\u00a0\u202f]/g, ' ');
    expect(body).toContain('120 stagiaires');
    expect(body).toContain('Nous avons accueilli plus de stagiaires que prévu');
    expect(body).toContain('Il ouvre en mars');
    expect(body).toContain('Carte des antennes');
    expect(body).not.toMatch(/bg|opacity|right:40%|<!--|<style|Rencontre 2024|GIP ARIFOR/);
    const images = JSON.stringify(publication!.sections).match(/"url":"[^"]+"/g);
    // The logo on most slides is the deck's dress; the map and the photo carry content.
    expect(images).toEqual(['"url":"carte.png"', '"url":"photo.png"']);
  });

  it('says which slide is only a picture without alt text', async () => {
    const { file } = await loadMarkdown(DECK);
    expect(messagesOf(file)).toContain('40:1 deck-picture-without-alt');
  });
});
