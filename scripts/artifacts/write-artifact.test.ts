import { spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { artifactWriter, removeDeadTemporaries, writeAtomic } from './write-artifact';

describe('writing an artifact', () => {
  it('a reader looking at every change in the folder while it is rewritten finds the earlier file or the new one whole, never a part', async () => {
    const dir = tempDir('triptyque-atomic-');
    const path = join(dir, 'brochure.pdf');
    const earlier = Buffer.alloc(256 * 1024, 'a');
    const next = Buffer.alloc(32 * 1024 * 1024, 'b');
    await writeFile(path, earlier);
    const seen: string[] = [];
    // Each event in the folder (a file opened, grown, renamed) is a moment a reader may open the artifact.
    const watcher = watch(dir, () => {
      readFile(path)
        .then((bytes) => seen.push(bytes.equals(earlier) ? 'earlier' : bytes.equals(next) ? 'new' : `a part: ${bytes.byteLength} bytes`))
        .catch((error: NodeJS.ErrnoException) => seen.push(`missing: ${error.code}`));
    });
    try {
      await writeAtomic(path, next);
    } finally {
      watcher.close();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((state) => state !== 'earlier' && state !== 'new')).toEqual([]);
    expect((await readFile(path)).equals(next)).toBe(true);
    expect(await readdir(dir)).toEqual(['brochure.pdf']);
  });

  it('that fails leaves the earlier file and no temporary one', async () => {
    const dir = tempDir('triptyque-atomic-');
    const writer = artifactWriter(dir);
    await writer('digest.txt', 'avant');
    // A folder where the artifact should be: the rename fails after the data was written.
    await mkdir(join(dir, 'deck.html'));
    await expect(writer('deck.html', 'après')).rejects.toThrow();
    expect(await readFile(join(dir, 'digest.txt'), 'utf8')).toBe('avant');
    expect((await readdir(dir)).sort()).toEqual(['deck.html', 'digest.txt']);
  });

  it('says what it wrote: the name, the path and the bytes', async () => {
    const dir = tempDir('triptyque-atomic-');
    expect(await artifactWriter(dir)('sub/digest.txt', 'été')).toEqual({ name: 'sub/digest.txt', path: join(dir, 'sub', 'digest.txt'), bytes: 5 });
  });
});

describe('the temporary files of a build killed outright', () => {
  it('are removed by the next build: those of a dead process go, those of a running one stay', async () => {
    const dir = tempDir('triptyque-atomic-');
    await mkdir(join(dir, 'thumbs'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(join(dir, 'thumbs', `.page-01.jpg.${dead}.0123abcd.tmp`), 'half');
    await writeFile(join(dir, `.deck.pdf.${process.pid}.89abcdef.tmp`), 'being written');
    await writeFile(join(dir, `.brochure-${dead}-4567cdef.html`), '<p>pages</p>');
    await writeFile(join(dir, 'deck.pdf'), 'whole');
    await removeDeadTemporaries(dir);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([`.deck.pdf.${process.pid}.89abcdef.tmp`, 'deck.pdf', 'thumbs']);
  });
});
