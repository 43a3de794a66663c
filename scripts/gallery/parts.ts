import { basename } from 'node:path';
import type { Diagnostic } from '../artifacts/report';
import { messages } from '../messages/messages';
import { escapeHtml, formatBytes, formatDuration, plural } from './format';
import type { SourceView, TargetView } from './source-view';

export const TARGET_TITLES = { deck: 'Deck', brochure: 'Brochure', digest: 'Digest' } as const;

/** Fragments the gallery and the preview page share. `base` is the URL of the source's output folder, ending in `/`. */

export function statusBadge(view: SourceView): string {
  const { report } = view;
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  if (!report.ok) return `<span class="badge failed">${errors > 0 ? plural(errors, 'error') : 'Failed'}</span>`;
  if (warnings > 0) return `<span class="badge warned">Built, ${plural(warnings, 'warning')}</span>`;
  return '<span class="badge ok">Built</span>';
}

export function sourceMeta(view: SourceView): string {
  const { report } = view;
  const built = new Date(report.builtAt);
  const parts = [
    `<code>${escapeHtml(report.slug)}</code>`,
    `built ${escapeHtml(built.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }))} UTC`,
    `in ${formatDuration(report.durationMs)}`,
  ];
  if (report.model) parts.push(plural(report.model.sections, 'section'), `${report.model.words.toLocaleString('en-GB')} words`);
  return parts.join(' · ');
}

export function diagnosticsList(diagnostics: readonly Diagnostic[], options: { root?: string } = {}): string {
  if (diagnostics.length === 0) return '';
  const rows = diagnostics.map((d) => {
    const file = d.file ? (options.root && d.file.startsWith(options.root) ? d.file.slice(options.root.length).replace(/^[\\/]/, '') : basename(d.file)) : '';
    const place = d.line ? `${file}:${d.line}:${d.column ?? 1}` : file;
    return `<li class="diagnostic ${d.severity}"><span class="severity">${d.severity}</span><code class="place">${escapeHtml(place)}</code><span class="message">${escapeHtml(d.message)}</span>${d.ruleId ? `<code class="rule">${escapeHtml(d.ruleId)}</code>` : ''}</li>`;
  });
  return `<ul class="diagnostics" aria-label="Diagnostics">${rows.join('')}</ul>`;
}

/** "24 slides · 2.1 s", "up to date", "failed: ...", "not built"; `brief` keeps slides, pages and time only. */
export function targetSummary(target: TargetView, options: { brief?: boolean } = {}): string {
  const report = target.report;
  if (!report) return '<span class="muted">not run in this build</span>';
  if (!report.ok) return `<span class="failed-text">failed${report.error ? `: ${escapeHtml(report.error)}` : ''}</span>`;
  const counts = Object.entries(report.counts).filter(([key]) => !options.brief || key === 'slides' || key === 'pages');
  const parts = counts.map(([key, value]) => countText(key, value));
  parts.push(report.cached ? 'up to date, kept' : formatDuration(report.durationMs));
  for (const [key, value] of options.brief ? [] : Object.entries(report.details ?? {})) {
    // Short facts only: long strings (a subject line, a preheader) belong to the artifact itself.
    if (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 40)) parts.push(`${words(key)}: ${escapeHtml(String(value))}`);
  }
  return parts.join(' · ');
}

function countText(key: string, value: number): string {
  if (/seconds$/i.test(key)) return `${words(key.replace(/seconds$/i, ''))} ${Math.floor(value / 60)} min ${String(Math.round(value % 60)).padStart(2, '0')} s`.trim();
  return /bytes$/i.test(key) ? `${words(key.replace(/bytes$/i, ''))} ${formatBytes(value)}`.trim() : `${value.toLocaleString('en-GB')} ${words(key)}`;
}

function words(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function artifactLinks(target: TargetView, base: string): string {
  const items = target.artifacts.map((artifact) =>
    artifact.bytes === undefined
      ? `<li class="artifact missing"><span class="label">${escapeHtml(artifact.label)}</span> <code>${escapeHtml(artifact.name)}</code> <span class="size">not built</span></li>`
      : `<li class="artifact"><a href="${escapeHtml(base + encodeURIComponent(artifact.name))}"><span class="label">${escapeHtml(artifact.label)}</span> <code>${escapeHtml(artifact.name)}</code></a> <span class="size">${formatBytes(artifact.bytes)}</span></li>`,
  );
  return `<ul class="artifacts">${items.join('')}</ul>`;
}

export function artifactBuilt(target: TargetView, name: string): boolean {
  return target.artifacts.some((artifact) => artifact.name === name && artifact.bytes !== undefined);
}

/** Thumbnails of slides or pages; each opens the artifact at that slide or page. */
export function thumbnailGrid(view: SourceView, kind: 'slides' | 'pages', base: string, options: { link: (index: number) => string; className?: string }): string {
  const set = view.thumbnails[kind];
  if (!set || set.files.length === 0) return `<p class="not-built">${kind === 'slides' ? 'No slides to show: the deck is not built.' : 'No pages to show: the brochure PDF is not built.'}</p>`;
  const words = messages(view.lang ?? 'en');
  const alt = kind === 'slides' ? words.slideThumbnail : words.pageThumbnail;
  const items = set.files.map(
    (file, index) =>
      `<li><a href="${escapeHtml(options.link(index + 1))}" data-number="${index + 1}"><img src="${escapeHtml(`${base}${file}?v=${view.version}`)}" alt="${escapeHtml(alt(index + 1))}"><span class="number">${index + 1}</span></a></li>`,
  );
  return `<ol class="thumbs ${kind}${options.className ? ` ${options.className}` : ''}" data-kind="${kind}"${documentLang(view)}>${items.join('')}</ol>`;
}

/** ` lang="fr"` on what the document wrote or is described in, inside a page whose own words are English. */
export function documentLang(view: SourceView): string {
  return view.lang ? ` lang="${escapeHtml(view.lang)}"` : '';
}
