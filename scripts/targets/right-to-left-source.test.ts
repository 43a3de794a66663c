import { describe, expect, it } from 'vitest';
import { loadTheme } from '../theme/load-theme';
import { loadMarkdown } from '../../test/helpers';
import { textDirection } from '../model/text-direction';
import { brochureHtml } from './brochure/brochure-html';
import { deckMarkdown } from './deck/marp-markdown';
import { DEFAULT_PLAN_OPTIONS, planSlides } from './deck/plan-slides';
import { loadDigestCss } from './digest/digest-css';
import { buildDigestEdition } from './digest/digest-edition';
import { renderDigestHtml } from './digest/digest-html';

const ARABIC = `# التقرير السنوي

## مقدمة

هذا نص تجريبي باللغة العربية لاختبار اتجاه الكتابة من اليمين إلى اليسار. يحتوي على عدة جمل طويلة بما يكفي لتخمين اللغة تلقائياً من النص نفسه.
`;

describe('a source in a right-to-left language', async () => {
  const { publication, settings } = await loadMarkdown(ARABIC);

  it('is told Arabic from its text and runs right to left in the brochure, the digest and the deck', () => {
    expect(publication!.meta.lang).toBe('ar');
    expect(brochureHtml(publication!, { stylesheets: [], sourceDir: '.', bleedMm: 0 }).html).toContain('<html lang="ar" dir="rtl">');
    const digest = renderDigestHtml(buildDigestEdition(publication!, settings!), loadDigestCss(loadTheme(settings!.theme)));
    expect(digest).toContain('<html lang="ar" dir="rtl">');
    expect(digest).toContain('class="wrapper" role="main" lang="ar" dir="rtl"');
    const markdown = deckMarkdown(planSlides(publication!, DEFAULT_PLAN_OPTIONS), { meta: publication!.meta, theme: 'arifor', footer: 'x' });
    expect(markdown).toMatch(/^style: "section \{ direction: rtl; \}"$/m);
  });

  it('leaves left-to-right languages and unknown tags as they are', () => {
    expect(['he', 'fa', 'ur'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl']);
    expect(['fr', 'en', 'ja', 'not a tag'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });
});
