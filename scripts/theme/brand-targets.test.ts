import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { brochureHtml } from '../targets/brochure/brochure-html';
import { loadDeckTheme } from '../targets/deck/deck-theme';
import { renderMarp } from '../targets/deck/render-marp';
import { digestTarget } from '../targets/digest/render-digest';
import { digestContext, REAL_SOURCE } from '../targets/digest/test-context';
import { settingsSchema } from '../config/schema';
import { loadSource } from '../source/load-source';
import { loadTheme, logoDataUrl, themeDir } from './load-theme';

const theme = loadTheme('boreal');
const lightLogo = logoDataUrl(theme, 'light')!;
const darkLogo = logoDataUrl(theme, 'dark')!;

describe('the brand of Atelier Boréal (themes/boreal/_brand.yml) in the three publications', () => {
  it('is used by a source without a theme of its own when the configuration names it', async () => {
    const { settings } = await loadSource(REAL_SOURCE, settingsSchema.parse({ theme: 'boreal' }));
    expect(settings?.theme).toBe('boreal');
  });

  it('puts the logo on the brochure cover (dark variant) and back cover (light variant)', async () => {
    const context = await digestContext(REAL_SOURCE);
    const { html } = brochureHtml(context.publication, { stylesheets: [], sourceDir: context.sourceDir, bleedMm: 0, logo: { onDark: darkLogo, onLight: lightLogo, alt: 'Atelier Boréal' } });
    expect(darkLogo).not.toBe(lightLogo);
    expect(html).toMatch(new RegExp(`<header class="cover[^"]*"><img class="cover-logo" src="${escape(darkLogo)}" alt="Atelier Boréal">`));
    expect(html).toMatch(new RegExp(`<footer class="back-cover[^"]*">[\\s\\S]*<img class="back-cover-logo" src="${escape(lightLogo)}"`));
  });

  it('draws the logo on the title slide and in the slides footer, from the Marp theme', async () => {
    const deckTheme = await loadDeckTheme(theme);
    const rendered = renderMarp('---\nmarp: true\ntheme: boreal\nfooter: Rencontre\n---\n\n<!-- _class: title -->\n\n# Titre\n\n---\n\n## Une diapositive\n\nTexte.\n', deckTheme);
    expect(rendered.sections[0]).toContain('class="title"');
    expect(rendered.sections[1]).toContain('<footer>Rencontre</footer>');
    // The data URLs are theme variables; the title slide and the footer draw them.
    expect(rendered.css).toContain(`--logo-on-dark:url("${darkLogo}")`);
    expect(rendered.css).toContain(`--logo-on-light:url("${lightLogo}")`);
    expect(rendered.css).toMatch(/section\.title[^{]*\{[^}]*background-image:\s*var\(--logo-on-dark\)/);
    expect(rendered.css).toMatch(/footer[^{]*\{[^}]*background:\s*var\(--logo-on-light\)/);
  });

  it('heads the digest with the logo: inline images by Content-ID in the .eml, the public URL in digest.html, a dark variant', async () => {
    const context = await digestContext(REAL_SOURCE);
    context.settings = { ...context.settings, theme: 'boreal' };
    context.themeDir = themeDir('boreal');
    await digestTarget.render(context);
    const html = await readFile(join(context.outDir, 'digest.html'), 'utf8');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{[\s\S]*\.logo-dark \{ display: block !important; \}/);
    expect(html).toContain('src="https://atelier-boreal.example/logo/boreal-light.png"');
    expect(html).toContain('src="https://atelier-boreal.example/logo/boreal-dark.png"');
    expect(html).not.toContain('cid:');

    const mail = await simpleParser(await readFile(join(context.outDir, 'digest.eml')));
    const byCid = new Map(mail.attachments.map((attachment) => [attachment.cid, attachment]));
    for (const variant of ['light', 'dark']) {
      const attachment = byCid.get(`logo-${variant}@boreal.triptyque`);
      expect(attachment, variant).toBeDefined();
      expect(attachment!.contentType).toBe('image/svg+xml');
      expect(attachment!.contentDisposition).toBe('inline');
      expect(attachment!.content.equals(await readFile(join(theme.dir, 'logo', `boreal-${variant}.svg`)))).toBe(true);
    }
    // mailparser resolves cid: links to data URLs; the raw part names them.
    const raw = (await readFile(join(context.outDir, 'digest.eml'), 'latin1')).replace(/=\r\n/g, '');
    expect(raw).toContain('src=3D"cid:logo-light@boreal.triptyque"');
    expect(raw).not.toContain('atelier-boreal.example/logo');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
