import { existsSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../artifacts/write-artifact';
import { check } from '../core/check';
import { FIX_LABELS } from '../fix/labels';
import { importDocument } from '../import/import-document';
import { slugify } from '../model/slug';
import type { CommandRun } from './command';
import { projectOf } from './project';

export const importHelp = `Usage: triptyque import FILE.docx|FILE.odt|FILE.pdf|FILE.html [-o content/NAME.md] [--force]

Turns a Word or LibreOffice document (.odt, through LibreOffice's converter), a PDF (headings,
paragraphs, lists and notes read from its layout, running heads and page numbers left out) or a
saved web page into a source: headings from Word's heading styles
(and from bold or italic paragraphs standing as headings), nested lists, tables, emphasis, links,
footnotes (as Markdown footnotes), equations (as $$TeX$$), captions beside their table or
figure; images written into NAME-images/ next to the source with their alt text. The front matter comes from the document's properties and first lines; lang is
guessed from the text.
Then the source is checked: what could not be decided is a warning at its line.

  -o, --out FILE   where to write the source (default: content/<file name>.md)
  --force          overwrite FILE if it exists

Exit codes: 0 imported (warnings allowed), 1 errors or an existing file, 2 bad usage.`;

export const runImport: CommandRun = async (argv, io) => {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } },
  });
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0 || !/\.(docx|odt|pdf|html?)$/i.test(input)) {
    io.err('triptyque import: give one .docx, .odt, .pdf or .html file. See `triptyque import --help`.');
    return 2;
  }
  const inputPath = resolve(io.cwd, input);
  if (!existsSync(inputPath)) {
    io.err(`triptyque import: ${input}: no such file.`);
    return 1;
  }
  const output = values.out ?? join('content', `${slugify(basename(input, extname(input)))}.md`);
  const outputPath = resolve(io.cwd, output);
  if (existsSync(outputPath) && !values.force) {
    io.err(`triptyque import: ${output} already exists; give another -o or add --force to overwrite it.`);
    return 1;
  }
  const imported = await importDocument(inputPath, outputPath);
  if ('failure' in imported) {
    io.err(`triptyque import: ${input}: ${imported.failure}`);
    return 1;
  }
  await writeAtomic(outputPath, imported.markdown);
  for (const warning of imported.warnings) io.err(`${input}: warning  ${warning}`);
  for (const note of imported.notes) io.err(`${input}: info  ${note}`);
  for (const fix of imported.fixes) io.err(`${output}:${fix.line}:${fix.column}  fixed  ${FIX_LABELS[fix.ruleId] ?? fix.ruleId}  ${fix.ruleId}`);
  const project = projectOf(io);
  const result = await check({ sources: [outputPath], root: project.root, config: project.config });
  io.report(result.files);
  io.out(`${relative(io.cwd, outputPath)}`);
  return result.ok ? 0 : 1;
};
