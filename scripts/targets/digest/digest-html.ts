import juice from 'juice';
import { messages } from '../../messages/messages';
import type { Inline } from '../../model/types';
import type { DigestCss } from './digest-css';
import type { DigestEdition, DigestItem, DigestSummary } from './digest-edition';
import { inlineHtml } from './inline-html';
import { textDirection } from '../../model/text-direction';

/** Class of the hidden first line; the text part skips it. */
export const PREHEADER_CLASS = 'preheader';
/** Class of the greeting line, which sending addresses to each recipient (`personalGreeting`). */
export const GREETING_CLASS = 'greeting';

const WIDTH = 600;

/** The theme's logo as the message shows it: by public URL in digest.html, by Content-ID in the .eml. */
export interface DigestLogo {
  light: string;
  /** Shown instead where the client honours `prefers-color-scheme: dark`. */
  dark?: string;
  alt: string;
  /** Width over height, for the width attribute Outlook needs. */
  aspect: number;
}

const LOGO_HEIGHT = 40;

/** The edition as one email HTML document, every style that matters inlined. */
export function renderDigestHtml(edition: DigestEdition, css: DigestCss, logo?: DigestLogo): string {
  const html = documentHtml(edition, css, logo);
  // The <style> blocks marked data-embed (media queries) stay as they are; the rest is inlined.
  return juice(html, { preserveMediaQueries: true, removeStyleTags: true, applyWidthAttributes: false, applyAttributesTableElements: true });
}

function documentHtml(edition: DigestEdition, css: DigestCss, logo: DigestLogo | undefined): string {
  const lang = attr(edition.lang);
  const dir = textDirection(edition.lang);
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${text(edition.documentTitle)}</title>
<style>${css.inline}</style>
<style data-embed>${css.responsive}</style>
<style data-embed>${css.dark}</style>
<!--[if mso]><style>p,li,h1,h2,h3,td,a{font-family:Georgia,serif !important}h1,h2,h3,.masthead,.button{font-family:Arial,sans-serif !important}</style><![endif]-->
</head>
<body class="body">
<div class="${PREHEADER_CLASS}" style="display:none;max-height:0;overflow:hidden;mso-hide:all;line-height:0;opacity:0">${text(edition.preheader)}${'&#847;&zwnj;&nbsp;'.repeat(30)}</div>
<div class="wrapper" role="main" lang="${lang}" dir="${dir}">
<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="outer-cell" align="center">
<!--[if mso]><table role="presentation" width="${WIDTH}" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:${WIDTH}px">
${[masthead(edition), header(edition, logo), introduction(edition), ...edition.groups.map((group) => groupRow(group, edition)), moreSections(edition), closing(edition), footer(edition)].filter(Boolean).join('\n')}
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</div>
</body>
</html>
`;
}

function masthead(edition: DigestEdition): string {
  return row('masthead', text([edition.organisation, edition.event].filter(Boolean).join(' · ')));
}

function header(edition: DigestEdition, logo: DigestLogo | undefined): string {
  return row(
    'header',
    `${logo ? logoHtml(logo) : ''}${edition.dateText ? `<p class="date">${text(edition.dateText)}</p>\n` : ''}<h1>${inlineHtml(edition.title)}</h1>${edition.subtitle ? `\n<p class="subtitle">${inlineHtml(edition.subtitle)}</p>` : ''}`,
  );
}

/** Both variants when there is a dark one: the dark stylesheet swaps them; Outlook (Word) never sees the dark one. */
function logoHtml(logo: DigestLogo): string {
  const size = `width="${Math.round(LOGO_HEIGHT * logo.aspect)}" height="${LOGO_HEIGHT}"`;
  const image = (className: string, src: string, hidden: boolean) =>
    `<img class="logo ${className}" src="${attr(src)}" alt="${attr(logo.alt)}" ${size} style="${hidden ? 'display:none;' : 'display:block;'}border:0;height:${LOGO_HEIGHT}px;width:auto;max-width:100%">`;
  const light = image('logo-light', logo.light, false);
  return logo.dark ? `${light}<!--[if !mso]><!-->${image('logo-dark', logo.dark, true)}<!--<![endif]-->\n` : `${light}\n`;
}

function introduction(edition: DigestEdition): string {
  // The button goes at the top too when there is somewhere to go; the sentence saying who has the brochure only once, at the end.
  // The edition greets no one in particular; `send` puts each recipient's name in this line.
  const greeting = `<p class="${GREETING_CLASS}">${text(messages(edition.lang).digestGreeting())}</p>\n`;
  return row('intro', `${greeting}${paragraphs(edition.introduction)}${edition.brochure.url ? `\n${brochureCall(edition)}` : ''}`);
}

function groupRow(group: DigestEdition['groups'][number], edition: DigestEdition): string {
  const parts = [
    group.kicker ? `<p class="kicker">${text(group.kicker.toLocaleUpperCase(edition.lang))}</p>` : '',
    `<h2>${inlineHtml(group.title)}</h2>`,
    group.summary ? summaryHtml(group.summary) : '',
    ...itemRuns(group.items).map((run) =>
      isEmpty(run[0]!) ? `<p class="note">${run.map((item) => inlineHtml(item.title)).join(' · ')}</p>` : `<h3>${inlineHtml(run[0]!.title)}</h3>\n${summaryHtml(run[0]!)}`,
    ),
  ];
  return row('group', parts.filter(Boolean).join('\n'));
}

const isEmpty = (summary: DigestSummary) => summary.lead.length === 0 && summary.points.length === 0;

/**
 * Each item alone, except that items the size budget emptied are run together: their titles in one
 * line, so that a long source's headings still fit when all their text had to go.
 */
function itemRuns(items: readonly DigestItem[]): DigestItem[][] {
  const runs: DigestItem[][] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && isEmpty(item) && isEmpty(last[0]!)) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

function summaryHtml(summary: DigestSummary): string {
  const points = summary.points.length > 0 ? `\n<ul class="points">${summary.points.map((point) => `<li>${inlineHtml(point)}</li>`).join('')}</ul>` : '';
  return `${paragraphs(summary.lead)}${points}`;
}

/** After the last group the budget kept: how many sections the brochure has besides, linking to it when it is online. */
function moreSections(edition: DigestEdition): string {
  const count = edition.sectionsLeftOut ?? 0;
  if (count === 0) return '';
  const line = text(messages(edition.lang).digestMoreSections(count, new Intl.NumberFormat(edition.lang).format(count)));
  // Styled as the group rows and notes are, so every theme's stylesheet already has it.
  return row('group', `<p class="note">${edition.brochure.url ? `<a href="${attr(edition.brochure.url)}">${line}</a>` : line}</p>`);
}

function closing(edition: DigestEdition): string {
  return row('closing', `<p class="note">${text(messages(edition.lang).digestClosingNote)}</p>\n${brochureCall(edition)}`);
}

/** A button when the brochure is online; otherwise a sentence saying who has it. */
function brochureCall(edition: DigestEdition): string {
  const { url, organisation } = edition.brochure;
  const words = messages(edition.lang);
  if (!url) return `<p class="note">${text(words.digestBrochureAvailable(organisation))}${edition.replyTo ? ` (<a href="mailto:${attr(edition.replyTo)}">${text(edition.replyTo)}</a>)` : ''}.</p>`;
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td class="button-cell"><a class="button" href="${attr(url)}">${text(words.digestReadBrochure)}</a></td></tr></table>`;
}

function footer(edition: DigestEdition): string {
  const words = messages(edition.lang);
  const unsubscribe = edition.unsubscribeUrl
    ? `<a href="${attr(edition.unsubscribeUrl)}">${text(words.digestUnsubscribeLink)}</a>${text(words.digestUnsubscribeAfterLink)}`
    : text(words.digestUnsubscribeByReply);
  return row('footer', `<p>${text(words.digestSentBy(edition.organisation))} ${unsubscribe}</p>`);
}

function paragraphs(list: readonly Inline[][]): string {
  return list.map((children) => `<p>${inlineHtml(children)}</p>`).join('\n');
}

function row(className: string, content: string): string {
  return `<tr><td class="${className}">\n${content}\n</td></tr>`;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
