import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTriptyqueError } from '../../errors';
import type { TargetResult } from '../target';
import { syntheticSource } from '../../../bench/synthetic-source';
import { inlinePlainText } from './condense-inline';
import { buildDigestEdition, type DigestSummary } from './digest-edition';
import { digestTarget } from './render-digest';
import { REAL_SOURCE, digestContext, writeSource } from './test-context';
import { htmlPartBytes } from '../../../test/mime-part';

const EPOCH = 1274918400; // 2010-05-27T00:00:00Z

describe('the digest built from the real source', () => {
  let result: TargetResult;
  let html: string;
  let text: string;
  let mail: ParsedMail;
  let outDir: string;

  beforeAll(async () => {
    process.env['SOURCE_DATE_EPOCH'] = String(EPOCH);
    const context = await digestContext(REAL_SOURCE, { unsubscribeUrl: 'https://arifor.example/desinscription?email={email}&liste=synthese' });
    outDir = context.outDir;
    result = await digestTarget.render(context);
    delete process.env['SOURCE_DATE_EPOCH'];
    html = await readFile(join(outDir, 'digest.html'), 'utf8');
    text = await readFile(join(outDir, 'digest.txt'), 'utf8');
    mail = await simpleParser(await readFile(join(outDir, 'digest.eml')));
  });

  it('writes digest.html, digest.txt and digest.eml and reports the encoded size against the budget', () => {
    expect(result.artifacts.map((artifact) => artifact.name)).toEqual(['digest.html', 'digest.txt', 'digest.eml']);
    expect(result.counts['encodedHtmlBytes']).toBeGreaterThan(Buffer.byteLength(html) * 0.9);
    expect(result.counts['encodedHtmlBytes']).toBeLessThan(result.counts['budgetBytes']!);
    expect(result.counts['items']).toBe(12);
  });

  it('is one email document: lang and dir twice, colour-scheme meta, preheader first, nothing active', () => {
    expect(html).toMatch(/<html lang="fr" dir="ltr">/);
    expect(html).toMatch(/<div class="wrapper" role="main" lang="fr" dir="ltr"/);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/<body[^>]*>\s*<div class="preheader"[^>]*display:\s*none/);
    expect(html).not.toMatch(/<(script|form|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    for (const [, src] of html.matchAll(/<img[^>]+src="([^"]*)"/g)) expect(src).toMatch(/^https:\/\//);
  });

  it('lays out one fluid 600 px column, fixed for Outlook, with styles inlined', () => {
    expect(html).toContain('<!--[if mso]><table role="presentation" width="600"');
    expect(html).toMatch(/class="container"[^>]*style="[^"]*max-width: ?600px/);
    expect(html).toMatch(/<h2 style="[^"]*font-family: 'IBM Plex Sans', Arial/);
    expect(html).toMatch(/<p style="[^"]*color: #1d2733/);
    for (const table of html.match(/<table\b[^>]*>/g) ?? []) expect(table).toContain('role="presentation"');
  });

  it('has a plain-text part of 72 columns, with French spacing, the preheader not repeated', () => {
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(72);
    expect(text).toMatch(/réseau[\u202f\u00a0]\?/u);
    const subtitle = /Pourquoi et comment travailler en réseau/g;
    expect(text.match(subtitle)).toHaveLength(1);
    expect(text).toContain('== RAISONS D’ÊTRE DES RÉSEAUX');
    expect(text).toContain('■ CHANTIER école');
    expect(text).toMatch(/^ – valoriser la personne/m);
  });

  it('makes a multipart/alternative .eml with the configured headers and the reproducible date', () => {
    expect(mail.from?.value).toEqual([{ name: 'GIP ARIFOR', address: 'contact@arifor.example' }]);
    expect(mail.subject).toMatch(/^Synthèse de la journée du 27.mai 2010 – Rencontre annuelle du GIP ARIFOR$/u);
    expect(mail.date?.getTime()).toBe(EPOCH * 1000);
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-id')).toBe('List-ID: <synthese.arifor.example>');
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://arifor.example/desinscription?email={email}&liste=synthese>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('to')).toMatch(/^To: "?undisclosed-recipients"?:;$/);
    expect(mail.html).toBe(html);
    expect(mail.text).toBe(text);
    expect(html).toContain('href="https://arifor.example/desinscription?email={email}&amp;liste=synthese"');
  });

  it('builds the same .eml twice with the same SOURCE_DATE_EPOCH', async () => {
    process.env['SOURCE_DATE_EPOCH'] = String(EPOCH);
    const again = await digestContext(REAL_SOURCE, { unsubscribeUrl: 'https://arifor.example/desinscription?email={email}&liste=synthese' });
    await digestTarget.render(again);
    delete process.env['SOURCE_DATE_EPOCH'];
    expect(await readFile(join(again.outDir, 'digest.eml'))).toEqual(await readFile(join(outDir, 'digest.eml')));
  });
});

describe('the size budget', () => {
  let source20x: string;
  beforeAll(async () => {
    source20x = await writeSource(syntheticSource(await readFile(REAL_SOURCE, 'utf8'), 20), 'vingt-fois.md');
  });

  it('builds a source 20 times the seed under the budget, cutting summaries and keeping every heading', async () => {
    const context = await digestContext(source20x);
    const result = await digestTarget.render(context);
    const eml = await readFile(join(context.outDir, 'digest.eml'));
    // Measured by another MIME parser: the build's count is the size that travels.
    const encoded = htmlPartBytes(eml);
    expect(encoded).toBe(result.counts['encodedHtmlBytes']);
    expect(encoded).toBeLessThanOrEqual(75 * 1024);
    expect(result.counts['sectionsCut']).toBeGreaterThan(0);
    expect(result.counts['keyPointsDropped']).toBeGreaterThan(0);
    const cuts = result.details!['budgetCuts'] as { title: string; leadFrom: number; leadTo: number; pointsDropped: number }[];
    expect(cuts).toHaveLength(result.counts['sectionsCut']!);
    expect(cuts.every((cut) => cut.leadTo < cut.leadFrom || cut.pointsDropped > 0)).toBe(true);
    const lines = result.details!['budgetCutLines'] as string[];
    // Said to the person running the build: in English, the tool's language, though the source is French.
    expect(lines[0]).toMatch(/^CHANTIER école.*: lead shortened from \d+ to \d+ characters/u);
    // Every section the digest shows at full size is still named in the cut one.
    const mail = await simpleParser(eml);
    const full = buildDigestEdition(context.publication, context.settings);
    const titles = full.groups.flatMap((group) => [group.title, ...group.items.map((item) => item.title)]).map(inlinePlainText);
    expect(titles.length).toBe(300);
    const shown = (mail.html as string).replace(/&amp;|&#x26;/g, '&');
    for (const title of titles) expect(shown, title).toContain(title);
  });

  it('takes from the longest sections first when a little is over, keeping their headings as headings', async () => {
    const context = await digestContext(REAL_SOURCE, { budgetKB: 25 });
    const result = await digestTarget.render(context);
    const encoded = htmlPartBytes(await readFile(join(context.outDir, 'digest.eml')));
    expect(encoded).toBeLessThanOrEqual(25 * 1024);
    expect(encoded).toBeGreaterThan(20 * 1024);
    const cuts = result.details!['budgetCuts'] as { leadFrom: number; leadTo: number; pointsDropped: number }[];
    expect(cuts.length).toBeGreaterThan(0);
    expect(cuts.length).toBeLessThan(13);
    const html = await readFile(join(context.outDir, 'digest.html'), 'utf8');
    expect(html.match(/<h3\b/g)).toHaveLength(12);
    // Every section cut was longer than every section left whole.
    const full = buildDigestEdition(context.publication, context.settings);
    const summaries = full.groups.flatMap((group) => [...(group.summary ? [{ id: group.id, ...group.summary }] : []), ...group.items]);
    const length = (summary: DigestSummary) => [...summary.lead, ...summary.points].reduce((sum, part) => sum + inlinePlainText(part).length, 0);
    const cutIds = new Set((cuts as unknown as { id: string }[]).map((cut) => cut.id));
    const shortestCut = Math.min(...summaries.filter((summary) => cutIds.has(summary.id)).map(length));
    const longestWhole = Math.max(...summaries.filter((summary) => !cutIds.has(summary.id)).map(length));
    expect(shortestCut).toBeGreaterThan(longestWhole);
  });

  it('tells the person building a French source its size in English, the language of every progress line', async () => {
    const context = await digestContext(REAL_SOURCE);
    const said: string[] = [];
    await digestTarget.render({ ...context, progress: (message) => said.push(message) });
    expect(said).toEqual([expect.stringMatching(/^\d+ groups, HTML part \d+\.\d KB encoded of 75 KB$/)]);
  });

  it('leaves a source already under the budget whole', async () => {
    const result = await digestTarget.render(await digestContext(REAL_SOURCE));
    expect(result.counts['sectionsCut']).toBe(0);
    expect(result.details!['budgetCuts']).toEqual([]);
    expect(result.counts['keyPoints']).toBe(35);
  });

  it('lists the first sections, headings only, and ends saying how many more the brochure has, when even the headings are over', async () => {
    const online = syntheticSource(await readFile(REAL_SOURCE, 'utf8'), 20).replace(/^---\n/, '---\nbrochureUrl: https://example.org/brochure.pdf\n');
    const context = await digestContext(await writeSource(online, 'vingt-fois-en-ligne.md'), { budgetKB: 20 });
    const said: string[] = [];
    const result = await digestTarget.render({ ...context, progress: (message) => said.push(message) });
    const eml = await readFile(join(context.outDir, 'digest.eml'));
    expect(htmlPartBytes(eml)).toBe(result.counts['encodedHtmlBytes']);
    expect(htmlPartBytes(eml) + result.counts['greetingReserveBytes']!).toBeLessThanOrEqual(20 * 1024);
    // As many as fit: a section is a few hundred bytes, so less than a tenth of the budget is left.
    expect(result.counts['encodedHtmlBytes']! + result.counts['greetingReserveBytes']!).toBeGreaterThan(20 * 1024 * 0.9);

    // The sections in document order: each group's heading, then its items; the first ones are kept.
    const full = buildDigestEdition(context.publication, context.settings);
    const order = full.groups.flatMap((group) => [group, ...group.items]);
    const kept = result.counts['sections']!;
    const leftOut = result.counts['sectionsLeftOut']!;
    expect(kept).toBeGreaterThan(10);
    expect(kept + leftOut).toBe(order.length);
    expect(order.length).toBe(300);

    const mail = await simpleParser(eml);
    const html = (mail.html as string).replace(/&amp;|&#x26;/g, '&');
    const more = `… et ${leftOut} autres sections, à lire dans la brochure`;
    expect(html).toMatch(new RegExp(`<a href="https://example\\.org/brochure\\.pdf"[^>]*>${more}</a>`, 'u'));
    const lastKept = inlinePlainText(order[kept - 1]!.title);
    const firstLeftOut = inlinePlainText(order[kept]!.title);
    expect(html.indexOf(lastKept)).toBeGreaterThan(0);
    expect(html.indexOf(lastKept)).toBeLessThan(html.indexOf(more));
    // The closing still follows, and nothing after the last kept section is shown.
    expect(html.indexOf(more)).toBeLessThan(html.indexOf('Cette lettre ne donne que l’essentiel'));
    expect(html).not.toContain(firstLeftOut);

    const text = (mail.text as string).replace(/\s+/g, ' ');
    expect(text).toContain(`${more} <https://example.org/brochure.pdf>`);
    const spaced = lastKept.replace(/\s+/g, ' ');
    const inText = Math.max(text.lastIndexOf(spaced), text.lastIndexOf(spaced.toLocaleUpperCase('fr')));
    expect(inText).toBeGreaterThan(0);
    expect(inText).toBeLessThan(text.indexOf(more));

    // Said to the person building: a warning in the progress lines, and one located on the first heading left out.
    expect(said.at(-1)).toBe(`warning: the headings alone are over the 20 KB budget: the digest lists the first ${kept} of 300 sections and ends saying ${leftOut} more are in the brochure (raise digest.budgetKB, at most 102, or leave sections out of the digest to choose them)`);
    const warnings = context.file.messages.filter((message) => message.ruleId === 'digest-sections-left-out');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.fatal).toBe(false);
    expect(warnings[0]!.line).toBe(order[kept]!.position!.start.line);
  });

  it('fails, saying so, only when even a digest without any section is over the budget', async () => {
    const context = await digestContext(REAL_SOURCE, { budgetKB: 2 });
    const error = await digestTarget.render(context).catch((caught: unknown) => caught);
    expect(isTriptyqueError(error) && error.code).toBe('RENDER_FAILED');
    expect((error as Error).message).toMatch(/^the digest without any section \(masthead, introduction, closing and footer\) makes an HTML part of \d+\.\d KB encoded, \d+\.\d KB over the 2 KB budget/u);
  });
});

describe('a source without a brochure URL, with raw HTML', () => {
  it('says where the brochure is, links to it when there is a URL, and never passes the HTML through', async () => {
    const markdown = (extra: string) => `---
title: Essai
date: 2024-03-01
organisation: Réseau Test
${extra}---

# Partie

Un texte, avec <b onclick="x()">du gras</b>. Une [note](notes.md) et un [site](https://example.org).

<iframe src="https://example.org"></iframe>
`;
    const offline = await digestContext(await writeSource(markdown('')));
    await digestTarget.render(offline);
    const html = await readFile(join(offline.outDir, 'digest.html'), 'utf8');
    expect(html).toContain('La brochure complète est disponible auprès de Réseau Test');
    expect(html).not.toMatch(/onclick|<iframe|<b\b/);
    expect(html).not.toContain('notes.md');
    expect(html).toMatch(/<a href="https:\/\/example.org"[^>]*>site<\/a>/);
    expect(offline.file.messages.map((message) => message.ruleId)).toContain('digest-html-dropped');

    const online = await digestContext(await writeSource(markdown('brochureUrl: https://example.org/brochure.pdf\n')));
    await digestTarget.render(online);
    const text = await readFile(join(online.outDir, 'digest.txt'), 'utf8');
    expect(text).toContain('Lire la brochure complète : https://example.org/brochure.pdf');

    // English puts no space before a colon: the address goes in angle brackets, as other links do.
    const english = await digestContext(await writeSource(markdown('brochureUrl: https://example.org/brochure.pdf\nlang: en\n'), 'english.md'));
    await digestTarget.render(english);
    const englishText = await readFile(join(english.outDir, 'digest.txt'), 'utf8');
    expect(englishText).toContain('Read the full brochure <https://example.org/brochure.pdf>');
    expect(englishText).not.toMatch(/ :/);
  });
});
