import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../config/schema';
import { loadSource } from '../source/load-source';
import { REAL_SOURCE, FRONT_MATTER, loadMarkdown, writeSource } from '../../test/helpers';
import { allSections, blockText, publicationText } from './plain-text';
import type { ListBlock } from './types';

describe('the model of the real synthesis', async () => {
  const { publication, file } = await loadSource(REAL_SOURCE, settingsSchema.parse({}));

  it('parses without errors or warnings', () => {
    expect(file.messages.map(String)).toEqual([]);
    expect(publication).toBeDefined();
  });

  it('takes the metadata from the front matter', () => {
    expect(publication!.meta).toMatchObject({
      title: 'Synthèse de la journée du 27\u00a0mai 2010',
      event: 'Rencontre annuelle du GIP ARIFOR',
      date: '2010-05-27',
      lang: 'fr',
      organisation: 'GIP ARIFOR Champagne-Ardenne',
    });
    expect(publication!.meta.subtitle).toMatch(/^Pourquoi et comment travailler en réseau\u202F\? Quelles réalités en Champagne-Ardenne\u202F\?$/);
  });

  it('nests the sections as parts, themes and testimonies', () => {
    const outline = publication!.sections.map((part) => [part.titleText, part.children.map((theme) => [theme.titleText, theme.children.length])]);
    expect(outline).toEqual([
      ['Extraits de témoignages régionaux', [['Raisons d’être des réseaux', 6], ['Niveaux de territorialisation des réseaux', 6]]],
      ['Réseaux, plus-values et abnégation', []],
    ]);
    const depths = new Set(allSections(publication!.sections).map((section) => `${section.depth}`));
    expect([...depths].sort()).toEqual(['1', '2', '3']);
    expect(new Set(allSections(publication!.sections).map((section) => section.id)).size).toBe(allSections(publication!.sections).length);
  });

  it('makes Word’s "o" sub-bullets a real nested list', () => {
    const pole = allSections(publication!.sections).find((section) => section.titleText.startsWith('Pôle coopération'))!;
    const list = pole.blocks.find((block): block is ListBlock => block.type === 'list')!;
    expect(list.items).toHaveLength(2);
    expect(list.items[1]!.sublist?.items.map((item) => blockText({ type: 'paragraph', children: item.children, targets: [] }).split(' ')[0])).toEqual([
      'groupement',
      'groupement',
      'création',
      'réflexion',
    ]);
  });

  it('restores the reading order of the interleaved columns', () => {
    const text = publicationText(publication!).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(
      'Entrer dans un réseau n’est pas forcément une perte d’identité à partir du moment où l’on sait ce qu’on est prêt à mettre dans le « panier de la mariée », où l’on conserve ses valeurs',
    );
    expect(text).toContain('Avec un peu de recul sur le débat actuel, on entend ici des approches de réseaux essentiellement présentées sous l’angle de services publics sociaux.');
    expect(text).not.toContain('reciprocity');
  });
});

describe('directives keep content to a target', () => {
  it('narrows blocks to the deck, the brochure or the digest, with print and email as aliases', async () => {
    const { publication } = await loadMarkdown(
      `${FRONT_MATTER}# Partie\n\nPour tous.\n\n:::deck\nSur les diapositives.\n:::\n\n:::print\nSur papier.\n:::\n\n:::email\nDans le courriel.\n:::\n`,
    );
    const blocks = publication!.sections[0]!.blocks.map((block) => [blockText(block), block.targets.join(',')]);
    expect(blocks).toEqual([
      ['Pour tous.', 'deck,brochure,digest'],
      ['Sur les diapositives.', 'deck'],
      ['Sur papier.', 'brochure'],
      ['Dans le courriel.', 'digest'],
    ]);
  });

  it('turns :::notes into speaker notes, ::newslide into a break and :::keep into kept blocks', async () => {
    const { publication } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\n:::notes\nÀ dire seulement.\n:::\n\n::newslide\n\n:::keep\nUn long paragraphe gardé.\n:::\n`);
    const [notes, slideBreak, kept] = publication!.sections[0]!.blocks;
    expect(notes).toMatchObject({ type: 'notes', targets: ['deck'] });
    expect(slideBreak).toMatchObject({ type: 'slide-break' });
    expect(kept).toMatchObject({ type: 'paragraph', keep: true });
  });

  it('keeps colons that merely look like directives as the author typed them', async () => {
    const { publication, file } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\nVoir:transnational et ratio 3:2.\n`);
    expect(blockText(publication!.sections[0]!.blocks[0]!)).toContain('Voir:transnational');
    expect(file.messages).toEqual([]);
  });

  it('lifts a lone title heading to the cover, but keeps one that calls a note, with its call', async () => {
    const { publication: plain } = await loadMarkdown(`---\ntitle: Le dormeur du val\n---\n\n# Le dormeur du val\n\nUn soldat jeune.\n`);
    expect(plain!.sections).toEqual([]);
    const { publication: noted } = await loadMarkdown(`---\ntitle: Le dormeur du val\n---\n\n# Le dormeur[^1] du val\n\nUn soldat jeune.\n\n[^1]: Écrit en 1870.\n`);
    expect(noted!.sections.map((section) => section.title.map((node) => node.type))).toEqual([['text', 'footnoteReference', 'text']]);
  });
});

describe('metadata', () => {
  it('defaults organisation, author and language from the configuration', async () => {
    const { publication } = await loadSource(writeSource(`${FRONT_MATTER}# Partie\n\nTexte.\n`), settingsSchema.parse({ organisation: 'GIP ARIFOR Champagne-Ardenne' }));
    expect(publication!.meta).toMatchObject({ lang: 'fr', organisation: 'GIP ARIFOR Champagne-Ardenne', author: 'GIP ARIFOR Champagne-Ardenne' });
  });

  it('names nobody with no configuration: the authors stand on the cover, or nothing is shown', async () => {
    const { publication: anonymous } = await loadMarkdown(`${FRONT_MATTER}# Partie\n\nTexte.\n`);
    expect(anonymous!.meta.organisation).toBeUndefined();
    expect(anonymous!.meta.author).toBeUndefined();
    const { publication: signed } = await loadMarkdown(`---\ntitle: Essai\nauthor: Marie Curie\n---\n\n# Partie\n\nTexte.\n`);
    expect(signed!.meta).toMatchObject({ author: 'Marie Curie', authors: [{ name: 'Marie Curie' }] });
    expect(signed!.meta.organisation).toBeUndefined();
  });

  it('lets the front matter override a setting for one document', async () => {
    const { settings } = await loadMarkdown(`---\ntitle: Essai\ndate: 2024-01-15\ndeck:\n  pace: 150\n---\n\n# Partie\n\nTexte.\n`);
    expect(settings!.deck.pace).toBe(150);
    expect(settings!.deck.minScale).toBe(0.85);
  });
});
