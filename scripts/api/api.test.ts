import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { build, check, importDocument } from './index';

describe('the API, errors as values', () => {
  it('imports a saved web page into the project\'s content/, checked, and keeps an existing source unless forced', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'triptyque.config.yaml'), 'lang: fr\n');
    writeFileSync(join(project, 'page.html'), '<html lang="fr"><body><main><h1>Une page</h1><p>Un paragraphe de texte assez long pour être lu comme un vrai paragraphe.</p><h2>Partie</h2><p>Encore du texte.</p></main></body></html>');
    const imported = await importDocument('page.html', { cwd: project });
    expect(imported).toMatchObject({ ok: true, output: join(project, 'content', 'page.md'), diagnostics: [] });
    expect(await importDocument('page.html', { cwd: project })).toMatchObject({ ok: false, failure: { code: 'IO', message: expect.stringContaining('already exists') } });
    expect((await importDocument('page.html', { cwd: project, force: true })).ok).toBe(true);
    expect(await check({ cwd: project })).toEqual({ ok: true, diagnostics: [] });
  });

  it('says what is wrong in a source at its line, and a missing configuration as a failure, without throwing', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'bad.md'), '---\ntitle: [unclosed\n---\n\n# Partie\n\nTexte.\n');
    const checked = await check({ cwd: project, sources: ['bad.md'] });
    expect(checked.ok).toBe(false);
    expect(checked.diagnostics[0]).toMatchObject({ file: join(project, 'bad.md'), line: 2, severity: 'error' });
    expect(await check({ cwd: project, config: 'nowhere.yaml' })).toMatchObject({ ok: false, failure: { code: 'USAGE', message: '--config nowhere.yaml: no such file' } });
    const built = await build({ cwd: project, config: 'nowhere.yaml' });
    expect(built).toMatchObject({ ok: false, reports: [], failure: { code: 'USAGE' } });
    expect(existsSync(join(project, 'output'))).toBe(false);
  });
});
