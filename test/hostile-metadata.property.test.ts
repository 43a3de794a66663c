import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build, type BuildResult } from '../scripts/core/build';
import { writeGallery } from '../scripts/gallery/write-gallery';
import { tempDir } from './helpers';

const ROOT = join(import.meta.dirname, '..');

/** What closes or opens a context some target writes text into: HTML, CSS, comments, CDATA, YAML, headers, URLs. */
const HOSTILE = ['\u000b', '</style>', '-->', '--!>', '<!--', ']]>', '*/', '"', "'", '\\', '\r\n', '\n', '\u202e', '\u2066', '&lt;script&gt;', '&amp;', '<script>pwned()</script>', '<img src=x onerror=pwned()>', 'javascript:pwned()', '${pwned}', '{{pwned}}', '`', ': ', '# ', '[x](javascript:pwned())'];

/** Every place of a source where text of the author's goes: front matter fields, headings, link text, alt text, prose. */
const FIELDS = ['title', 'subtitle', 'event', 'organisation', 'author', 'description', 'backCover', 'chapter', 'section', 'linkText', 'altText', 'prose'] as const;
type Texts = Record<(typeof FIELDS)[number], string>;

const hostileText = fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 4 }).map((parts) => `Texte ${parts.join(' ')} fin`);
const hostileTexts = fc.record(Object.fromEntries(FIELDS.map((field) => [field, hostileText])) as Record<(typeof FIELDS)[number], fc.Arbitrary<string>>);

/** Text in Markdown's body as entities, so it reaches the model as text (no raw HTML, `check` is silent), CR/LF included. */
const asEntities = (text: string) => text.replace(/[^\p{L}\p{N} ]/gu, (char) => `&#${char.codePointAt(0)};`);

function source(texts: Texts): string {
  const yaml = (key: keyof Texts) => `${key}: ${JSON.stringify(texts[key])}`;
  return [
    '---',
    ...(['title', 'subtitle', 'event', 'organisation', 'author', 'description', 'backCover'] as const).map(yaml),
    'date: 2024-01-15',
    'lang: fr',
    '---',
    '',
    `# ${asEntities(texts.chapter)}`,
    '',
    `Un paragraphe avec [${asEntities(texts.linkText)}](https://example.org/page) et ${asEntities(texts.prose)}.`,
    '',
    `## ${asEntities(texts.section)}`,
    '',
    `![${asEntities(texts.altText)}](image.png)`,
    '',
    'Un dernier paragraphe.',
    '',
    // A second part: the deck has its contents slide and the brochure its contents page, hostile text listed there too.
    '# Conclusion',
    '',
    'Fin du document.',
    '',
  ].join('\n');
}

/** A 1x1 PNG: a real local image for the alt text. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'data', 'xLinkHref', 'poster', 'srcSet', 'cite', 'background']);

/** Each kind of element with the attribute names it carries (`a[href,title]`), and every `javascript:` URL. */
function shapeOf(html: string): { shapes: Set<string>; scriptUrls: string[] } {
  const shapes = new Set<string>();
  const scriptUrls: string[] = [];
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    shapes.add(`${node.tagName}[${Object.keys(node.properties ?? {}).sort().join(',')}]`);
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (URL_ATTRIBUTES.has(name) && /^javascript:/i.test(text.replace(/[\s\u0000-\u001f]/g, ''))) scriptUrls.push(`${node.tagName}[${name}=${text}]`);
      if (name === 'style' && /url\(\s*['"]?\s*javascript:/i.test(text)) scriptUrls.push(`${node.tagName}[style=${text}]`);
    }
    if (node.tagName === 'style') {
      const css = node.children.map((child) => ('value' in child ? child.value : '')).join('');
      if (/url\(\s*['"]?\s*javascript:/i.test(css)) scriptUrls.push('<style> url(javascript:)');
    }
  });
  return { shapes, scriptUrls };
}

const newShapes = (html: string, baseline: string) => {
  const { shapes, scriptUrls } = shapeOf(html);
  const known = shapeOf(baseline).shapes;
  return { added: [...shapes].filter((shape) => !known.has(shape)), scriptUrls };
};

/** deck.md as Marp reads it (HTML on): its slides' markup, and what its comments became. */
function marpOf(markdown: string) {
  const rendered = new Marp({ html: true, script: false }).render(markdown);
  return { html: `<!DOCTYPE html><html><head><style>${rendered.css}</style></head><body>${rendered.html}</body></html>`, slides: rendered.comments.length };
}

/** Header lines of a message: each a `Name: value` line or its folded continuation, nothing else. */
function headerProblems(eml: string): { names: string[]; problems: string[] } {
  const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
  const names: string[] = [];
  const problems: string[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line)) continue;
    const name = /^([A-Za-z0-9-]+):/.exec(line)?.[1];
    if (name) names.push(name.toLowerCase());
    else problems.push(line);
  }
  if (/\r(?!\n)|(?<!\r)\n/.test(head)) problems.push('a bare CR or LF in the headers');
  return { names: [...new Set(names)].sort(), problems };
}

async function pptxXmlProblems(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const problems: string[] = [];
  for (const name of Object.keys(zip.files).filter((file) => /\.(xml|rels)$/.test(file))) {
    const xml = await zip.file(name)!.async('string');
    const errors: string[] = [];
    new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
    if (errors.length > 0) problems.push(`${name}: ${errors[0]}`);
    if (/=\s*"\s*javascript:/i.test(xml)) problems.push(`${name}: a javascript: attribute`);
  }
  return problems;
}

describe('hostile text in every field of a source', () => {
  const browser = new BrowserService();
  const dir = tempDir('triptyque-hostile-meta-');
  const out = join(dir, 'out');
  const safe = Object.fromEntries(FIELDS.map((field) => [field, `Texte sûr ${field}`])) as Texts;
  // Every hostile string in every field, then random mixes (a fixed seed: the same sources each run).
  const everything = Object.fromEntries(FIELDS.map((field) => [field, `Texte ${HOSTILE.join(' ')} fin`])) as Texts;
  const samples = [everything, ...fc.sample(hostileTexts, { seed: 20261202, numRuns: 2 })];
  const names = samples.map((_, index) => `hostile-${index + 1}`);
  let result: BuildResult;
  let gallery: string;

  beforeAll(async () => {
    writeFileSync(join(dir, 'image.png'), PNG);
    const paths = [['safe', safe] as const, ...samples.map((texts, index) => [names[index]!, texts] as const)].map(([name, texts]) => {
      const path = join(dir, `${name}.md`);
      writeFileSync(path, source(texts));
      return path;
    });
    // One build for all of them: each build costs seconds.
    result = await build({ sources: paths, root: ROOT, outDir: out, browser });
    gallery = readFileSync((await writeGallery({ outDir: out, reports: result.reports, root: ROOT })).path, 'utf8');
  }, 900_000);

  afterAll(() => browser.close());

  const read = (slug: string, name: string) => readFileSync(join(out, slug, name), 'utf8');

  it('builds every target of every source, with no located error and no crash', () => {
    for (const file of result.files) expect(file.messages.filter((message) => message.fatal).map((message) => `${file.path}:${message.line}:${message.column} ${message.reason} ${message.ruleId}`)).toEqual([]);
    expect(result.reports.map((report) => [report.slug, report.ok])).toEqual([['safe', true], ...names.map((name) => [name, true])]);
  });

  it.each(['deck.html', 'brochure.html', 'digest.html'])('%s has no element or attribute the safe source lacks, and no javascript: URL', (artifact) => {
    const baseline = read('safe', artifact);
    for (const name of names) expect(newShapes(read(name, artifact), baseline), `${name}/${artifact}`).toEqual({ added: [], scriptUrls: [] });
  });

  it('the gallery has no element or attribute the safe source lacks, and no javascript: URL', async () => {
    // The gallery of the safe source alone, from the same build: what the hostile ones may add to it is more of the same.
    const safeOut = join(dir, 'out-safe');
    cpSync(join(out, 'safe'), join(safeOut, 'safe'), { recursive: true });
    const safeGallery = readFileSync((await writeGallery({ outDir: safeOut, reports: result.reports.filter((report) => report.slug === 'safe'), root: ROOT })).path, 'utf8');
    const { added, scriptUrls: addedScripts } = newShapes(gallery, safeGallery);
    expect(addedScripts).toEqual([]);
    // A title in another script is marked with its language (lang, dir): inert attributes, nothing that runs or loads.
    expect(added.filter((shape) => !/^span\[(?:lang|dir)(?:,(?:lang|dir))?\]$/.test(shape))).toEqual([]);
    const { shapes, scriptUrls } = shapeOf(gallery);
    expect(scriptUrls).toEqual([]);
    // Its one frame shows a digest.html of the build; nothing else could run or embed anything.
    expect([...shapes].filter((shape) => /^(script|object|embed|form)\b/.test(shape) || /[[,]on[a-z]+/.test(shape))).toEqual([]);
    const frames: string[] = [];
    visit(fromHtml(gallery) as Root, 'element', (node: Element) => void (node.tagName === 'iframe' && frames.push(String(node.properties?.['src']))));
    expect(frames.map((src) => src.replace(/\?.*$/, '')).sort()).toEqual(['safe', ...names].map((slug) => `${slug}/digest.html`).sort());
  });

  it('deck.md: Marp reads the same slides and directives, and no comment is closed early', () => {
    const baseline = marpOf(read('safe', 'deck.md'));
    for (const name of names) {
      const markdown = read(name, 'deck.md');
      const opened = marpOf(markdown);
      expect(newShapes(opened.html, baseline.html), `${name}/deck.md`).toEqual({ added: [], scriptUrls: [] });
      expect(opened.slides, `${name}: slides of deck.md`).toBe(JSON.parse(read(name, 'report.json')).targets.deck.counts.slides);
    }
  });

  it('digest.eml: the same headers as the safe source, no CR/LF injected into one', () => {
    const baseline = headerProblems(read('safe', 'digest.eml'));
    for (const name of names) expect(headerProblems(read(name, 'digest.eml')), name).toEqual({ names: baseline.names, problems: [] });
  });

  it('deck.pptx: every XML part is well-formed', async () => {
    for (const name of ['safe', ...names]) expect(await pptxXmlProblems(join(out, name, 'deck.pptx')), name).toEqual([]);
  });
});
