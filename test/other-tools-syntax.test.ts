import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { settingsSchema } from '../scripts/config/schema';
import { build } from '../scripts/core/build';
import { publicationText } from '../scripts/model/plain-text';
import { loadSource } from '../scripts/source/load-source';
import { PACKAGE_ROOT } from '../scripts/paths';
import { comparableText, pdfPageTexts } from '../scripts/targets/brochure/pdf-text';
import { tempDir } from './helpers';

/**
 * Documents written for pandoc and Quarto, and for Docusaurus (MDX), with every construct of
 * theirs Triptyque reads: what the PDFs print is their text, never their syntax.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures', 'dialects');
const SYNTAX = [':::', '{#', '{.', '+---', '+===', '[[', ']]', '%%', 'import ', 'export ', '[!', '#|', '{r}', '{python}', '<Tabs', '<TabItem', '<Diagramme'];

/** What the reader must find, as the source writes it (titles, text in containers, cells, terms, tab labels). */
const WORDS: Record<string, string[]> = {
  'guide-pandoc.md': [
    'Travailler ensemble',
    'Ce guide rassemble les usages des réseaux régionaux.',
    'Les réunions ont lieu chaque trimestre.',
    'Avant la réunion',
    'Envoyez l’ordre du jour une semaine avant.',
    'Astuce des animateurs',
    'Commencez par un tour de table.',
    'Colonne gauche du tableau de bord.',
    'Colonne droite du tableau de bord.',
    'Maillage',
    'Ensemble des liens entre partenaires.',
    'Les partenaires',
    'Partenaire',
    'Rôle',
    'Finance les actions',
    'de formation',
    'Missions',
    'Accueillent les jeunes',
    'Répartition des rôles',
    'Animateur',
    'Personne qui conduit la réunion.',
    'Relais',
    'Il transmet aussi les questions.',
    'Charte des réseaux',
    'l’annuaire régional',
    'Pour aller plus loin',
    'Lisez le rapport annuel.',
    'Les données personnelles restent confidentielles.',
    'total = 12 + 30',
  ],
  'page-docusaurus.mdx': [
    'Installation',
    'Suivez ces étapes sur votre poste.',
    'Prérequis',
    'Un poste récent suffit.',
    'Attention aux droits',
    'Demandez un accès administrateur.',
    'Windows',
    'Lancez l’installeur fourni.',
    'Linux',
    'Utilisez le paquet de votre distribution.',
    'Vérifier',
    'Ouvrez l’outil et vérifiez la version affichée.',
  ],
};
const HIDDEN = ['note privée', 'plot(reseaux)', '@theme'];

/** Real documents (corpus/dialects/SOURCES.md): phrases a reader must find, as the source writes them. */
const REAL = join(import.meta.dirname, 'corpus', 'dialects');
const REAL_WORDS: Record<string, string[]> = {
  'clim-recal-setup-instructions.md': [
    'There are several different ways to install',
    'There are cases where',
    'again works.',
    'Once conda-lock is installed',
    'It can take some time to build',
  ],
};

/** Real documents built elsewhere (images outside their folder stop a build): read into the model here. */
const REAL_READ: Record<string, string[]> = {
  'scintigraphy-docs-intro.md': ['remarque', 'astuce', 'Utiliser les onglets dans les admonitions', 'Apple Ceci est une pomme', 'Banana Ceci est une banane', 'Hello world'],
};

const browser = new BrowserService();
afterAll(() => browser.close());

const flat = (text: string) => comparableText(text.replace(/[’']/gu, '’'));

/** The text of the editable PPTX's slides, run after run. */
async function pptxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/u.test(name));
  const xml = await Promise.all(slides.map((name) => zip.file(name)!.async('string')));
  return xml.flatMap((slide) => [...slide.matchAll(/<a:t>([^<]*)<\/a:t>/gu)].map((match) => match[1])).join(' ');
}

async function buildAndRead(source: string): Promise<{ brochure: string; deck: string; handout: string; pptx: string; digest: string }> {
  const outDir = tempDir('triptyque-dialect-');
  const built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
  expect(built.files.flatMap((file) => file.messages).filter((message) => message.fatal).map(String)).toEqual([]);
  expect(built.reports[0]!.ok).toBe(true);
  const [folder] = readdirSync(outDir).filter((entry) => !entry.includes('.html'));
  const text = async (file: string) => (await pdfPageTexts(new Uint8Array(readFileSync(join(outDir, folder!, file))))).join('\n');
  return {
    brochure: await text('brochure.pdf'),
    deck: await text('deck.pdf'),
    handout: await text('deck-handout.pdf'),
    pptx: await pptxText(join(outDir, folder!, 'deck.pptx')),
    digest: readFileSync(join(outDir, folder!, 'digest.txt'), 'utf8'),
  };
}

describe.each(Object.keys(REAL_WORDS))('the real document %s', (name) => {
  it('builds; its brochure, deck, PPTX and digest print none of its syntax; the brochure and the handout hold its words', async () => {
    const texts = await buildAndRead(join(REAL, name));
    for (const [target, text] of Object.entries(texts)) expect(SYNTAX.filter((syntax) => text.includes(syntax)), target).toEqual([]);
    // A deck to speak to shows a line of each paragraph: the handout, slides beside their notes, holds them whole.
    for (const target of ['brochure', 'handout'] as const) expect(REAL_WORDS[name]!.filter((words) => !flat(texts[target]).includes(flat(words))), target).toEqual([]);
  }, 300_000);
});

describe.each(Object.keys(REAL_READ))('the real document %s', (name) => {
  it('reads as its text, without its syntax', async () => {
    const { publication } = await loadSource(join(REAL, name), settingsSchema.parse({}));
    const text = publicationText(publication!).replace(/\s+/gu, ' ');
    expect(SYNTAX.filter((syntax) => text.includes(syntax))).toEqual([]);
    expect(REAL_READ[name]!.filter((words) => !text.includes(words))).toEqual([]);
  });
});

describe.each(Object.keys(WORDS))('%s, written for another tool', (name) => {
  it('builds; its brochure and deck print every word and none of the syntax, its PPTX and digest none either', async () => {
    const texts = await buildAndRead(join(FIXTURES, name));
    for (const [target, text] of Object.entries(texts)) {
      expect(SYNTAX.filter((syntax) => text.includes(syntax)), target).toEqual([]);
      expect(HIDDEN.filter((words) => text.includes(words)), target).toEqual([]);
    }
    for (const target of ['brochure', 'deck'] as const) expect(WORDS[name]!.filter((words) => !flat(texts[target]).includes(flat(words))), target).toEqual([]);
  }, 300_000);
});
