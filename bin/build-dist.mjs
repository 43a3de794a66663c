// `npm pack` / `npm publish` (prepack): the CLI and the API bundled into dist/ with their types,
// so an installed package runs without esbuild or TypeScript and needs no write access to itself.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scripts = join(root, 'scripts');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
await bundle({ entryPoints: { cli: join(scripts, 'cli.ts'), index: join(scripts, 'api', 'index.ts') }, scripts, outdir: dist, sourcemap: false });

// The API's types, from its TypeScript: declarations only, into dist/types/.
const types = join(dist, 'types');
mkdirSync(dist, { recursive: true });
const tsconfig = join(dist, 'tsconfig.types.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: '../tsconfig.json',
    compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: './types', rootDir: '../scripts' },
    // With the ambient declarations of the untyped packages the sources use (`*.d.ts` beside them).
    include: ['../scripts/**/*.d.ts'],
    files: ['../scripts/api/index.ts'],
  }),
);
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { stdio: 'inherit' });
rmSync(tsconfig);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// Node's ESM resolution (a consumer's `moduleResolution: node16`) wants the extension in relative
// imports; the declarations are written without it, as the sources are.
for (const entry of readdirSync(types, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath, entry.name);
  const text = readFileSync(path, 'utf8').replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\2/g, (whole, keyword, quote, specifier) => {
    if (/\.(m?js|json)$/.test(specifier)) return whole;
    const file = join(entry.parentPath, specifier);
    const target = readdirSync(dirname(file)).includes(`${specifier.split('/').pop()}.d.ts`) ? `${specifier}.js` : `${specifier}/index.js`;
    void file;
    return `${keyword}${quote}${target}${quote}`;
  });
  writeFileSync(path, text);
}
