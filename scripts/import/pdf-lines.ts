import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A PDF's text as lines in reading order, with what a layout says about each: size and weight
 * of its font, where it sits. Two-column pages are read column by column (a line across the
 * gutter, a title, stays where it is); lines repeated at the top or foot of most pages (running
 * heads, footers, page numbers) are left out.
 */

export interface PdfLine {
  text: string;
  page: number;
  /** Left edge and baseline, in points from the page's bottom left. */
  x: number;
  y: number;
  /** Right edge. */
  right: number;
  size: number;
  bold: boolean;
  italic: boolean;
  /** Set in a monospaced font: code. */
  mono: boolean;
  /** The left and right edges of the column (or page body) the line is in. */
  columnLeft: number;
  columnRight: number;
  /** Raised small runs (note calls) as `[^n]`, before joining. */
  calls: string[];
}

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  italic: boolean;
  mono: boolean;
}

const ROUND = (value: number) => Math.round(value * 10) / 10;

/** The runs of one page, their fonts' names read for weight and style. */
async function pageRuns(page: Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>): Promise<Run[]> {
  await page.getOperatorList();
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, , , x, y] = item.transform as number[];
    const size = Math.hypot(a!, b!);
    let name = '';
    try {
      name = String((page.commonObjs.get(item.fontName) as { name?: string } | undefined)?.name ?? '');
    } catch {
      name = '';
    }
    const family = `${name} ${content.styles[item.fontName]?.fontFamily ?? ''}`;
    runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: ROUND(size), bold: /bold|bld|black|heavy|demi/i.test(family), italic: /italic|oblique/i.test(family), mono: /mono|courier|consol|code/i.test(family) });
  }
  return runs;
}

/** Runs on one baseline (within a third of their size), left to right, as lines; a wide gap splits a line (columns, table cells). */
function lines(runs: Run[], page: number, gutter: number | undefined, width: number): PdfLine[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Run[][] = [];
  for (const run of sorted) {
    const row = rows.find((candidate) => Math.abs(candidate[0]!.y - run.y) < Math.max(candidate[0]!.size, run.size) * 0.35 && (gutter === undefined || side(candidate[0]!, gutter) === side(run, gutter)));
    if (row) row.push(run);
    else rows.push([run]);
  }
  const result: PdfLine[] = [];
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    // The body's runs decide the line's size; a raised small run is a note call.
    const main = row.reduce((best, run) => (run.text.trim().length > 0 && run.size > best.size ? run : best), row[0]!);
    let text = '';
    const calls: string[] = [];
    let end = -Infinity;
    for (const run of row) {
      const raised = run.size < main.size * 0.8 && run.y > main.y + main.size * 0.2 && /^\d{1,3}$/.test(run.text.trim());
      const gap = run.x - end;
      if (text !== '' && gap > main.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
      if (raised && text !== '') {
        text = text.replace(/\s+$/, '') + `[^${run.text.trim()}]`;
        calls.push(run.text.trim());
      } else text += run.text;
      end = run.x + run.width;
    }
    const left = row[0]!;
    const inRight = gutter !== undefined && side(left, gutter) === 'right';
    const bold = row.filter((run) => run.text.trim()).every((run) => run.bold);
    const italic = row.filter((run) => run.text.trim()).every((run) => run.italic);
    const mono = row.filter((run) => run.text.trim()).every((run) => run.mono);
    result.push({
      // Controls and private-use code points are glyphs without a character (a font's icons), not text.
      text: text.replace(/[\u0000-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/g, '').replace(/\s+/g, ' ').trim(),
      page,
      x: left.x,
      y: main.y,
      right: end,
      size: main.size,
      bold,
      italic,
      mono,
      columnLeft: inRight ? gutter! : 0,
      columnRight: gutter === undefined || inRight ? width : gutter,
      calls,
    });
  }
  return result.filter((line) => line.text !== '');
}

function side(run: Run, gutter: number): 'left' | 'right' {
  return run.x >= gutter ? 'right' : 'left';
}

/**
 * The x of a gutter the page's text does not cross on most of its height, between 35 and 65 %
 * of its width, when text stands on both sides of it: a two-column page.
 */
function findGutter(runs: Run[], width: number): number | undefined {
  const body = runs.filter((run) => run.text.trim().length > 0);
  if (body.length < 20) return undefined;
  let best: { x: number; crossing: number } | undefined;
  for (let x = width * 0.35; x <= width * 0.65; x += 2) {
    const crossing = body.filter((run) => run.x < x && run.x + run.width > x).length;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best) return undefined;
  const left = body.filter((run) => run.x + run.width <= best!.x).length;
  const right = body.filter((run) => run.x >= best!.x).length;
  return best.crossing <= body.length * 0.05 && left > body.length * 0.25 && right > body.length * 0.25 ? best.x : undefined;
}

/**
 * Reading order: lines across the gutter (a title, a wide table) where they stand, and between
 * them each column's lines top to bottom, left column first. A line that reaches over the gutter
 * while the other column has a line beside it is a long line of its own column, not across.
 */
function readingOrder(page: PdfLine[], gutter: number | undefined): PdfLine[] {
  const byHeight = (p: PdfLine, q: PdfLine) => q.y - p.y || p.x - q.x;
  if (gutter === undefined) return [...page].sort(byHeight);
  const beside = (line: PdfLine) => page.some((other) => other !== line && other.x >= gutter && Math.abs(other.y - line.y) < line.size);
  const spanning = page.filter((line) => line.x < gutter && line.right > gutter + 1 && !beside(line)).sort(byHeight);
  const bands: PdfLine[][] = spanning.map(() => []);
  bands.push([]);
  for (const line of page) {
    if (spanning.includes(line)) continue;
    bands[spanning.filter((across) => across.y > line.y).length]!.push(line);
  }
  return bands.flatMap((band, index) => [...band.filter((line) => line.x < gutter).sort(byHeight), ...band.filter((line) => line.x >= gutter).sort(byHeight), ...(spanning[index] ? [spanning[index]] : [])]);
}

/** A line's text with its numbers as `#`: page numbers and dates change from page to page, running heads do not otherwise. */
const shape = (text: string) => text.replace(/\d+/g, '#').toLowerCase();

/**
 * Lines in the top or bottom eighth of their page that are a page number alone, or whose shape
 * comes back in the margins of another page: furniture, not text.
 */
function furniture(pages: { lines: PdfLine[]; height: number }[]): Set<PdfLine> {
  const sizes = new Map<number, number>();
  for (const line of pages.flatMap((page) => page.lines).filter((line) => !line.mono)) sizes.set(line.size, (sizes.get(line.size) ?? 0) + line.text.length);
  const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  // A heading at the top of a page is not furniture, even when a running head repeats it.
  const inMargin = (line: PdfLine, height: number) => (line.y > height * 0.88 || line.y < height * 0.12) && line.size <= body * 1.05;
  const counts = new Map<string, number>();
  for (const { lines: page, height } of pages) {
    for (const key of new Set(page.filter((line) => inMargin(line, height)).map((line) => shape(line.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // A running head changes with the chapter: on two pages is enough when the document has three or more.
  const repeated = (line: PdfLine) => pages.length >= 2 && (counts.get(shape(line.text)) ?? 0) >= (pages.length >= 3 ? 2 : 2);
  const found = new Set<PdfLine>();
  for (const { lines: page, height } of pages) {
    for (const line of page) {
      if (!inMargin(line, height)) continue;
      if (/^(page\s*)?[-–—]?\s*[\divxlc]+\s*([-–—]|\/\s*\d+|of\s+\d+|sur\s+\d+)?\s*$/i.test(line.text) || repeated(line)) found.add(line);
    }
  }
  return found;
}

export interface PdfImage {
  page: number;
  y: number;
  png: Buffer;
}

/** Every line of the document in reading order, without the pages' furniture, and the pictures drawn on its pages. */
export async function readPdfLines(bytes: Uint8Array, encodePng: (data: Uint8ClampedArray, width: number, height: number) => Buffer | undefined): Promise<{ lines: PdfLine[]; images: PdfImage[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: { lines: PdfLine[]; height: number }[] = [];
    const images: PdfImage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const runs = await pageRuns(page);
      const gutter = findGutter(runs, width);
      pages.push({ lines: readingOrder(lines(runs, number, gutter, width), gutter), height });
      images.push(...(await pageImages(page, number, encodePng)));
    }
    const left = furniture(pages);
    return { lines: pages.flatMap((page) => page.lines.filter((line) => !left.has(line))), images };
  } finally {
    await pdf.destroy();
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;

/** The pictures a page paints (pdf.js decodes them), large enough to be more than a rule or a dot. */
async function pageImages(page: PdfPage, number: number, encodePng: (data: Uint8ClampedArray, width: number, height: number) => Buffer | undefined): Promise<PdfImage[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const list = await page.getOperatorList();
  const found: PdfImage[] = [];
  let y = 0;
  for (let index = 0; index < list.fnArray.length; index++) {
    const op = list.fnArray[index];
    if (op === OPS.transform) y = Number((list.argsArray[index] as number[])[5] ?? y);
    if (op !== OPS.paintImageXObject) continue;
    const name = String((list.argsArray[index] as unknown[])[0]);
    const image = await new Promise<{ width: number; height: number; data?: Uint8ClampedArray; kind?: number } | undefined>((resolve) => {
      try {
        const objects = name.startsWith('g_') ? page.commonObjs : page.objs;
        objects.get(name, (value: unknown) => resolve(value as never));
      } catch {
        resolve(undefined);
      }
    });
    if (!image?.data || image.width < 24 || image.height < 24) continue;
    const rgba = toRgba(image.data, image.width, image.height, image.kind);
    const png = rgba && encodePng(rgba, image.width, image.height);
    if (png) found.push({ page: number, y, png });
  }
  return found;
}

/** pdf.js's image kinds: 1 grayscale 1 bit, 2 RGB 24 bits, 3 RGBA 32 bits. */
function toRgba(data: Uint8ClampedArray, width: number, height: number, kind: number | undefined): Uint8ClampedArray | undefined {
  const pixels = width * height;
  if (kind === 3 && data.length >= pixels * 4) return data;
  if (kind === 2 && data.length >= pixels * 3) {
    const rgba = new Uint8ClampedArray(pixels * 4);
    for (let i = 0; i < pixels; i++) {
      rgba[i * 4] = data[i * 3]!;
      rgba[i * 4 + 1] = data[i * 3 + 1]!;
      rgba[i * 4 + 2] = data[i * 3 + 2]!;
      rgba[i * 4 + 3] = 255;
    }
    return rgba;
  }
  return undefined;
}
