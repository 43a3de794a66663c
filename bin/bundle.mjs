// The CLI's TypeScript, bundled once by esbuild into node_modules/.cache and run by Node as plain
// ESM. Running it through a TypeScript loader cost a second of every start (each of ~250 files
// resolved and transformed through the loader's thread). The bundle is made again when a file
// under scripts/ changes; pure-JavaScript dependencies go inside it (`OUTSIDE` lists those that
// stay out), and commands and targets stay separate chunks, so a command loads only what it uses.
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isBuiltin } from 'node:module';

const KEPT_BUNDLES = 4;

/** The bundled CLI's entry for the sources under `root`/scripts, made if it is not there yet. */
export async function cliBundle(root) {
  const scripts = join(root, 'scripts');
  const cache = join(root, 'node_modules', '.cache', 'triptyque');
  const dir = join(cache, `cli-${fingerprint(root, scripts)}`);
  const entry = join(dir, 'cli.mjs');
  if (existsSync(entry)) return entry;

  mkdirSync(cache, { recursive: true });
  const draft = join(cache, `draft-${process.pid}-${randomBytes(4).toString('hex')}`);
  await bundle({ entryPoints: { cli: join(scripts, 'cli.ts') }, scripts, outdir: draft, finalDir: dir });
  try {
    renameSync(draft, dir);
  } catch {
    // Another process bundled the same sources first: its bundle is this one.
    rmSync(draft, { recursive: true, force: true });
  }
  prune(cache, dir);
  return entry;
}

/**
 * Bundles `entryPoints` (name -> TypeScript file under `scripts`) into `outdir`, each entry and
 * the chunks they share as ESM files side by side. `finalDir` is where the files will be read
 * from (the draft is renamed there): each file's own URL is written relative to it.
 */
export async function bundle({ entryPoints, scripts, outdir, finalDir = outdir, sourcemap = true }) {
  const { build } = await import('esbuild');
  await build({
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A CommonJS package bundled here may still require one left outside.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    outdir,
    outExtension: { '.js': '.mjs' },
    sourcemap,
    logLevel: 'error',
    plugins: [outsidePackages(), ownUrls(scripts, finalDir)],
  });
}

/** Paths, sizes and times of every source file: any edit, addition or removal gives a new bundle. */
function fingerprint(root, scripts) {
  const hash = createHash('sha256');
  for (const file of [join(root, 'bin', 'bundle.mjs'), join(root, 'package-lock.json'), ...sourceFiles(scripts)]) {
    const info = statSync(file, { throwIfNoEntry: false });
    hash.update(`${relative(root, file)}\0${info?.size}\0${info?.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|json)$/.test(entry.name) && !/\.test(-helper)?\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Packages that stay outside the bundle, loaded from node_modules as they are: those that find
 * files of their own at run time (fonts, native binaries, workers, patterns, templates), those
 * another outside package also loads (one copy of Marp, for marp-cli's engine and ours), and the
 * large ones a build may not need. The others (unified and its plugins, pdf-lib, zod, yaml,
 * cheerio...) are pure JavaScript spread over thousands of small modules: bundled, Node reads and
 * links one file instead of resolving each (remark-parse 102 -> 9 ms, pdf-lib 202 -> 90 ms).
 */
const OUTSIDE = /^(@fontsource|@ibm|@marp-team|@napi-rs|@puppeteer|puppeteer-core|chokidar|esbuild|hyphen|mammoth|pdfjs-dist|pptxgenjs|jszip|nodemailer|undici|fsevents)(\/|$)/;

function outsidePackages() {
  return {
    name: 'outside-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (OUTSIDE.test(args.path) || isBuiltin(args.path) ? { path: args.path, external: true } : undefined));
    },
  };
}

/**
 * Each file keeps its own `import.meta.url`, as if it were not bundled: paths beside a file
 * (the package root, marp-cli's engine, the thumbnail worker) stay where they are. The URL is
 * written relative to the bundle's own, so a bundle made before packing works wherever npm
 * installs the package.
 */
function ownUrls(scripts, finalDir) {
  return {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|mjs)$/ }, async (args) => {
        if (relative(scripts, args.path).startsWith('..')) return undefined;
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(args.path, 'utf8');
        const fromBundle = relative(finalDir, args.path).split(sep).map(encodeURIComponent).join('/');
        const ownUrl = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', ownUrl), loader: args.path.endsWith('.mjs') ? 'js' : 'ts' };
      });
    },
  };
}

/** Keeps the newest bundles (a process still running may load chunks of its own) and drops older ones and stale drafts. */
function prune(cache, current) {
  utimesSync(current, new Date(), new Date());
  const entries = readdirSync(cache, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ path: join(cache, entry.name), draft: entry.name.startsWith('draft-'), time: statSync(join(cache, entry.name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  const bundles = entries.filter((entry) => !entry.draft);
  for (const entry of [...bundles.slice(KEPT_BUNDLES), ...entries.filter((entry) => entry.draft && entry.time < dayAgo)]) {
    if (entry.path !== current) rmSync(entry.path, { recursive: true, force: true });
  }
}
