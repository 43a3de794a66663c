import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
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

const browser = new BrowserService();
afterAll(() => browser.close());

const flat = (text: string) => comparableText(text.replace(/[’']/gu, '’'));

describe.each(Object.keys(WORDS))('%s, written for another tool', (name) => {
  const outDir = tempDir('triptyque-dialect-');

  it('builds; its brochure and deck print every word and none of the syntax, its digest none either', async () => {
    const built = await build({ sources: [join(FIXTURES, name)], root: PACKAGE_ROOT, outDir, browser });
    expect(built.files.flatMap((file) => file.messages).filter((message) => message.fatal).map(String)).toEqual([]);
    expect(built.reports[0]!.ok).toBe(true);
    const [folder] = readdirSync(outDir).filter((entry) => !entry.includes('.html'));
    const text = async (file: string) => (await pdfPageTexts(new Uint8Array(readFileSync(join(outDir, folder!, file))))).join('\n');
    const digest = readFileSync(join(outDir, folder!, 'digest.txt'), 'utf8');
    const pdfs = { brochure: await text('brochure.pdf'), deck: await text('deck.pdf') };
    for (const [target, pdf] of Object.entries({ ...pdfs, digest })) {
      expect(SYNTAX.filter((syntax) => pdf.includes(syntax)), target).toEqual([]);
      expect(HIDDEN.filter((words) => pdf.includes(words)), target).toEqual([]);
    }
    const brochure = flat(pdfs.brochure);
    expect(WORDS[name]!.filter((words) => !brochure.includes(flat(words)))).toEqual([]);
    const deck = flat(pdfs.deck);
    expect(WORDS[name]!.filter((words) => !deck.includes(flat(words)))).toEqual([]);
  }, 300_000);
});
