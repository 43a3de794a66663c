import { TriptyqueError } from '../../errors';
import { basename } from 'node:path';
import type Mail from 'nodemailer/lib/mailer';
import { loadThemeAt, logoAspect, logoPath, type Theme } from '../../theme/load-theme';
import type { Target, TargetContext, TargetResult } from '../target';
import { loadDigestCss } from './digest-css';
import { buildDigestEdition, type DigestEdition } from './digest-edition';
import { budgetCutLine, digestSizeLine, nothingFitsBudget, sectionsLeftOutLine } from './budget-lines';
import { fitBudget } from './fit-budget';
import { sectionCount } from './keep-sections';
import { campaignId, composeEml, digestMessage, encodedHtmlBytes, greetingReserveBytes, messageDate } from './digest-eml';
import { dkimSigner } from './dkim';
import { renderDigestHtml, type DigestLogo } from './digest-html';
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
  const full = buildDigestEdition(publication, settings);
  reportDroppedHtml(full, context);
  const theme = loadThemeAt(context.themeDir, settings.theme);
  const css = loadDigestCss(theme);
  const logo = digestLogos(theme, publication.meta.organisation);
  const date = messageDate();
  const dkim = dkimSigner(settings.digest);
  // The .eml carries the logo itself, as inline images its HTML refers to by Content-ID; it is
  // signed when a DKIM key is at hand, so it is what a provider would verify, and what the budget measures.
  const renderMessage = async (edition: DigestEdition) => {
    const html = renderDigestHtml(edition, css, logo.published);
    const text = renderDigestText(html, edition.lang);
    const parts = { subject: edition.subject, html, text };
    const emlParts = logo.inline ? { ...parts, html: renderDigestHtml(edition, css, logo.inline.logo) } : parts;
    const eml = await composeEml(digestMessage(emlParts, settings.digest, { date, attachments: logo.inline?.attachments, dkim }));
    return { encoded: encodedHtmlBytes(eml), rendered: { parts, eml } };
  };
  const budget = settings.digest.budgetKB * 1024;
  // Each recipient's greeting makes the sent message a little longer than this edition.
  const greetingReserve = greetingReserveBytes(publication.meta.lang);
  const fit = await fitBudget(full, budget - greetingReserve, renderMessage);
  if (!fit.fits) throw new TriptyqueError('RENDER_FAILED', nothingFitsBudget(fit.withoutSections, settings.digest.budgetKB));
  const { edition, cuts, leftOut } = fit;
  const { encoded, rendered: { parts, eml } } = fit.measured;
  context.progress(digestSizeLine(edition.groups.length, encoded, settings.digest.budgetKB, cuts.length));
  const sectionsLeftOut = leftOut?.count ?? 0;
  if (leftOut && sectionsLeftOut > 0) {
    const line = sectionsLeftOutLine(sectionCount(edition), sectionsLeftOut, settings.digest.budgetKB);
    context.progress(`warning: ${line}`);
    context.file.message(line, { place: leftOut.first?.position, ruleId: 'digest-sections-left-out', source: 'triptyque' });
  }
  const artifacts = [await context.write('digest.html', parts.html), await context.write('digest.txt', parts.text), await context.write('digest.eml', eml)];
  const details: DigestDetails & Record<string, unknown> = {
    subject: edition.subject,
    preheader: edition.preheader,
    campaign: campaignId(parts),
    budgetCuts: cuts,
    budgetCutLines: cuts.map((cut) => budgetCutLine(cut.title, cut.leadFrom, cut.leadTo, cut.pointsDropped)),
  };
  const counts = {
    ...countsOf(edition, { encoded, budget, eml: eml.byteLength }),
    sectionsCut: cuts.length,
    leadsShortened: cuts.filter((cut) => cut.leadTo < cut.leadFrom).length,
    keyPointsDropped: cuts.reduce((sum, cut) => sum + cut.pointsDropped, 0),
    /** The HTML part before any cut, and how many renders the fitting took. */
    uncutEncodedHtmlBytes: fit.uncut,
    greetingReserveBytes: greetingReserve,
    budgetRenders: fit.steps,
    /** Sections (groups and items) left out when even the headings were over the budget. */
    sectionsLeftOut,
  };
  return { artifacts, counts, details };
}

/**
 * The logo by its public URL (when the theme gives one: a mail client fetches it when the
 * message is opened, the build never does) and as inline images with Content-IDs for the .eml.
 */
function digestLogos(theme: Theme, organisation: string | undefined): { published?: DigestLogo; inline?: { logo: DigestLogo; attachments: Mail.Attachment[] } } {
  if (!theme.logo) return {};
  const alt = theme.logo.alt ?? organisation ?? '';
  const aspect = logoAspect(theme, 'light') ?? 1;
  const url = theme.logo.publicUrl;
  const published = url && { light: url.light, dark: url.dark, alt, aspect };
  const attachments: Mail.Attachment[] = [];
  const cidOf = (variant: 'light' | 'dark') => {
    const path = logoPath(theme, variant)!;
    const cid = `logo-${variant}@${theme.name}.triptyque`;
    attachments.push({ filename: basename(path), path, cid, contentDisposition: 'inline' });
    return `cid:${cid}`;
  };
  const inline: DigestLogo = { light: cidOf('light'), dark: theme.logo.dark ? cidOf('dark') : undefined, alt, aspect };
  return { published, inline: { logo: inline, attachments } };
}

function countsOf(edition: DigestEdition, sizes: { encoded: number; budget: number; eml: number }): Record<string, number> {
  const summaries = edition.groups.flatMap((group) => [...(group.summary ? [group.summary] : []), ...group.items]);
  return {
    groups: edition.groups.length,
    items: edition.groups.reduce((sum, group) => sum + group.items.length, 0),
    /** Groups and items: what the line ending a digest with sections left out counts. */
    sections: sectionCount(edition),
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
