import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarkdown, writeSource } from '../../test/helpers';
import { inputFingerprint } from './input-fingerprint';

describe('the input fingerprint', () => {
  it("changes when the source's bibliography changes, so an edited .bib rebuilds the publication", async () => {
    const { publication, settings } = await loadMarkdown('---\ntitle: Essai\ndialect: pandoc\nbibliography: refs.bib\n---\n\n# Un\n\nSelon [@doe2001].\n');
    const bib = join(dirname(publication!.file), 'refs.bib');
    expect(publication!.dependencies).toEqual([bib]);
    const source = writeSource('x');
    const fingerprint = () => inputFingerprint({ target: 'brochure', sourcePath: source, sourceDir: dirname(source), publication: publication!, settings, themeDir: dirname(source) });
    writeFileSync(bib, '@book{doe2001, author = {Doe, John}, title = {One}, year = {2001}}\n');
    const before = await fingerprint();
    writeFileSync(bib, '@book{doe2001, author = {Doe, John}, title = {Two}, year = {2001}}\n');
    expect(await fingerprint()).not.toBe(before);
  });
});
