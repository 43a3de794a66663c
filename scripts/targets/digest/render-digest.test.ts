import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTriptyqueError } from '../../errors';
import type { TargetResult } from '../target';
import { digestTarget } from './render-digest';
import { REAL_SOURCE, digestContext, writeSource } from './test-context';

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
    expect(html).toMatch(/<div class="wrapper" lang="fr" dir="ltr"/);
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
  it('fails the target, saying by how much, when the encoded HTML part is over budgetKB', async () => {
    const context = await digestContext(REAL_SOURCE, { budgetKB: 10 });
    const error = await digestTarget.render(context).catch((caught: unknown) => caught);
    expect(isTriptyqueError(error) && error.code).toBe('RENDER_FAILED');
    expect((error as Error).message).toMatch(/is \d+\.\d KB encoded, \d+\.\d KB over the 10 KB budget/);
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
  });
});
