import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/helpers';
import { BrowserService } from '../browser/browser-service';
import { PACKAGE_ROOT } from '../paths';
import type { build as Build } from './build';

/**
 * Every declared input of a build (source images, theme files, settings, the tool's version)
 * rebuilds the targets that depend on it when it changes, and keeps the rest: each target of a
 * publication depends on all of them, so a change to one publication's image rebuilds that
 * publication and keeps the other, while the theme, the configuration and the tool rebuild both.
 */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
const CONFIG = 'theme: maison\ndigest:\n  from: GIP ARIFOR <contact@arifor.example>\n';
const source = (title: string, image = '') => `---\ntitle: ${title}\ndate: 2024-01-15\n---\n\n# Partie\n\n## Section\n\nUn paragraphe.${image}\n`;

const browser = new BrowserService();
afterAll(() => browser.close());

describe('incremental builds, input by input', () => {
  const root = tempDir('triptyque-inputs-');
  const outDir = join(root, 'output');
  const sources = [join(root, 'content', 'avec-image.md'), join(root, 'content', 'sans-image.md')];
  let build: typeof Build;

  beforeAll(async () => {
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'triptyque.config.yaml'), CONFIG);
    cpSync(join(PACKAGE_ROOT, 'themes', 'triptyque'), join(root, 'themes', 'maison'), { recursive: true });
    writeFileSync(sources[0]!, source('Avec image', '\n\n![Le schéma](schema.png)'));
    writeFileSync(join(root, 'content', 'schema.png'), PNG);
    writeFileSync(sources[1]!, source('Sans image'));
    ({ build } = await import('./build'));
    expect((await run()).ok).toBe(true);
    // Nothing changed: every target of both is kept.
    expect(rebuilt(await run())).toEqual([]);
  });

  /** Both publications' brochure and digest (the deck's inputs are the same). */
  const run = () => build({ sources, root, outDir, only: ['brochure', 'digest'], browser });
  const rebuilt = (result: Awaited<ReturnType<typeof build>>) =>
    result.reports.flatMap((report) => Object.entries(report.targets).filter(([, target]) => target.ok && !target.cached).map(([name]) => `${report.slug}/${name}`)).sort();

  it('an image beside a source changed: that publication is rebuilt, the other kept', async () => {
    appendFileSync(join(root, 'content', 'schema.png'), 'changed');
    expect(rebuilt(await run())).toEqual(['avec-image/brochure', 'avec-image/digest']);
  });

  it("a file of the theme changed: both are rebuilt", async () => {
    appendFileSync(join(root, 'themes', 'maison', 'brochure', 'brochure.css'), '\n/* changed */\n');
    expect(rebuilt(await run())).toEqual(['avec-image/brochure', 'avec-image/digest', 'sans-image/brochure', 'sans-image/digest']);
  });

  it('a setting changed: in the configuration both are rebuilt, in one front matter that one', async () => {
    writeFileSync(join(root, 'triptyque.config.yaml'), `${CONFIG}organisation: Le réseau\n`);
    expect(rebuilt(await run())).toEqual(['avec-image/brochure', 'avec-image/digest', 'sans-image/brochure', 'sans-image/digest']);
    writeFileSync(sources[1]!, source('Sans image').replace('date: 2024-01-15\n', 'date: 2024-01-15\ndigest: { leadLength: 200 }\n'));
    expect(rebuilt(await run())).toEqual(['sans-image/brochure', 'sans-image/digest']);
  });

  it("the tool's version changed: both are rebuilt", async () => {
    vi.resetModules();
    vi.doMock('../artifacts/tool-version', () => ({ TOOL_VERSION: '99.0.0-next' }));
    ({ build } = await import('./build'));
    expect(rebuilt(await run())).toEqual(['avec-image/brochure', 'avec-image/digest', 'sans-image/brochure', 'sans-image/digest']);
    vi.doUnmock('../artifacts/tool-version');
  });
});
