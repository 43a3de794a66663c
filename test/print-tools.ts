import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest's global setup: the test processes note each program they call beside Node
 * (test/tools.ts); after the run the suite says which ones it used, and their versions.
 */
export default function setup(): () => void {
  const file = join(tmpdir(), `triptyque-tools-used-${process.pid}.txt`);
  process.env['TRIPTYQUE_TOOLS_USED'] = file;
  rmSync(file, { force: true });
  return () => {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
    const used = new Map(lines.map((line) => line.split('\t') as [string, string]));
    console.info(used.size === 0 ? 'tools used beside Node: none' : `tools used beside Node: ${[...used].sort().map(([name, version]) => `${name} (${version})`).join(', ')}`);
    rmSync(file, { force: true });
  };
}
