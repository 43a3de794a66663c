import { TriptyqueError } from '../../errors';
import { loadTheme } from '../../theme/load-theme';
import type { Target, TargetContext, TargetResult } from '../target';
import { loadDigestCss } from './digest-css';
import { buildDigestEdition, type DigestEdition } from './digest-edition';
import { campaignId, composeEml, digestMessage, encodedHtmlBytes, messageDate } from './digest-eml';
import { dkimSigner } from './dkim';
import { renderDigestHtml } from './digest-html';
import { renderDigestText } from './digest-text';

/** What `triptyque send` reads back from the report, beside digest.html and digest.txt. */
export interface DigestDetails {
  subject: string;
  preheader: string;
  campaign: string;
}

/** The condensed email edition: digest.html, digest.txt and a ready digest.eml, within the size budget. */
export const digestTarget: Target = {
  name: 'digest',
  render: renderDigest,
};

async function renderDigest(context: TargetContext): Promise<TargetResult> {
  const { publication, settings } = context;
  const edition = buildDigestEdition(publication, settings);
  reportDroppedHtml(edition, context);
  const html = renderDigestHtml(edition, loadDigestCss(loadTheme(settings.theme)));
  const text = renderDigestText(html);
  const parts = { subject: edition.subject, html, text };
  // Signed when a DKIM key is at hand, so the .eml is what a provider would verify.
  const eml = await composeEml(digestMessage(parts, settings.digest, { date: messageDate(), dkim: dkimSigner(settings.digest) }));
  const encoded = encodedHtmlBytes(eml);
  const budget = settings.digest.budgetKB * 1024;
  if (encoded > budget) {
    throw new TriptyqueError(
      'RENDER_FAILED',
      `the digest's HTML part is ${kb(encoded)} KB encoded, ${kb(encoded - budget)} KB over the ${settings.digest.budgetKB} KB budget (Gmail clips long messages, unsubscribe link first): lower digest.leadLength or digest.keyPoints`,
    );
  }
  context.progress(`${edition.groups.length} groups, HTML part ${kb(encoded)} KB encoded of ${settings.digest.budgetKB} KB`);
  const artifacts = [await context.write('digest.html', html), await context.write('digest.txt', text), await context.write('digest.eml', eml)];
  const details: DigestDetails & Record<string, unknown> = { subject: edition.subject, preheader: edition.preheader, campaign: campaignId(parts) };
  return { artifacts, counts: countsOf(edition, { encoded, budget, eml: eml.byteLength }), details };
}

function countsOf(edition: DigestEdition, sizes: { encoded: number; budget: number; eml: number }): Record<string, number> {
  const summaries = edition.groups.flatMap((group) => [...(group.summary ? [group.summary] : []), ...group.items]);
  return {
    groups: edition.groups.length,
    items: edition.groups.reduce((sum, group) => sum + group.items.length, 0),
    keyPoints: summaries.reduce((sum, summary) => sum + summary.points.length, 0),
    encodedHtmlBytes: sizes.encoded,
    budgetBytes: sizes.budget,
    emlBytes: sizes.eml,
  };
}

function reportDroppedHtml(edition: DigestEdition, context: TargetContext): void {
  for (const block of edition.droppedHtml) {
    context.file.message('raw HTML is left out of the digest (email clients would show it unsanitised)', {
      place: block.position,
      ruleId: 'digest-html-dropped',
      source: 'triptyque',
    });
  }
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
