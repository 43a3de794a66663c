import type { Page } from 'puppeteer-core';
import { BACKGROUND_ATTRIBUTE } from '../flat-slides';

/** A rectangle on the HTML slide, in its px from its top left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A piece of text with one look, as Chromium computed it. */
export interface TextRun {
  text: string;
  fontPx: number;
  /** First family of the computed `font-family` (the theme's font). */
  font: string;
  /** `#rrggbb`. */
  color: string;
  bold: boolean;
  italic: boolean;
  superscript: boolean;
  link?: string;
  /** A `<br>`: the run ends its line. */
  breakAfter?: boolean;
}

export interface TextParagraph {
  runs: TextRun[];
  /** 0 for a top-level paragraph or item, 1 for a sub-item... */
  level: number;
  bullet?: 'bullet' | 'number';
  /** An ordered item's number, as the HTML shows it. */
  number?: number;
  /** The colour of the item's marker (`::marker`, the theme's), `#rrggbb`. */
  markerColor?: string;
  /** An item's further paragraph: indented like the item, without a bullet. */
  continued?: boolean;
}

export type LayoutBlock =
  | { kind: 'text'; tag: string; box: Box; fontPx: number; lineHeightPx: number; paragraphs: TextParagraph[]; fill?: string; borderLeft?: { color: string; px: number }; padding: { top: number; right: number; bottom: number; left: number } }
  | { kind: 'table'; box: Box; fontPx: number; columns: number[]; rows: { header: boolean; cells: TextRun[][] }[]; rule: string }
  | { kind: 'image'; box: Box; src: string; alt: string; background?: { fit: 'cover' | 'contain'; natural?: { w: number; h: number } } };

/** One fitted slide of deck.html as laid out by Chromium: what the editable PPTX is built from. */
export interface SlideLayout {
  /** The slide's own size in px, which the boxes are measured in: 1280x720, or 960x720 for Marp's `size: 4:3`. */
  size: { width: number; height: number };
  /** The Marp class of the slide: title, divider, subdivider, agenda, content. */
  kind: string;
  background: string;
  title: { text: string; box: Box; paragraphs: TextParagraph[]; fontPx: number };
  /** Divider's kicker or title slide's subtitle and lines: text above or under the title. */
  blocks: LayoutBlock[];
  header?: { text: string; box: Box; run: TextRun };
  footer?: { text: string; box: Box; run: TextRun };
  /** Marp's page number, when the slide shows one. */
  page?: { number: number; total: number; box: Box; run: TextRun; shown: string };
  /** The accent bar under a content title, the rule above the footer: shapes the theme draws with CSS. */
  shapes: { box: Box; color: string }[];
}

/**
 * Reads every `div.marpit > section` of the page (the fitted deck, as `fitSlides` leaves it): each
 * title, block and run with the box, size and colour Chromium gave it, so another format can lay
 * the same slides out without a picture of them.
 */
export async function readSlideLayouts(page: Page): Promise<SlideLayout[]> {
  // tsx (esbuild, keepNames) wraps the named helpers below in `__name(...)`, which the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  const layouts = await page.evaluate((backgroundAttribute) => {
    const BLOCKS = new Set(['P', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE']);
    const hex = (css: string): string => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(css);
      if (!m || m[4] === '0') return '';
      return `#${[m[1], m[2], m[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('')}`;
    };
    const family = (css: string) => css.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
    const boxOf = (element: Element, origin: DOMRect) => {
      const r = element.getBoundingClientRect();
      return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
    };
    type TextRunLike = { text: string; fontPx: number; font: string; color: string; bold: boolean; italic: boolean; superscript: boolean; link?: string; breakAfter?: boolean };
    /** The box inside the padding, where the text goes. */
    const contentBox = (element: Element, origin: DOMRect) => {
      const box = boxOf(element, origin);
      const style = getComputedStyle(element);
      const left = parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
      return { x: box.x + left, y: box.y + parseFloat(style.paddingTop), w: box.w - left - parseFloat(style.paddingRight), h: box.h - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) };
    };
    const runOf = (text: string, element: Element): TextRunLike => {
      const style = getComputedStyle(element);
      const upper = style.textTransform === 'uppercase';
      return {
        text: upper ? text.toUpperCase() : text,
        fontPx: parseFloat(style.fontSize),
        font: family(style.fontFamily),
        color: hex(style.color) || '#000000',
        bold: Number(style.fontWeight) >= 600,
        italic: style.fontStyle === 'italic',
        superscript: !!element.closest('sup'),
        link: element.closest('a')?.getAttribute('href') ?? undefined,
      };
    };
    type Paragraph = { runs: TextRunLike[]; level: number; bullet?: 'bullet' | 'number'; number?: number; markerColor?: string; continued?: boolean };

    /** The paragraphs of a block: inline content gathers into one, block children start new ones, lists go one level down. */
    const paragraphsOf = (root: Element, level: number, out: Paragraph[], first?: Omit<Paragraph, 'runs'>) => {
      let current: Paragraph | undefined;
      let pending = first;
      const open = () => {
        if (!current) {
          current = { runs: [], ...(pending ?? { level, continued: level > 0 ? true : undefined }) };
          pending = undefined;
          out.push(current);
        }
        return current;
      };
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          // Collapsed as HTML does, but not the no-break spaces of French typography.
          const text = (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ');
          if (text.trim() || (current && text)) open().runs.push(runOf(text, node.parentElement!));
          return;
        }
        if (!(node instanceof Element)) return;
        // Inline math in a text run: its TeX, readable (a run cannot hold a picture).
        if (node.classList.contains('katex')) {
          const tex = node.querySelector('annotation')?.textContent?.trim() ?? node.textContent ?? '';
          open().runs.push(runOf(tex, node));
          return;
        }
        if (node.tagName === 'BR') {
          const runs = open().runs;
          if (runs.length > 0) runs[runs.length - 1]!.breakAfter = true;
          return;
        }
        if (node.tagName === 'UL' || node.tagName === 'OL') {
          current = undefined;
          if (node === root) pending = undefined;
          let number = Number(node.getAttribute('start') ?? 1);
          for (const li of node.children) {
            if (li.tagName !== 'LI') continue;
            const depth = root.tagName === 'LI' ? level + 1 : level;
            const markerColor = hex(getComputedStyle(li, '::marker').color) || undefined;
            paragraphsOf(li, depth, out, node.tagName === 'OL' ? { level: depth, bullet: 'number', number: number++, markerColor } : { level: depth, bullet: 'bullet', markerColor });
          }
          return;
        }
        if (BLOCKS.has(node.tagName)) {
          current = undefined;
          const continued = root.tagName === 'LI' && out.length > 0 && pending === undefined;
          paragraphsOf(node, level, out, pending ?? (continued ? { level, continued: true } : { level }));
          pending = undefined;
          return;
        }
        for (const child of node.childNodes) walk(child);
      };
      if (root.tagName === 'UL' || root.tagName === 'OL') walk(root);
      else for (const child of root.childNodes) walk(child);
      if (pending) out.push({ runs: [], ...pending });
      // Trim the spaces HTML collapses at the ends of a line.
      for (const paragraph of out) {
        const runs = paragraph.runs;
        if (runs[0]) runs[0].text = runs[0].text.replace(/^[ \t\n]+/, '');
        if (runs.at(-1)) runs.at(-1)!.text = runs.at(-1)!.text.replace(/[ \t\n]+$/, '');
      }
      return out;
    };

    return [...document.querySelectorAll<HTMLElement>('div.marpit > section')].map((section) => {
      const origin = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const kind = ['title', 'divider', 'subdivider', 'agenda'].find((name) => section.classList.contains(name)) ?? 'content';
      const children = [...section.children].filter((child) => !['HEADER', 'FOOTER'].includes(child.tagName) && !child.hasAttribute(backgroundAttribute));
      const heading = children.find((child) => /^H[12]$/.test(child.tagName))!;
      const blocks: unknown[] = [];
      const shapes: { box: ReturnType<typeof boxOf>; color: string }[] = [];
      // Marp's background pictures (`![bg]`, `![bg left:40%]`), first: the slide's content lies over them.
      for (const figure of section.querySelectorAll(`:scope > [${backgroundAttribute}] > figure`)) {
        const figureStyle = getComputedStyle(figure);
        const src = /url\("?(.*?)"?\)/.exec(figureStyle.backgroundImage)?.[1];
        if (!src) continue;
        const fit = figureStyle.backgroundSize === 'cover' ? 'cover' : 'contain';
        blocks.push({ kind: 'image', box: boxOf(figure, origin), src, alt: figure.querySelector('figcaption')?.textContent?.trim() ?? '', background: { fit } });
      }
      for (const child of children) {
        if (child === heading) continue;
        const box = boxOf(child, origin);
        const fontPx = parseFloat(getComputedStyle(child).fontSize);
        const lineHeight = parseFloat(getComputedStyle(child).lineHeight);
        if (child.tagName === 'TABLE') {
          const rows = [...child.querySelectorAll('tr')].map((tr) => ({
            header: tr.parentElement?.tagName === 'THEAD',
            cells: [...tr.children].map((cell) => paragraphsOf(cell, 0, []).flatMap((p) => p.runs)),
          }));
          const columns = [...(child.querySelector('tr')?.children ?? [])].map((cell) => cell.getBoundingClientRect().width);
          const cell = child.querySelector('td, th');
          blocks.push({ kind: 'table', box, fontPx, columns, rows, rule: cell ? hex(getComputedStyle(cell).borderBottomColor) : '' });
          continue;
        }
        // A displayed equation: a picture of it as Chromium set it (`mathPictures` takes it), the
        // size of the formula and its number, not of the line it is centred on.
        const display = child.querySelector('.katex-display');
        if (display && child.textContent?.trim() === display.textContent?.trim()) {
          const parts = [...(display.querySelector('.katex-html')?.children ?? [])].map((part) => part.getBoundingClientRect()).filter((rect) => rect.width > 0);
          // A few pixels around: italic letters and radicals reach past their boxes.
          const left = Math.min(...parts.map((rect) => rect.left)) - 4;
          const top = Math.min(...parts.map((rect) => rect.top)) - 4;
          const right = Math.max(...parts.map((rect) => rect.right)) + 4;
          const bottom = Math.max(...parts.map((rect) => rect.bottom)) + 4;
          if (parts.length > 0) {
            const page = `${left + window.scrollX},${top + window.scrollY},${right - left},${bottom - top}`;
            blocks.push({ kind: 'image', box: { x: left - origin.left, y: top - origin.top, w: right - left, h: bottom - top }, src: `math-shot:${page}`, alt: display.querySelector('annotation')?.textContent?.trim() ?? '' });
            continue;
          }
        }
        const images = child.tagName === 'IMG' ? [child as HTMLImageElement] : [...child.querySelectorAll('img')];
        if (images.length > 0 && !child.textContent?.trim()) {
          for (const image of images) blocks.push({ kind: 'image', box: boxOf(image, origin), src: image.currentSrc || image.src, alt: image.alt });
          continue;
        }
        const childStyle = getComputedStyle(child);
        const fill = hex(childStyle.backgroundColor);
        const borderPx = parseFloat(childStyle.borderLeftWidth);
        blocks.push({
          kind: 'text',
          tag: child.tagName.toLowerCase(),
          box,
          fontPx,
          lineHeightPx: Number.isFinite(lineHeight) ? lineHeight : fontPx * 1.2,
          paragraphs: paragraphsOf(child, 0, [], child.tagName === 'UL' || child.tagName === 'OL' ? undefined : { level: 0 }),
          fill: fill || undefined,
          padding: { top: parseFloat(childStyle.paddingTop), right: parseFloat(childStyle.paddingRight), bottom: parseFloat(childStyle.paddingBottom), left: parseFloat(childStyle.paddingLeft) },
          borderLeft: borderPx > 0 ? { color: hex(childStyle.borderLeftColor), px: borderPx } : undefined,
        });
        // The title slide's lines sit under a rule (their top border).
        const borderTop = parseFloat(childStyle.borderTopWidth);
        if (borderTop > 0) shapes.push({ box: { ...box, h: borderTop }, color: hex(childStyle.borderTopColor) });
      }
      // The theme's decorations are pseudo-elements: their boxes are read from their computed style.
      if (heading) {
        const after = getComputedStyle(heading, '::after');
        if (after.content !== 'none' && after.display !== 'none' && parseFloat(after.height) > 0) {
          const box = boxOf(heading, origin);
          const h = parseFloat(after.height);
          shapes.push({ box: { x: box.x + parseFloat(after.left || '0'), y: box.y + box.h - h, w: parseFloat(after.width), h }, color: hex(after.backgroundColor) });
        }
        const border = parseFloat(getComputedStyle(heading).borderLeftWidth);
        if (border > 0) {
          const box = boxOf(heading, origin);
          shapes.push({ box: { x: box.x, y: box.y, w: border, h: box.h }, color: hex(getComputedStyle(heading).borderLeftColor) });
        }
      }
      const before = getComputedStyle(section, '::before');
      if (before.content !== 'none' && parseFloat(before.height) > 0 && section.hasAttribute('data-marpit-pagination')) {
        const left = parseFloat(before.left);
        const right = parseFloat(before.right);
        const h = parseFloat(before.height);
        shapes.push({ box: { x: left, y: origin.height - parseFloat(before.bottom) - h, w: origin.width - left - right, h }, color: hex(before.backgroundColor) });
      }
      const line = (tag: 'header' | 'footer') => {
        const element = section.querySelector(`:scope > ${tag}`);
        const text = element?.textContent?.trim();
        return element && text ? { text, box: boxOf(element, origin), run: runOf(text, element) } : undefined;
      };
      const pagination = section.getAttribute('data-marpit-pagination');
      const afterStyle = getComputedStyle(section, '::after');
      /** The page number's text as the theme's `content` writes it: "11 / 30". */
      const shownContent = (content: string) =>
        [...content.matchAll(/attr\(([\w-]+)\)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map(([, name, double, single]) => (name ? (section.getAttribute(name) ?? '') : (double ?? single ?? ''))).join('');
      const page = pagination && afterStyle.content !== 'none'
        ? {
            number: Number(pagination),
            total: Number(section.getAttribute('data-marpit-pagination-total')),
            box: { x: origin.width - parseFloat(afterStyle.right) - 160, y: origin.height - parseFloat(afterStyle.bottom) - parseFloat(afterStyle.fontSize) * 1.4, w: 160, h: parseFloat(afterStyle.fontSize) * 1.4 },
            run: { text: '', bold: false, italic: false, superscript: false, fontPx: parseFloat(afterStyle.fontSize), font: family(afterStyle.fontFamily), color: hex(afterStyle.color) },
            shown: shownContent(afterStyle.content) || pagination,
          }
        : undefined;
      const titleParagraphs = heading ? paragraphsOf(heading, 0, [], { level: 0 }) : [];
      return {
        kind,
        size: { width: origin.width, height: origin.height },
        background: hex(style.backgroundColor) || '#ffffff',
        title: { text: heading?.textContent?.trim() ?? '', box: heading ? contentBox(heading, origin) : { x: 0, y: 0, w: 0, h: 0 }, paragraphs: titleParagraphs, fontPx: heading ? parseFloat(getComputedStyle(heading).fontSize) : 0 },
        blocks,
        header: line('header'),
        footer: line('footer'),
        page,
        shapes,
      };
    }) as SlideLayout[];
  }, BACKGROUND_ATTRIBUTE);
  await mathPictures(page, layouts);
  await backgroundSizes(page, layouts);
  return layouts;
}

/** Each background picture's own size, which cropping it to its box (as `cover` does) needs. */
async function backgroundSizes(page: Page, layouts: SlideLayout[]): Promise<void> {
  const pictures = layouts.flatMap((layout) => layout.blocks).filter((block): block is Extract<LayoutBlock, { kind: 'image' }> => block.kind === 'image' && block.background !== undefined);
  if (pictures.length === 0) return;
  const sizes = await page.evaluate(
    (urls) =>
      Promise.all(
        urls.map(async (url) => {
          const image = new Image();
          image.src = url;
          return image.decode().then(
            () => ({ w: image.naturalWidth, h: image.naturalHeight }),
            () => undefined,
          );
        }),
      ),
    pictures.map((picture) => picture.src),
  );
  pictures.forEach((picture, index) => {
    const size = sizes[index];
    if (size && size.w > 0 && size.h > 0) picture.background!.natural = size;
  });
}

/** Each displayed equation's place taken by its PNG, shot at three times the slide's resolution in the page that laid it out. */
async function mathPictures(page: Page, layouts: SlideLayout[]): Promise<void> {
  for (const layout of layouts) {
    for (const block of layout.blocks) {
      if (block.kind !== 'image' || !block.src.startsWith('math-shot:')) continue;
      const [x = 0, y = 0, width = 0, height = 0] = block.src.slice('math-shot:'.length).split(',').map(Number);
      const png = await page.screenshot({ clip: { x, y, width, height, scale: 3 }, omitBackground: true, encoding: 'base64' });
      block.src = `data:image/png;base64,${png}`;
    }
  }
}
