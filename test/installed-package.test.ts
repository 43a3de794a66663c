// The package as a new user gets it: packed, installed from the tarball into an empty project
// (npm's cache, no registry when the cache has everything), then started with `npx triptyque`.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { tool } from './tools';

const ROOT = join(import.meta.dirname, '..');
const INSTALL_TIMEOUT = 15 * 60_000;
const SOURCE = 'first-publication';

const EXPECTED_ARTIFACTS = [
  'deck.md', 'deck.html', 'deck.pdf', 'deck.pptx', 'deck-handout.pdf',
  'brochure.html', 'brochure.pdf', 'brochure-booklet.pdf', 'brochure-print.pdf',
  'digest.html', 'digest.txt', 'digest.eml', 'report.json',
];

let project: string;
let packed: string;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // NO_COLOR: the output is read by a test, not a person.
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, timeout: INSTALL_TIMEOUT });
}

function ran(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}\n${result.stdout}\n${result.stderr}`;
}

/** Embedded fonts of a PDF, as pdffonts lists them (`name` without the subset prefix, and whether it is embedded). */
function embeddedFonts(pdf: string): string[] {
  return execFileSync(tool('pdffonts'), [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => /\byes\s+yes\s+yes\b/.test(line) || /\byes\s+(yes|no)\s+(yes|no)\s+\d+/.test(line))
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

/** The words a reader of each artifact could find: text files as they are, PDFs' text layers, the PPTX's XML. */
async function readableText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    if (name.endsWith('.pdf')) parts.push(execFileSync(tool('pdftotext'), [path, '-'], { encoding: 'utf8' }), bytes.toString('latin1'));
    else if (name.endsWith('.pptx')) {
      const zip = await JSZip.loadAsync(bytes);
      for (const file of Object.values(zip.files)) if (!file.dir) parts.push(await file.async('string'));
    } else parts.push(bytes.toString('utf8'));
  }
  return parts.join('\n');
}

beforeAll(() => {
  packed = tempDir('triptyque-pack-');
  const pack = run('npm', ['pack', '--pack-destination', packed, '--loglevel=error'], ROOT);
  expect(pack.status, ran(pack)).toBe(0);
  const tarball = join(packed, readdirSync(packed).find((name) => name.endsWith('.tgz'))!);
  project = tempDir('triptyque-user-');
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'a-new-project', private: true, type: 'module' })}\n`);
  const install = ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball];
  let installed = run('npm', [...install, '--offline', '--prefer-offline'], project);
  // A cache that lacks some package's metadata (a machine that never installed it): the registry fills the gap once.
  if (installed.status !== 0 && /ENOTCACHED/.test(installed.stderr)) installed = run('npm', [...install, '--prefer-offline'], project);
  expect(installed.status, ran(installed)).toBe(0);
}, INSTALL_TIMEOUT);

// The installed project weighs about 300 MB: not left behind.
afterAll(() => {
  for (const dir of [project, packed]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('triptyque installed from its tarball into an empty project', () => {
  it('starts a project with init, builds every artifact with the theme fonts embedded, and checks it: no first user\'s name anywhere', async () => {
    const init = run('npx', ['triptyque', 'init'], project);
    expect(init.status, ran(init)).toBe(0);
    for (const file of ['triptyque.config.yaml', `content/${SOURCE}.md`, 'themes/README.md', '.gitignore']) expect(existsSync(join(project, file)), file).toBe(true);
    const config = readFileSync(join(project, 'triptyque.config.yaml'), 'utf8');
    const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(config)?.[1];
    expect(schema).toBe('node_modules/triptyque/triptyque.config.schema.json');
    expect(JSON.parse(readFileSync(join(project, schema!), 'utf8'))).toHaveProperty('properties.digest');

    const again = run('npx', ['triptyque', 'init'], project);
    expect(again.status, ran(again)).toBe(1);
    expect(again.stderr).toContain('nothing was written');

    const build = run('npx', ['triptyque', 'build'], project);
    expect(build.status, ran(build)).toBe(0);
    const out = join(project, 'output', SOURCE);
    for (const name of EXPECTED_ARTIFACTS) expect(statSync(join(out, name)).size, name).toBeGreaterThan(0);
    expect(existsSync(join(project, 'output', 'index.html'))).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { ok: boolean; diagnostics: { ruleId?: string }[] };
    expect(report.ok).toBe(true);
    expect(report.diagnostics.map((d) => d.ruleId)).not.toContain('build-crashed');

    for (const pdf of ['brochure.pdf', 'deck.pdf']) {
      const fonts = embeddedFonts(join(out, pdf));
      expect(fonts, pdf).toContain('IBMPlexSerif-Regular');
      expect(fonts.some((font) => font.startsWith('IBMPlexSans-')), pdf).toBe(true);
      // Code may be set in the system's monospace; the text never falls back to the system's serif or sans.
      expect(fonts.filter((font) => /^(Liberation(Serif|Sans)|DejaVu(Serif|Sans))(-|$)/.test(font)), pdf).toEqual([]);
    }
    expect(await readableText(join(project, 'output'))).not.toMatch(/ARIFOR/i);

    const check = run('npx', ['triptyque', 'check'], project);
    expect(check.status, ran(check)).toBe(0);
  });

  it('builds a source from a script that imports build from the package, with progress as events, and types a TypeScript user can check', () => {
    writeFileSync(
      join(project, 'build.mjs'),
      [
        "import { build } from 'triptyque';",
        'const events = [];',
        "const outcome = await build({ sources: ['content/first-publication.md'], outDir: 'from-script', gallery: false }).on('progress', (event) => events.push(event.message));",
        'console.log(JSON.stringify({ ok: outcome.ok, failure: outcome.failure, targets: Object.keys(outcome.reports[0]?.targets ?? {}), events: events.length }));',
      ].join('\n'),
    );
    const script = run(process.execPath, ['build.mjs'], project);
    expect(script.status, ran(script)).toBe(0);
    const outcome = JSON.parse(script.stdout.trim().split('\n').at(-1)!) as { ok: boolean; targets: string[]; events: number };
    expect(outcome).toMatchObject({ ok: true, targets: ['deck', 'brochure', 'digest'] });
    expect(outcome.events).toBeGreaterThan(3);
    expect(statSync(join(project, 'from-script', SOURCE, 'brochure.pdf')).size).toBeGreaterThan(0);

    // Resolved as Node resolves it (`nodenext`), with the declarations checked too.
    writeFileSync(join(project, 'use.ts'), "import { build, check, importDocument, type BuildOutcome } from 'triptyque';\nconst outcome: BuildOutcome = await build({ only: ['digest'] }).on('progress', (event) => event.message.length);\nconst checked: boolean = (await check()).ok;\nconst imported: string | undefined = (await importDocument('a.docx')).output;\nexport { outcome, checked, imported };\n");
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }));
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
    expect(tsc.status, ran(tsc)).toBe(0);
  });
});
