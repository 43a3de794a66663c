import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../scripts/browser/browser-service';
import { build } from '../scripts/core/build';
import { PACKAGE_ROOT } from '../scripts/paths';
import { deckSlides } from './artifact-words';
import { FRONT_MATTER, tempDir, writeSource } from './helpers';
import { runCli } from './run-cli';

/** Claims of the README's "Writing a source" that no other test held, each named after its claim. */

// A 2x2 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
const browser = new BrowserService();
afterAll(() => browser.close());

const SOURCE = `${FRONT_MATTER}# Partie

## Tâches

- [x] Relire le chapitre
- [ ] Envoyer la synthèse

::marge

![Le schéma du réseau](schema.png)

:::aside
Une remarque en marge.
:::
`;

describe('the README, "Writing a source"', () => {
  const outDir = tempDir('triptyque-claims-');
  const dir = join(outDir, 'essai');
  let built: Awaited<ReturnType<typeof build>>;
  // The brochure hyphenates with soft hyphens: read as a reader reads it.
  const brochureHtml = () => readFileSync(join(dir, 'brochure.html'), 'utf8').replace(/\u00ad/g, '');
  beforeAll(async () => {
    const source = writeSource(SOURCE);
    writeFileSync(join(dirname(source), 'schema.png'), PNG);
    built = await build({ sources: [source], root: PACKAGE_ROOT, outDir, browser });
    expect(built.ok).toBe(true);
  });

  it('task lists keep their checkboxes in the brochure', () => {
    const html = brochureHtml();
    const items = [...html.matchAll(/<li[^>]*>\s*(<input[^>]*>)\s*([^<]*)/g)].map(([, input, text]) => `${/\bchecked\b/.test(input!) ? '[x]' : '[ ]'} ${text!.trim()}`);
    expect(items).toEqual(['[x] Relire le chapitre', '[ ] Envoyer la synthèse']);
  });

  it('images beside the source show in the deck and the brochure; the digest leaves them to the brochure', () => {
    const embedded = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(readFileSync(join(dir, 'deck.html'), 'utf8')).toContain(embedded);
    expect(brochureHtml()).toMatch(/<img [^>]*alt="Le schéma du réseau"/);
    expect(readFileSync(join(dir, 'digest.html'), 'utf8')).not.toMatch(/<img [^>]*alt="Le schéma du réseau"/);
  });

  it('any other directive name is reported (unknown-directive for a ::leaf, unknown-container for a :::container) and its content goes to the deck and the brochure', () => {
    const messages = built.files.flatMap((file) => file.messages).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    expect(messages).toEqual(expect.arrayContaining(['13:1 unknown-directive', '17:1 unknown-container']));
    expect(brochureHtml()).toContain('Une remarque en marge.');
    expect(deckSlides(dir).join('\n')).toContain('Une remarque en marge.');
    // The leaf is kept as typed, as text.
    expect(brochureHtml()).toContain('::marge');
  });
});

describe('the README, "check --fix"', () => {
  it("check --fix on pandoc's [text]{.underline}, in a dialect that does not read it (CommonMark), keeps the words and drops the attributes", async () => {
    const frontMatter = FRONT_MATTER.replace(/\n---\n/, '\ndialect: commonmark\n---\n');
    const source = writeSource(`${frontMatter}# Partie\n\nUn [mot souligné]{.underline} et [un autre]{#ancre .smallcaps} ici.\n`);
    const dir = join(source, '..');
    const run = await runCli(['check', '--fix', source], dir);
    expect(run.stdout + run.stderr).toMatch(/fixed.*pandoc-attributes/);
    expect(readFileSync(source, 'utf8')).toBe(`${frontMatter}# Partie\n\nUn mot souligné et un autre ici.\n`);
    const again = await runCli(['check', '--fix', source], dir);
    expect(again.stdout + again.stderr).not.toMatch(/fixed/);
  });
});
