import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutput } from '../scripts/artifacts/output-lock';
import { BrowserService, isAllowed } from '../scripts/browser/browser-service';
import { removeStaleProfiles } from '../scripts/browser/stale-profiles';
import type { BuildReport } from '../scripts/artifacts/report';
import { loadConfig } from '../scripts/config/load';
import { locateImage } from '../scripts/targets/image-source';
import { settingsSchema } from '../scripts/config/schema';
import { readSourceView } from '../scripts/gallery/source-view';
import { parseBrandYml } from '../scripts/theme/brand-yml';
import { build } from '../scripts/core/build';
import { pdfPageTexts } from '../scripts/targets/brochure/pdf-text';
import { isTriptyqueError } from '../scripts/errors';
import { loadSource } from '../scripts/source/load-source';
import { sanitizeHtml } from '../scripts/targets/brochure/blocks-to-hast';
import { pageRulesCss } from '../scripts/targets/brochure/page-geometry';
import { paginate } from '../scripts/targets/brochure/paginate';
import { openFontPage, showDocument } from '../scripts/targets/deck/deck-page';
import { measureSlides } from '../scripts/targets/deck/measure-slides';
import { htmlToText } from '../scripts/sanitize/html-to-text';
import { Marp } from '@marp-team/marp-core';
import { deckMarkdown } from '../scripts/targets/deck/marp-markdown';
import { planSlides } from '../scripts/targets/deck/plan-slides';
import { FRONT_MATTER, loadMarkdown, messagesOf, tempDir } from './helpers';

const ROOT = join(import.meta.dirname, '..');
const browser = new BrowserService();
afterAll(() => browser.close());

function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html) as Root, 'element', (node: Element) => void found.push(node));
  return found;
}

/** Elements and attributes that could run something. */
function executable(html: string): string[] {
  return elementsOf(html).flatMap((node) => [
    ...(['script', 'iframe', 'object', 'embed'].includes(node.tagName) ? [`<${node.tagName}>`] : []),
    ...Object.keys(node.properties ?? {}).filter((name) => /^on/i.test(name)).map((name) => `${node.tagName}[${name}]`),
  ]);
}

function project(files: Record<string, string>): { dir: string; out: string; paths: string[] } {
  const dir = tempDir('triptyque-hardening-');
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
  return { dir, out: join(dir, 'out'), paths };
}

describe('a heading never becomes markup in the brochure (#10.1)', () => {
  const hostile = '</style><img src=x onerror=alert(1)>"\\ \u202e';

  it('the running heads stay inside their style element', () => {
    const css = pageRulesCss({ bleedMm: 0, chapters: [{ pageName: 'chapter-1', leftHead: hostile, rightHead: hostile, part: undefined as never }] });
    const tags = elementsOf(`<!DOCTYPE html><html><head><style>${css}</style></head><body></body></html>`).map((node) => node.tagName);
    expect(tags).toEqual(['html', 'head', 'style', 'body']);
  });

  it('the running heads print the heading as written, quotes, backslashes and markup included', async () => {
    const written = '</style><img src=x onerror=alert(1)> "cité" \\ fin';
    const css = pageRulesCss({ bleedMm: 0, chapters: [{ pageName: 'chapter-1', leftHead: written, rightHead: written, part: undefined as never }] });
    const pdf = await browser.withPage({ allowedRoots: [] }, async (page) => {
      await page.setContent(`<!DOCTYPE html><html><head><style>${css}\n.chapter{page:chapter-1}</style></head><body><div class="chapter"><p>Page une.</p><p style="break-before:page">Page deux.</p></div></body></html>`);
      return page.pdf({ preferCSSPageSize: true });
    });
    const heads = (await pdfPageTexts(new Uint8Array(pdf))).map((text) => text.split('\n')[0]);
    expect(heads).toEqual([written, written]);
  });

  it('a heading written with entities reaches brochure.html as text only', async () => {
    const { dir, out, paths } = project({
      'essai.md': `${FRONT_MATTER}# Titre &lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;\n\nUn paragraphe.\n\n## Section &lt;/style&gt;&lt;svg onload=alert(2)&gt;\n\nUn autre.\n`,
    });
    const result = await build({ sources: paths, root: dir, outDir: out, only: ['brochure'], browser });
    expect(result.ok).toBe(true);
    const html = readFileSync(join(out, 'essai', 'brochure.html'), 'utf8');
    const elements = elementsOf(html);
    expect(elements.filter((node) => node.tagName === 'img' || node.tagName === 'svg')).toEqual([]);
    expect(elements.filter((node) => Object.keys(node.properties ?? {}).some((name) => /^on/i.test(name)))).toEqual([]);
  });
});

describe('file names stay inside --out (#10.4)', () => {
  it.each(['...md', '.md', '..md'])('a source named %s is written into its own folder under --out', async (name) => {
    const { dir, out, paths } = project({ [name]: `${FRONT_MATTER}# Un\n\nTexte.\n` });
    const result = await build({ sources: paths, root: dir, outDir: out, only: ['digest'], browser });
    const slug = result.reports[0]!.slug;
    expect(slug).not.toMatch(/^\.*$/);
    expect(slug).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(existsSync(join(out, slug, 'digest.html'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([name, 'out'].sort());
  });
});

describe('same-named sources keep apart (#10.5)', () => {
  it('posts/first/index.md and posts/second/index.md give two publications and say so', async () => {
    const { dir, out, paths } = project({
      'posts/first/index.md': `${FRONT_MATTER}# Premier\n\nTexte un.\n`,
      'posts/second/index.md': `${FRONT_MATTER}# Second\n\nTexte deux.\n`,
    });
    const result = await build({ sources: paths, root: dir, outDir: out, only: ['digest'], browser });
    const slugs = result.reports.map((report) => report.slug);
    expect(new Set(slugs).size).toBe(2);
    for (const slug of slugs) expect(existsSync(join(out, slug, 'digest.html'))).toBe(true);
    expect(readFileSync(join(out, slugs[0]!, 'digest.txt'), 'utf8')).toContain('Texte un');
    expect(readFileSync(join(out, slugs[1]!, 'digest.txt'), 'utf8')).toContain('Texte deux');
    for (const file of result.files) expect(file.messages.map((message) => message.ruleId)).toContain('slug-renamed');
  });
});

describe('a YAML alias bomb is one located error (#10.6)', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(',')}]`)].join('\n');

  it('the bomb is refused with its place, and the other source of the build still builds', async () => {
    const { dir, out, paths } = project({
      'bomb.md': `---\ntitle: Bombe\ndate: 2024-01-15\n${bomb}\n---\n\n# Un\n\nTexte.\n`,
      'sain.md': `${FRONT_MATTER}# Un\n\nTexte sain.\n`,
    });
    const result = await build({ sources: paths, root: dir, outDir: out, only: ['digest'], browser });
    expect(result.ok).toBe(false);
    const bombFile = result.files.find((file) => file.path?.endsWith('bomb.md'))!;
    const error = bombFile.messages.find((message) => message.fatal)!;
    expect(error.ruleId).toBe('front-matter-yaml');
    expect(error.line).toBeGreaterThan(1);
    expect(existsSync(join(out, 'sain', 'digest.html'))).toBe(true);
    expect(existsSync(join(out, 'bomb', 'report.json'))).toBe(true);
  });

  it('the configuration, a theme and the gallery refuse it too, at the first alias, without a crash', async () => {
    const dir = tempDir('triptyque-config-bomb-');
    writeFileSync(join(dir, 'triptyque.config.yaml'), `organisation: Essai\n${bomb}\n`);
    const { file } = loadConfig(dir);
    const error = file.messages.find((message) => message.fatal);
    expect(error).toMatchObject({ ruleId: 'config-yaml', line: 3, column: 8 });
    expect(error?.reason).toMatch(/alias/i);
    expect(parseBrandYml(`meta: { name: Essai }\n${bomb}\n`)).toMatchObject({ problems: [{ line: 3, column: 8, message: expect.stringMatching(/alias/i) }] });
    const source = join(dir, 'bomb.md');
    writeFileSync(source, `---\ntitle: Bombe\n${bomb}\n---\n\n# Un\n`);
    const view = await readSourceView({ source, slug: 'bomb', builtAt: '', targets: {} } as unknown as BuildReport, join(dir, 'bomb'));
    expect(view.title).toBe('bomb');
  });
});

describe('output faults are one sentence, not a bug (#10.9)', () => {
  it('--out that is a file names the path and the fix', async () => {
    const { dir, paths } = project({ 'essai.md': `${FRONT_MATTER}# Un\n\nTexte.\n` });
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const error = await build({ sources: paths, root: dir, outDir: file, only: ['digest'], browser }).then(() => undefined, (thrown: unknown) => thrown);
    expect(isTriptyqueError(error)).toBe(true);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/not a folder/);
  });

  it('a lock held by a live process says at once who holds it, then gives up after the bounded wait', async () => {
    const dir = tempDir('triptyque-lock-');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, '.build.lock'), String(holder.pid));
      const waits: number[] = [];
      const error = await lockOutput(dir, { timeoutMs: 300, onWait: (pid) => waits.push(pid) }).then(() => undefined, (thrown: unknown) => thrown);
      expect(waits).toEqual([holder.pid]);
      expect(isTriptyqueError(error)).toBe(true);
      expect((error as Error).message).toContain(String(holder.pid));
    } finally {
      holder.kill();
    }
  });
});

void ROOT;

describe('a symlink does not lead out of the source folder (#10.3)', () => {
  it('an image that is a symlink to a file outside is never read: a warning at its line, a placeholder, and the browser would not load it', async () => {
    const outside = tempDir('triptyque-outside-');
    writeFileSync(join(outside, 'secret.png'), 'not an image of the source');
    const { dir, paths } = project({ 'essai.md': `${FRONT_MATTER}# Un\n\nTexte.\n\n![Une image](lien.png)\n` });
    symlinkSync(join(outside, 'secret.png'), join(dir, 'lien.png'));
    const { file } = await loadSource(paths[0]!, settingsSchema.parse({}));
    expect(messagesOf(file)).toContain('10:1 image-outside-folder');
    expect(locateImage('lien.png', dir)).toEqual({ kind: 'missing' });
    expect(isAllowed(pathToFileURL(join(dir, 'lien.png')).href, [dir])).toBe(false);
    writeFileSync(join(dir, 'vraie.png'), 'x');
    expect(isAllowed(pathToFileURL(join(dir, 'vraie.png')).href, [dir])).toBe(true);
  });
});

describe('raw HTML leaves no style text and no stray images in the brochure (#10.10)', () => {
  it('a style element is dropped whole; images at absolute or ../ paths are removed', () => {
    const html = toHtml({ type: 'root', children: sanitizeHtml('<style>body{color:red}</style><p>Lu <img src="/etc/passwd"> <img src="../../secret.png"> <img src="file:///etc/hosts"> <img src="images/ok.png" alt="ok"></p>') });
    expect(html).not.toContain('color:red');
    expect(html).not.toContain('passwd');
    expect(html).not.toContain('secret');
    expect(html).not.toContain('hosts');
    expect(html).toContain('images/ok.png');
    expect(htmlToText('<style>body{color:red}</style>Texte')).toBe('Texte');
  });
});

describe('a killed build leaves no browser profile for long (#10.9)', () => {
  it('the next build removes profiles whose Chromium is gone, and keeps those still in use', async () => {
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((done) => dead.once('exit', done));
    const dir = tempDir('triptyque-profiles-');
    const stale = join(dir, 'puppeteer_dev_chrome_profile-stale');
    const live = join(dir, 'puppeteer_dev_chrome_profile-live');
    for (const [profile, pid] of [[stale, dead.pid], [live, process.pid]] as const) {
      mkdirSync(profile);
      writeFileSync(join(profile, 'Preferences'), '{}');
      symlinkSync(`${hostname()}-${pid}`, join(profile, 'SingletonLock'));
    }
    expect(await removeStaleProfiles(dir)).toEqual([stale]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('pages the build lays out run no script of theirs', () => {
  const smuggled = `<p id="probe">texte</p><img src="data:," onerror="document.title = 'ran'"><script>document.title = 'ran'</script><svg onload="document.title = 'ran'"></svg>`;

  it('a script or handler in a brochure page does not run, and the page is still measured and printed', async () => {
    const dir = tempDir('triptyque-no-script-');
    const printed = await browser.withPage({ allowedRoots: [dir] }, async (page) => {
      const result = await paginate(page, { document: { html: `<!DOCTYPE html><html><head><title>page</title></head><body>${smuggled}</body></html>`, chapters: [], contents: [], footnotes: [] }, workDir: dir });
      return { title: await page.title(), width: await page.evaluate(() => document.getElementById('probe')!.getBoundingClientRect().width), pages: result.pdf.getPageCount() };
    });
    expect(printed.title).toBe('page');
    expect(printed.width).toBeGreaterThan(0);
    expect(printed.pages).toBe(1);
  });

  it('a handler in a slide being measured does not run, and the slide is measured', async () => {
    const dir = tempDir('triptyque-no-script-');
    const seen = await browser.withPage({ allowedRoots: [dir], viewport: { width: 1280, height: 720 } }, async (page) => {
      await openFontPage(page, '', dir);
      await showDocument(page, { css: 'section { width: 1280px; height: 720px; }', body: `<div class="marpit"><section>${smuggled}</section></div>` });
      return { title: await page.title(), measures: await measureSlides(page) };
    });
    expect(seen.title).toBe('');
    expect(seen.measures).toHaveLength(1);
  });

  it('no page of a build runs the scripts of what it shows', async () => {
    const title = await browser.withPage({ allowedRoots: [] }, async (page) => {
      await page.setContent(smuggled);
      return page.title();
    });
    expect(title).toBe('');
    // The same markup in an ordinary tab of the same browser does run: the payload is live.
    const tab = await (await browser.browser()).newPage();
    try {
      await tab.setContent(smuggled);
      expect(await tab.title()).toBe('ran');
    } finally {
      await tab.close();
    }
  });
});

describe('speaker notes in deck.md stay notes (#10.10)', () => {
  it('raw HTML in a paragraph moved to the notes keeps only its text; nothing ends the comment or becomes a directive', async () => {
    const long = Array(12).fill('Une phrase assez longue pour que le paragraphe parte dans les notes de l’orateur.').join(' ');
    const { publication } = await loadMarkdown(
      `${FRONT_MATTER}# Un\n\n${long} <img src=x onerror="pwned()"> puis <script>pwned()</script> et --> <b>fin</b> --!> <!-- reste.\n\n:::notes\ntheme: gaia\n\nheader: un en-tête piégé\n:::\n`,
    );
    const markdown = deckMarkdown(planSlides(publication!), { meta: publication!.meta, theme: 'arifor', footer: 'Pied', notesHeader: () => 'Temps de parole : 1 min' });
    expect(markdown).not.toMatch(/onerror|<script|<img/i);
    const rendered = new Marp({ html: true, script: false }).render(markdown);
    const notes = rendered.comments.flat().join('\n');
    // Every word of the paragraph and of the notes block reaches the notes, as text.
    expect(notes).toContain('pwned() et --');
    expect(notes).toContain('fin --');
    expect(notes).toContain('reste.');
    const plain = notes.replace(/\u200b/g, '').replace(/[\u00a0\u202f]/g, ' ');
    expect(plain).toMatch(/theme ?: gaia/);
    expect(plain).toMatch(/header ?: un en-tête piégé/);
    // Nothing left the comments: no slide shows the notes, takes the theme or shows the header.
    expect(rendered.html).not.toMatch(/phrase assez longue pour que le paragraphe parte dans les notes de l’orateur\. Une/);
    expect(rendered.html).not.toMatch(/reste\.|gaia|piégé/);
    expect(executable(rendered.html)).toEqual([]);
  });
});
