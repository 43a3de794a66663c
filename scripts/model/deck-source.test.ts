import { describe, expect, it } from 'vitest';
import { loadMarkdown, messagesOf, writeSource } from '../../test/helpers';
import { settingsSchema } from '../config/schema';
import { check } from '../core/check';
import { loadSource } from '../source/load-source';
import { PACKAGE_ROOT } from '../paths';
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

/** A deck written for Marp by someone who never wrote `marp: true` (Marp CLI reads any Markdown). */
const UNMARKED = `---
title: Bilan
---

# Bilan

---

## Les chiffres

### **120 stagiaires**

<!-- Plus que prévu. -->

---

![bg](photo.png)
`;

describe('a source read as a deck because the run says so (--as deck, the configuration\'s as: deck)', () => {
  it('is a deck source: its slides are the author\'s, its notes prose, its slide design no structure to repair', async () => {
    const { publication: asDocument } = await loadMarkdown(UNMARKED);
    expect(asDocument?.slides).toBeUndefined();
    const { file, publication } = await loadSource(writeSource(UNMARKED), settingsSchema.parse({ as: 'deck' }));
    expect(publication?.slides?.count).toBe(3);
    expect(file.messages.find((message) => message.ruleId === 'dialect')?.reason).toContain('as a deck, as asked');
    const rules = messagesOf(file);
    expect(rules).toContain('17:1 deck-picture-without-alt');
    expect(rules.filter((rule) => /heading-increment|heading-emphasis|empty-section/.test(rule))).toEqual([]);
  });

  it('wins over what the source and the configuration say of its dialect', async () => {
    const source = writeSource(`---\ndialect: pandoc\n---\n${UNMARKED.replace(/^---\n/, '')}`);
    const asked = await check({ sources: [source], root: PACKAGE_ROOT, as: 'deck' });
    expect(asked.files.at(-1)!.messages.map((message) => message.ruleId)).toContain('deck-picture-without-alt');
    const plain = await check({ sources: [source], root: PACKAGE_ROOT });
    expect(plain.files.at(-1)!.messages.map((message) => message.ruleId)).not.toContain('deck-picture-without-alt');
  });
});

describe('the outline of a deck source: one entry a slide title, none empty', () => {
  const OUTLINE = `---
marp: true
lang: en
---

# Example deck
## A template
### This time in Marp!
#### Zdeněk Kasner

---

# <!-- fit --> The easiest way to host<br />your deck

<div class="columns">

###

![](logo.png)

</div>

---

Only a line of text, no title.
`;

  it('lists the slides’ titles, the title slide’s lines under the cover, a line break as a space, and no empty title', async () => {
    const { publication } = await loadMarkdown(OUTLINE);
    const titles = (sections: readonly Section[]): string[] => sections.flatMap((section) => [section.titleText, ...titles(section.children)]);
    expect(publication?.meta.subtitle).toBe('A template');
    expect(titles(publication!.sections)).toEqual(['The easiest way to host your deck']);
    const body = [text(publication!.sections), ...publication!.preamble.map(blockText)].join('\n');
    for (const words of ['This time in Marp!', 'Zdeněk Kasner', 'Only a line of text, no title.']) expect(body).toContain(words);
    expect(JSON.stringify(publication)).toContain('logo.png');
  });
});
