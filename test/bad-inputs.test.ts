import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONT_MATTER, writeSource } from './helpers';

const BIN = join(import.meta.dirname, '..', 'bin', 'triptyque.mjs');

function check(path: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n');

/** Each bad source, what it must be told (line:column, severity, rule), and whether it can still be published. */
const CORPUS: { name: string; content: string | Uint8Array; expected: RegExp; publishable?: boolean }[] = [
  { name: 'an empty file', content: '', expected: /1:1\s+error.*empty-source/ },
  { name: 'no front matter', content: '# Titre\n\nTexte.\n', expected: /1:1\s+warning.*missing-metadata/, publishable: true },
  { name: 'front matter that is not YAML', content: '---\ntitle: [non fermé\ndate: 2024-01-01\n---\n\n# Un\n\nTexte.\n', expected: /\d+:\d+\s+error.*front-matter-yaml/ },
  { name: 'front matter with wrong types', content: '---\ntitle: 42\ndate: 2024-13-45\n---\n\n# Un\n\nTexte.\n', expected: /2:8\s+error.*front-matter-invalid[\s\S]*3:7\s+error.*front-matter-invalid/ },
  { name: 'binary garbage', content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), expected: /3:1\s+error.*source-binary/ },
  { name: 'invalid UTF-8', content: Buffer.concat([Buffer.from(`${FRONT_MATTER}# Un\n\nCaf`), Buffer.from([0xe9]), Buffer.from(' noir.\n')]), expected: /8:4\s+error.*source-encoding/ },
  { name: 'a 5 MB source', content: `${FRONT_MATTER}# Un\n\n${'Une phrase de remplissage assez ordinaire. '.repeat(120_000)}\n`, expected: /1:1\s+error.*source-too-large/ },
  { name: 'lists nested 50 deep', content: `${FRONT_MATTER}# Un\n\n${nested(50)}\n`, expected: /\d+:\d+\s+warning.*list-depth/, publishable: true },
  { name: 'a 20,000-character line', content: `${FRONT_MATTER}# Un\n\n${'mot '.repeat(5000)}\n`, expected: /8:1\s+warning.*long-paragraph/, publishable: true },
  { name: 'a table wider than a page', content: `${FRONT_MATTER}# Un\n\n|${' a |'.repeat(12)}\n|${' - |'.repeat(12)}\n|${' 1 |'.repeat(12)}\n`, expected: /8:1\s+warning.*wide-table/, publishable: true },
  { name: 'an unclosed directive', content: `${FRONT_MATTER}# Un\n\n:::deck\nSeulement pour la salle.\n`, expected: /8:1\s+error.*unclosed-directive/ },
  { name: 'an image that does not exist', content: `${FRONT_MATTER}# Un\n\n![Plan](plan.png)\n`, expected: /8:1\s+warning.*missing-image/, publishable: true },
  { name: 'a heading-only document', content: `${FRONT_MATTER}# Un\n\n## Deux\n`, expected: /8:1\s+warning.*empty-section/, publishable: true },
  { name: 'a document without any heading', content: `${FRONT_MATTER}Un texte sans titre.\n`, expected: /1:1\s+warning.*no-headings/, publishable: true },
];

describe('bad sources get a clear answer', () => {
  it.each(CORPUS)('$name: a located diagnostic, the right exit code, no stack trace', async ({ content, expected, publishable }) => {
    const result = await check(writeSource(content));
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(result.code).toBe(publishable ? 0 : 1);
  });
});
