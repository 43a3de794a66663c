import { Marp } from '@marp-team/marp-core';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Page } from 'puppeteer-core';
import { buildTime } from '../../artifacts/build-time';
import type { ArtifactRecord } from '../../artifacts/write-artifact';
import { messages } from '../../messages/messages';
import { readMarpSlides, speakerNotes } from '../../model/marp-slides';
import type { AuthoredSlides } from '../../model/types';
import { loadTheme } from '../../theme/load-theme';
import { imageDataUrl, locateImage } from '../image-source';
import type { TargetContext, TargetResult } from '../target';
import { openFontPage, showDocument } from './deck-page';
import { inPieces } from './deck-pieces';
import { loadDeckTheme, withEmojiFonts, type DeckTheme } from './deck-theme';
import { exportHtml, preloadHtmlExport } from './export-html';
import { finishPdf } from './export-pdf';
import { withoutKatexFontFiles } from './katex-font-faces.mjs';
import { buildPptx } from './export-pptx';
import { printHandout } from './handout';
import { chooseMarpTheme } from './marp-theme-choice';
import { BACKGROUND_ATTRIBUTE, flatSlides } from './flat-slides';
import { buildEditablePptx } from './pptx/build-editable-pptx';
import { readSlideLayouts } from './pptx/slide-layout';
import { MARP_OPTIONS, type RenderedDeck } from './render-marp';
import { screenshotSlides } from './screenshot-slides';
import { formatDuration } from './timing';
import { wordCount } from './inline-text';
import { talkTiming } from './talk-timing';

/**
 * The deck of a Marp deck source: the author's slides as Marp makes them (breaks, directives,
 * styles, backgrounds, notes), never refitted. Images beside the source are carried in the
 * slides; nothing is fetched. A slide Marp would crop is reported, not changed.
 */
export async function renderAuthoredDeck(context: TargetContext, slides: AuthoredSlides): Promise<TargetResult> {
  const { publication, settings } = context;
  const { meta } = publication;
  const { lang } = meta;
  const theme = loadTheme(settings.theme);
  // The emoji font the slides' text needs, as the planned deck has it (a font of the page, whatever the Marp theme).
  const triptyqueDeckTheme = withEmojiFonts(await loadDeckTheme(theme), slides.markdown);
  const choice = chooseMarpTheme(slides.theme?.name, context.sourceDir, settings.deck.marpThemes ?? []);
  let markdown = withLocalImages(slides.markdown, context.sourceDir);
  const themeCss: string[] = [];
  if (choice.kind === 'custom') themeCss.push(choice.css);
  if (choice.kind === 'unknown' && slides.theme) {
    context.file.message(`deck: Marp theme \`${slides.theme.name}\` is neither Marp's own (default, gaia, uncover) nor a stylesheet beside the source or in the configuration's deck.marpThemes: the slides take the Triptyque theme \`${triptyqueDeckTheme.name}\``, {
      place: { line: slides.theme.line, column: 1 },
      ruleId: 'deck-marp-theme',
      source: 'triptyque',
    });
    themeCss.push(triptyqueDeckTheme.css);
    markdown = withTheme(markdown, slides.theme.line, triptyqueDeckTheme.name);
  }
  preloadHtmlExport();
  const lines = readMarpSlides(slides.markdown).map((slide) => slide.line);
  const marp = (inlineSVG: boolean) => {
    const instance = withoutKatexFontFiles(new Marp({ ...MARP_OPTIONS, inlineSVG, script: false }));
    // As deck.html's engine does (`marp-cli-engine.mjs`): an SVG beside the source comes as a data URL.
    const validateLink = instance.markdown.validateLink;
    instance.markdown.validateLink = (url: string) => /^data:image\/svg\+xml;base64,/i.test(url) || validateLink(url);
    for (const css of themeCss) instance.themeSet.add(css);
    return instance;
  };
  // What Marp CLI prints: inline SVG, split backgrounds and all. The plain sections are what the build reads (layouts, overflow, handout).
  const shown = marp(true).render(markdown, { htmlAsArray: true });
  const plainRender = marp(false).render(markdown, { htmlAsArray: true });
  // Marp's slides as one section each (its split backgrounds beside the content, its fit headings marked), in Marp's plain stylesheet.
  const plain: RenderedDeck = { sections: flatSlides(shown.html), css: plainRender.css, notes: plainRender.comments.map(speakerNotes) };
  const size = slideSize(shown.html[0] ?? '');
  const html = exportHtml(markdown, { name: 'authored', css: themeCss.join('\n'), embeddedFontCss: choice.kind === 'unknown' ? triptyqueDeckTheme.embeddedFontCss : '', fontCss: '' } satisfies DeckTheme);
  html.catch(() => undefined);
  const titles = plain.sections.map((section, index) => slideTitle(section) ?? messages(lang).untitledSlide(index + 1));
  const seconds = plain.sections.map((section, index) => speakingSeconds(section, plain.notes[index] ?? [], settings.deck.pace));
  const talk = talkTiming(seconds, settings.deck.slotMinutes, lang);
  const notes = plain.notes.map((comments, index) => [messages(lang).speakingTime(formatDuration(seconds[index]!)), ...comments].join('\n\n'));
  const blocked: string[] = [];
  const date = new Date(buildTime());
  const written: Promise<ArtifactRecord>[] = [];
  const writing = (pending: Promise<ArtifactRecord>) => {
    pending.catch(() => undefined);
    written.push(pending);
  };
  writing(context.write('deck.md', markdown));
  writing(html.then((text) => context.write('deck.html', text)));
  await context.browser.withPage({ allowedRoots: context.allowedRoots, onBlocked: (url: string) => blocked.push(url), viewport: { width: size.width, height: size.height }, kind: 'deck', affinity: context.outDir, keep: context.keepPages }, async (page) => {
    await openFontPage(page, triptyqueDeckTheme.fontCss, context.outDir);
    const overflowing = (await inPieces(page, plain, lang, () => overflowingSlides(page))).flatMap((over, index) => (over ? [index] : []));
    for (const index of overflowing) {
      context.file.message(`deck: slide ${index + 1} (“${titles[index]}”) is taller than the slide: Marp crops what does not fit; shorten it or split it with \`---\``, {
        place: { line: lines[index] ?? 1, column: 1 },
        ruleId: 'deck-overflow',
        source: 'triptyque',
      });
    }
    await html.then(() => context.turn.htmlWritten(), () => context.turn.htmlWritten());
    await context.turn.printsMayStart();
    if (settings.deck.pptx === 'editable') {
      const layouts = await inPieces(page, plain, lang, () => readSlideLayouts(page));
      writing(buildEditablePptx(layouts.map((layout, index) => ({ layout, notes: notes[index]! })), meta, theme).then((bytes) => context.write('deck.pptx', bytes)));
    } else {
      const shots = await inPieces(page, plain, lang, (piece) => screenshotSlides(page, piece));
      writing(buildPptx(shots.map((image, index) => ({ image, notes: notes[index]! })), meta).then((bytes) => context.write('deck.pptx', bytes)));
    }
    await showDocument(page, { css: `${shown.css}${printCss(size)}`, body: `<div class="marpit">${shown.html.join('')}</div>`, lang });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, width: `${size.width}px`, height: `${size.height}px`, outline: false });
    const outline = titles.flatMap((title, page) => (slideTitle(plain.sections[page]!) ? [{ title, page, children: [] }] : []));
    writing(finishPdf([pdf], { meta, date }, outline).then((bytes) => context.write('deck.pdf', bytes)));
    const handoutSlides = plain.sections.map((section, index) => ({ section, title: titles[index]!, notes: plain.notes[index] ?? [], timing: formatDuration(seconds[index]!) }));
    const handout = await printHandout(page, handoutSlides, { meta, theme, slideCss: plain.css, summary: talk.summary });
    writing(finishPdf(handout, { meta: { ...meta, title: messages(lang).handoutTitle(meta.title) }, date }, []).then((bytes) => context.write('deck-handout.pdf', bytes)));
  });
  const artifacts: ArtifactRecord[] = [];
  for (const pending of written) artifacts.push(await pending);
  for (const url of new Set(blocked)) context.file.message(`deck: the slides asked for ${url}, which was blocked (nothing is fetched at render time)`, { ruleId: 'deck-blocked-request', source: 'triptyque' });
  return {
    artifacts,
    counts: { slides: plain.sections.length, talkSeconds: talk.totalSeconds },
    details: { authored: true, marpTheme: slides.theme?.name ?? 'default', talk: { total: talk.total, slotMinutes: talk.slotMinutes, fitsSlot: talk.fitsSlot, summary: talk.summary } },
  };
}

/**
 * `![...](file.png)` beside the source in its data URL: deck.html and the pages leave the source's
 * folder. A missing file, or one out of the folder, is a grey box; a web image stays as written
 * (the page blocks it, and says so).
 */
function withLocalImages(markdown: string, sourceDir: string): string {
  const replace = (url: string) => {
    const source = locateImage(url, sourceDir);
    if (source.kind === 'embedded' || source.kind === 'remote') return url;
    return (source.kind === 'local' ? imageDataUrl(source.path) : undefined) ?? PLACEHOLDER;
  };
  // Where the images' URLs are, from the syntax tree: the same text in code is left alone.
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown);
  const images = new Set<string>();
  visit(tree, 'imageReference', (node) => void images.add(node.identifier));
  const edits: { start: number; end: number; url: string }[] = [];
  visit(tree, (node) => {
    const isImage = node.type === 'image' || (node.type === 'definition' && images.has(node.identifier));
    if (!isImage || !('url' in node) || !node.position) return;
    const { start, end } = node.position;
    const text = markdown.slice(start.offset, end.offset);
    // The URL as written (it may be escaped or bracketed), last in the node's text before any title.
    const at = text.lastIndexOf(node.url);
    if (at !== -1) edits.push({ start: start.offset! + at, end: start.offset! + at + node.url.length, url: replace(node.url) });
  });
  let result = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.url + result.slice(edit.end);
  return result;
}

/** A light grey picture, 16:9, where an image cannot be shown (PNG: Markdown links take no SVG data URL). */
const PLACEHOLDER = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAIAAAC0SDtlAAAAEklEQVR4nGN4QiJgGNUwKDQAAHp+gNC7kEDHAAAAAElFTkSuQmCC';

/** The theme directive on `line` names `name` instead. */
function withTheme(markdown: string, line: number, name: string): string {
  const lines = markdown.split('\n');
  lines[line - 1] = lines[line - 1]!.replace(/(theme:\s*)["']?[\w-]+["']?/, `$1${name}`);
  return lines.join('\n');
}

function slideSize(svg: string): { width: number; height: number } {
  const box = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  return box ? { width: Number(box[1]), height: Number(box[2]) } : { width: 1280, height: 720 };
}

function printCss(size: { width: number; height: number }): string {
  return `
@page { size: ${size.width}px ${size.height}px; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
div.marpit > svg { display: block; width: ${size.width}px; height: ${size.height}px; break-after: page; }
div.marpit > svg:last-child { break-after: auto; }
`;
}

/** The slide's first heading, as text. */
function slideTitle(section: string): string | undefined {
  const heading = /<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/.exec(section)?.[2];
  const text = heading?.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** The notes said, and the slide's words said too when it has no notes, at `pace` words a minute. */
function speakingSeconds(section: string, notes: readonly string[], pace: number): number {
  const visible = wordCount(section.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '));
  const said = wordCount(notes.join(' '));
  const words = said + visible * (said ? 0.5 : 1);
  return Math.max(10, Math.round(((words / pace) * 60) / 5) * 5);
}

/** Whether each slide the page shows is taller or wider than its box (Marp crops it silently). */
async function overflowingSlides(page: Page): Promise<boolean[]> {
  return page.evaluate((background) =>
    [...document.querySelectorAll<HTMLElement>('div.marpit > section')].map((section) => {
      const box = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const bottom = box.bottom - parseFloat(style.paddingBottom) + 0.5;
      const children = [...section.children].filter((child) => !['HEADER', 'FOOTER', 'STYLE'].includes(child.tagName) && !child.hasAttribute(background));
      return section.scrollHeight > section.clientHeight + 1 || children.some((child) => child.getBoundingClientRect().bottom > bottom);
    }),
  BACKGROUND_ATTRIBUTE);
}
