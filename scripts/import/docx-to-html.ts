import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface DocumentProperties {
  title?: string;
  author?: string;
  /** YYYY-MM-DD */
  date?: string;
  lang?: string;
}

/** Word's paragraph styles -> HTML, beyond mammoth's defaults (French Word names its styles). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titre'] => h1:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='Titre ${level}'] => h${level}:fresh`),
];

/**
 * A .docx as HTML, its images written into `imageDir` (named image-N.ext, referenced relative
 * to `imageBase`) with the alt text Word keeps, and mammoth's warnings as lines.
 */
export async function docxToHtml(bytes: Buffer, imageDir: string, imageBase: string): Promise<{ html: string; warnings: string[] }> {
  let count = 0;
  const result = await mammoth.convertToHtml(
    { buffer: bytes },
    {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async (image) => {
        const extension = (image.contentType.split('/')[1] ?? 'png').replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '');
        const name = `image-${++count}.${extension}`;
        await mkdir(imageDir, { recursive: true });
        await writeFile(join(imageDir, name), await image.readAsBuffer());
        return { src: `${imageBase}${name}` };
      }),
    },
  );
  return { html: result.value, warnings: result.messages.map((message) => message.message) };
}

function xmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const value = match?.[1]?.trim();
  return value ? value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') : undefined;
}

/** Title, author, date and language from the document's properties (docProps/core.xml). */
export async function docxProperties(bytes: Buffer): Promise<DocumentProperties> {
  const zip = await JSZip.loadAsync(bytes);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (!core) return {};
  const date = xmlText(core, 'dcterms:created') ?? xmlText(core, 'dcterms:modified');
  const lang = xmlText(core, 'dc:language');
  return {
    title: xmlText(core, 'dc:title'),
    author: xmlText(core, 'dc:creator'),
    date: date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined,
    lang: lang?.split(/[-_]/)[0]?.toLowerCase(),
  };
}
