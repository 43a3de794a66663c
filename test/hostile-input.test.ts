import { readFile, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../scripts/artifacts/report';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { TARGET_NAMES, type TargetName } from '../scripts/model/types';
import { FRONT_MATTER, loadMarkdown, messagesOf, tempDir, writeSource } from './helpers';

const ROOT = join(import.meta.dirname, '..');
/** In every piece of hostile code: it may survive as harmless text, never as something that runs. */
const MARKER = 'pwned1234';

/** Raw HTML passes the lint with a warning: what it contains must be sanitised by every target. */
const hostileSource = (imageUrl: string) => `${FRONT_MATTER}# Premier chapitre

Du HTML en ligne <script>window.${MARKER} = 1</script> puis <img src="x" onerror="${MARKER}()"> et <a href="javascript:${MARKER}()">un lien piégé</a> et <iframe src="https://example.org/${MARKER}"></iframe> dans une phrase.

<script>document.title = '${MARKER}'</script>

<iframe src="https://example.org/${MARKER}-frame"></iframe>

<object data="${MARKER}.swf"><embed src="${MARKER}.swf"></object>

<form action="https://example.org/${MARKER}-form"><input name="q" value="${MARKER}"><button formaction="javascript:${MARKER}()">Envoyer</button></form>

<div onclick="${MARKER}()"><a href="javascript:${MARKER}()">Un bloc piégé</a></div>

<div>--><script>${MARKER}('sortie du commentaire')</script><!--</div>

Encore du texte ordinaire pour que la section ait du contenu.

## Deuxième section

![Une image distante](${imageUrl})

Un dernier paragraphe.
`;

const FORBIDDEN_ELEMENTS = new Set(['iframe', 'object', 'embed', 'form', 'frame', 'frameset', 'applet', 'select', 'textarea']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'data', 'xLinkHref', 'poster', 'srcSet'];

/** What in an HTML document could run or submit something the source brought in. */
function executableMarkup(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    if (FORBIDDEN_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    // The one input a sanitiser keeps is a task list's disabled checkbox: nothing to submit.
    if (node.tagName === 'input' && !(node.properties?.['type'] === 'checkbox' && node.properties['disabled'] === true)) found.push('<input>');
    if (node.tagName === 'script' && JSON.stringify(node).includes(MARKER)) found.push('<script> with the source’s code');
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (/^on/i.test(name) && String(value).includes(MARKER)) found.push(`${node.tagName}[${name}]`);
      if (URL_ATTRIBUTES.includes(name) && /^\s*(javascript|vbscript):/i.test(String(value))) found.push(`${node.tagName}[${name}=${String(value)}]`);
    }
  });
  return found;
}

/** Link targets and scripts of a PDF, and markup shown as text. */
async function pdfProblems(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const found: string[] = [];
  try {
    if (await pdf.getJSActions()) found.push('document JavaScript actions');
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      for (const annotation of await page.getAnnotations()) {
        const url = String(annotation.unsafeUrl ?? annotation.url ?? '');
        if (/^\s*javascript:/i.test(url)) found.push(`page ${number}: link to ${url}`);
      }
      const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
      for (const shown of text.match(/<\s*\/?\s*(script|iframe|object|embed|form|img|a)\b[^>]*>?|javascript:|onerror=|onclick=/gi) ?? []) found.push(`page ${number} shows “${shown}”`);
    }
  } finally {
    await pdf.destroy();
  }
  return found;
}

interface TargetOutcome {
  error?: unknown;
  report?: BuildReport;
}

describe('hostile input is contained in every target', () => {
  let outDir: string;
  let artifactsDir: string;
  let server: Server;
  const requests: string[] = [];
  const outcomes = new Map<TargetName, TargetOutcome>();
  let remoteImage: string;
  const browser = new BrowserService();

  beforeAll(async () => {
    // A "remote" image on a local server: any request at all would be counted here.
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    remoteImage = `http://127.0.0.1:${(server.address() as AddressInfo).port}/remote-image.png`;
    const source = writeSource(hostileSource(remoteImage), 'hostile.md');
    outDir = tempDir();
    artifactsDir = join(outDir, 'hostile');
    // One target at a time into the same folder: a target that breaks does not hide the others.
    for (const name of TARGET_NAMES) {
      try {
        await build({ sources: [source], root: ROOT, outDir, only: [name], browser });
        outcomes.set(name, { report: JSON.parse(await readFile(join(artifactsDir, 'report.json'), 'utf8')) as BuildReport });
      } catch (error) {
        outcomes.set(name, { error });
      }
    }
  });

  afterAll(async () => {
    await browser.close();
    server.close();
  });

  const built = (name: TargetName) => {
    const outcome = outcomes.get(name);
    expect(outcome?.error, `${name} crashed on the hostile source`).toBeUndefined();
    expect(outcome?.report?.targets[name]?.ok, `${name} failed: ${outcome?.report?.targets[name]?.error}`).toBe(true);
    return outcome!.report!;
  };
  const artifact = (name: string) => readFile(join(artifactsDir, name));
  const text = (name: string) => readFile(join(artifactsDir, name), 'utf8');

  it('deck: no source script, frame, form, handler or javascript: URL in deck.html, deck.md (even rendered with HTML on), the PDFs or the PPTX', async () => {
    built('deck');
    expect.soft(executableMarkup(await text('deck.html'))).toEqual([]);
    // deck.md is for Marp: an author who opens it with HTML enabled must not run the source's code.
    const markdown = await text('deck.md');
    const opened = new Marp({ html: true, script: false }).render(markdown);
    expect.soft(executableMarkup(opened.html)).toEqual([]);
    expect.soft(markdown).not.toMatch(/javascript:/i);
    for (const pdf of ['deck.pdf', 'deck-handout.pdf']) expect.soft(await pdfProblems(await artifact(pdf)), pdf).toEqual([]);
    const pptx = await JSZip.loadAsync(await artifact('deck.pptx'));
    const parts = await Promise.all(Object.keys(pptx.files).filter((path) => /\.(xml|rels)$/.test(path)).map((path) => pptx.file(path)!.async('string')));
    expect.soft(parts.join('\n')).not.toMatch(/javascript:/i);
  });

  it('brochure: nothing executable in brochure.html, nothing of it in the PDFs', async () => {
    built('brochure');
    expect(executableMarkup(await text('brochure.html'))).toEqual([]);
    for (const pdf of ['brochure.pdf', 'brochure-booklet.pdf', 'brochure-print.pdf']) expect(await pdfProblems(await artifact(pdf)), pdf).toEqual([]);
  });

  it('digest: nothing executable in digest.html or the message, no javascript: in the text part', async () => {
    built('digest');
    expect(executableMarkup(await text('digest.html'))).toEqual([]);
    const mail = await simpleParser(await artifact('digest.eml'));
    expect(executableMarkup(String(mail.html))).toEqual([]);
    expect(`${mail.text}\n${await text('digest.txt')}`).not.toMatch(/javascript:|<\s*(script|iframe|object|form)/i);
  });

  it('a remote image is never fetched: deck and brochure show a placeholder with its host instead', async () => {
    expect(requests).toEqual([]);
    const host = new URL(remoteImage).host;
    for (const file of ['deck.html', 'brochure.html']) {
      const html = (await text(file)).replace(/\u00ad/g, ''); // the brochure's soft hyphens
      expect(html, `${file} has no <img> pointing at the web image`).not.toMatch(new RegExp(`<img[^>]+src="${remoteImage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(html, `${file} shows the placeholder`).toMatch(new RegExp(`class="image-placeholder"[^>]*>.*Une image distante.*${host.replace(/\./g, '\\.')}`));
    }
  });

  it('javascript:, file: and paths out of the folder: images refused or never read, links reduced to their text, before any target runs', async () => {
    const line = `[lien](javascript:${MARKER}()) et ![image](JavaScript:${MARKER}()) et <javascript:${MARKER}()> et [réf][r] et ![passwd](file:///etc/passwd) et ![haut](../../etc/passwd)`;
    const { file } = await loadMarkdown(`${FRONT_MATTER}# Un\n\n${line}\n\n[r]: javascript:${MARKER}()\n`);
    const at = (start: string, rule: string) => `8:${line.indexOf(start) + 1} ${rule}`;
    expect(messagesOf(file).filter((message) => / (unsafe-url|image-outside-folder|link-scheme)/.test(message))).toEqual([
      at('[lien]', 'link-scheme'),
      at('<javascript:', 'link-scheme'),
      // A reference is a link like any other once resolved.
      at('[réf]', 'link-scheme'),
      at('![image]', 'unsafe-url error'),
      at('![passwd]', 'unsafe-url error'),
      at('![haut]', 'image-outside-folder'),
    ]);
    const linkOnly = await loadMarkdown(`${FRONT_MATTER}# Un\n\n[lien](javascript:${MARKER}()) et [réf][r]\n\n[r]: javascript:${MARKER}()\n`);
    expect(JSON.stringify(linkOnly.publication?.sections)).not.toContain('javascript');
    expect(JSON.stringify(linkOnly.publication?.sections)).toContain('lien');
    const out = tempDir();
    const result = await build({ sources: [writeSource(`${FRONT_MATTER}# Un\n\n![lien](javascript:${MARKER}())\n`)], root: ROOT, outDir: out, only: ['digest'] });
    expect(result.ok).toBe(false);
    expect((await readdir(join(out, 'essai'))).filter((name) => !name.startsWith('.'))).toEqual(['report.json']);
  });
});
