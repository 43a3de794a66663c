import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marpCli } from '@marp-team/marp-cli';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { BuildReport } from '../artifacts/report';

/**
 * A small but real output folder for tests that must not wait for the real targets: a Marp
 * bespoke HTML deck made by marp-cli with a 16:9 PDF of its slides, an A5 PDF made by pdf-lib
 * and a plain HTML email.
 */
export async function writeFakeOutput(
  outDir: string,
  options: { slug?: string; slides?: number; pages?: number; source: string; only?: ('deck' | 'brochure' | 'digest')[] },
): Promise<BuildReport> {
  const slug = options.slug ?? 'essai';
  const slides = options.slides ?? 3;
  const pages = options.pages ?? 4;
  const dir = join(outDir, slug);
  mkdirSync(dir, { recursive: true });

  const writes = (part: 'deck' | 'brochure' | 'digest') => !options.only || options.only.includes(part);
  if (writes('deck')) await writeDeck(dir, slides);
  if (writes('brochure')) await writeBrochure(dir, pages);
  if (writes('digest')) {
    writeFileSync(join(dir, 'digest.html'), '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Synthèse</title><body style="font-family:sans-serif"><h1>Synthèse de la journée</h1><p>Le courriel de synthèse.</p></body></html>');
  }
  const bytes = (name: string, size: number) => ({ name, bytes: size });
  return {
    source: options.source,
    slug,
    tool: { name: 'triptyque', version: '0.0.0' },
    builtAt: '2024-01-15T10:00:00.000Z',
    ok: true,
    durationMs: 1234,
    model: { sections: 3, blocks: 9, words: 420 },
    targets: {
      deck: { ok: true, durationMs: 800, artifacts: [bytes('deck.html', 1), bytes('deck.md', 1)], counts: { slides } },
      brochure: { ok: true, durationMs: 600, artifacts: [bytes('brochure.pdf', 1)], counts: { pages } },
      digest: { ok: true, durationMs: 90, artifacts: [bytes('digest.html', 1)], counts: {} },
    },
    diagnostics: [{ file: options.source, line: 12, column: 3, severity: 'warning', ruleId: 'long-paragraph', message: 'Paragraph of 212 words: it will not fit on a slide' }],
  };
}

async function writeDeck(dir: string, slides: number): Promise<void> {
  const markdown = Array.from({ length: slides }, (_, index) => `# Diapositive ${index + 1}\n\nTexte de la diapositive ${index + 1}.`).join('\n\n---\n\n');
  writeFileSync(join(dir, 'deck.md'), `---\nmarp: true\n---\n\n${markdown}\n`);
  const code = await marpCli([join(dir, 'deck.md'), '--html', '--no-stdin', '-o', join(dir, 'deck.html')]);
  if (code !== 0) throw new Error(`marp-cli exited ${code}`);
  writeFileSync(join(dir, 'deck.pdf'), await pdfOf(slides, [960, 540], 'Diapositive'));
}

async function writeBrochure(dir: string, pages: number): Promise<void> {
  writeFileSync(join(dir, 'brochure.pdf'), await pdfOf(pages, [420, 595], 'Page'));
}

/** `count` pages of `size` points, each with its number written large. */
async function pdfOf(count: number, size: [number, number], label: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= count; number++) {
    const page = pdf.addPage(size);
    page.drawRectangle({ x: 40, y: size[1] - 115, width: size[0] - 80, height: 70, color: rgb(0.89, 0.94, 0.96) });
    page.drawText(`${label} ${number}`, { x: 56, y: size[1] - 90, size: 30, font, color: rgb(0.03, 0.25, 0.36) });
  }
  return pdf.save();
}
