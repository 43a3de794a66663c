import type { Diagnostic } from '../artifacts/report';
import { escapeHtml, formatDuration } from '../gallery/format';
import { artifactBuilt, artifactLinks, diagnosticsList, documentLang, statusBadge, targetSummary, thumbnailGrid } from '../gallery/parts';
import type { SourceView, TargetView } from '../gallery/source-view';
import { baseCss } from '../gallery/styles';
import { PREVIEW_SCRIPT } from './preview-script';

export interface PreviewPageInput {
  /** Every source being previewed, for the tabs. */
  views: readonly SourceView[];
  /** The one shown; undefined before the first build has finished. */
  current?: SourceView;
  building: boolean;
  /** Diagnostics that belong to no source (the configuration file, a crashed build). */
  otherDiagnostics: readonly Diagnostic[];
  root: string;
  /** What is being built, for the page shown before the first build ends. */
  sources: readonly string[];
}

const PREVIEW_CSS = `
html,body{height:100%}
body{display:flex;flex-direction:column;min-height:100%}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:10px 20px;background:var(--card);border-bottom:1px solid var(--color-rule)}
.brand{font-weight:600;color:var(--color-accent);font-size:15px;text-decoration:none}
.bar h1{font-family:var(--font-text);font-size:18px;font-weight:600;color:var(--color-accent-dark);max-width:48ch;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar .meta{font-size:13px;color:var(--color-muted)}
.bar .spacer{flex:1}
.bar nav{display:flex;gap:12px;font-size:14px}
.tabs{display:flex;gap:6px;list-style:none;margin:0;padding:0}
.tabs a{padding:3px 10px;border-radius:6px;text-decoration:none;font-size:13.5px;border:1px solid var(--color-rule)}
.tabs a[aria-current]{background:var(--color-accent-soft);border-color:var(--color-accent)}
.live{font-size:13px;padding:3px 10px;border-radius:99px;background:var(--ok-soft);color:var(--ok);white-space:nowrap}
.live::before{content:'';display:inline-block;width:7px;height:7px;border-radius:50%;background:currentColor;margin-right:6px;vertical-align:1px}
.live[data-state=building]{background:var(--warn-soft);color:var(--warn)}
.live[data-state=offline]{background:var(--error-soft);color:var(--error)}
.problems{padding:10px 20px 0;display:grid;gap:8px}
.panes{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1.55fr) minmax(220px,.62fr) minmax(340px,1fr);gap:16px;padding:16px 20px 20px}
.pane{min-height:0;overflow:auto;background:var(--card);border:1px solid var(--color-rule);border-radius:var(--radius);padding:14px 16px;display:flex;flex-direction:column;gap:12px}
.pane-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px}
.pane-head h2{font-size:16px;font-weight:600}
.pane-head .summary{font-size:13px;color:var(--color-muted)}
.pane .artifacts{gap:5px}
.pane .artifact{font-size:12.5px;padding:3px 8px}
.pane .artifact code{display:none}
.deck-frame{display:block;width:100%;aspect-ratio:16/9;border:1px solid var(--color-rule);border-radius:6px;background:#000}
.slide-controls{display:flex;align-items:center;gap:10px;font-size:14px}
.slide-controls button{font:inherit;padding:4px 12px;border:1px solid var(--color-rule);border-radius:6px;background:var(--card);color:var(--color-ink);cursor:pointer}
.slide-controls button:hover{border-color:var(--color-accent);color:var(--color-accent)}
.slide-counter{font-variant-numeric:tabular-nums;min-width:4.5em;text-align:center}
.slide-controls .hint{color:var(--color-muted);font-size:12.5px;margin-left:auto}
.thumbs.slides{grid-template-columns:repeat(auto-fill,minmax(118px,1fr));gap:8px}
.thumbs.slides a[aria-current] img{outline:3px solid var(--color-highlight);outline-offset:1px}
.thumbs.pages{grid-template-columns:repeat(auto-fill,minmax(100px,1fr));gap:10px}
.digest-frame{flex:1;min-height:560px;width:100%;border:1px solid var(--color-rule);border-radius:6px;background:#fff}
.waiting{margin:auto;padding:40px;text-align:center;color:var(--color-muted)}
.waiting h1{font-size:20px;color:var(--color-ink);margin-bottom:8px}
@media (max-width:1100px){.panes{grid-template-columns:1fr}.pane{overflow:visible}body{height:auto}}
`;

let css: string | undefined;

/** The preview page of one source: the deck to click through, the brochure's pages and the email, side by side. */
export function previewHtml(input: PreviewPageInput): string {
  css ??= baseCss({ embedFonts: true }) + PREVIEW_CSS;
  const view = input.current;
  const title = view ? `${view.title} · Triptyque preview` : 'Triptyque preview';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${bar(input)}
${problems(input)}
${view ? panes(view) : waiting(input)}
<script>${PREVIEW_SCRIPT}</script>
</body>
</html>
`;
}

function bar(input: PreviewPageInput): string {
  const view = input.current;
  const tabs =
    input.views.length > 1
      ? `<ul class="tabs">${input.views
          .map((other) => `<li><a href="/preview/${encodeURIComponent(other.report.slug)}"${other === view ? ' aria-current="page"' : ''}>${escapeHtml(other.report.slug)}</a></li>`)
          .join('')}</ul>`
      : '';
  const heading = view
    ? `<h1 title="${escapeHtml(view.title)}"${documentLang(view)}>${escapeHtml(view.title)}</h1>${statusBadge(view)}<span class="meta">built ${escapeHtml(new Date(view.report.builtAt).toLocaleTimeString('en-GB'))} in ${formatDuration(view.report.durationMs)}</span>`
    : '';
  const links = view ? `<nav><a href="/out/index.html">Gallery</a><a href="/out/${encodeURIComponent(view.report.slug)}/report.json">report.json</a></nav>` : '';
  const live = input.building ? '<span class="live" data-state="building">Rebuilding…</span>' : '<span class="live" data-state="live">Live: rebuilds on save</span>';
  return `<header class="bar"><a class="brand" href="/">Triptyque</a>${tabs}${heading}<span class="spacer"></span>${live}${links}</header>`;
}

function problems(input: PreviewPageInput): string {
  const diagnostics = [...input.otherDiagnostics, ...(input.current?.report.diagnostics ?? [])];
  const thumbnails = input.current?.thumbnails.problems ?? [];
  if (diagnostics.length === 0 && thumbnails.length === 0) return '';
  return `<section class="problems" aria-label="Problems">${diagnosticsList(diagnostics, { root: input.root })}${thumbnails
    .map((problem) => `<p class="failed-text">Thumbnails could not be made: ${escapeHtml(problem)}</p>`)
    .join('')}</section>`;
}

function waiting(input: PreviewPageInput): string {
  return `<main class="waiting"><h1>${input.building ? 'Building…' : 'Nothing built yet'}</h1><p>${input.sources.map(escapeHtml).join(', ') || 'content/*.md'}</p><p>This page refreshes by itself when the build ends.</p></main>`;
}

function panes(view: SourceView): string {
  const base = `/out/${encodeURIComponent(view.report.slug)}/`;
  const [deck, brochure, digest] = view.targets as [TargetView, TargetView, TargetView];
  return `<main class="panes">
<section class="pane deck" data-pane="deck" aria-label="Deck">
${paneHead('Deck', deck, base)}
${deckBody(view, deck, base)}
</section>
<section class="pane brochure" data-pane="brochure" aria-label="Brochure">
${paneHead('Brochure', brochure, base)}
${thumbnailGrid(view, 'pages', base, { link: (n) => `${base}brochure.pdf#page=${n}` })}
</section>
<section class="pane digest" data-pane="digest" aria-label="Digest">
${paneHead('Digest', digest, base)}
${artifactBuilt(digest, 'digest.html') ? `<iframe class="digest-frame" title="Digest email" src="${base}digest.html"></iframe>` : '<p class="not-built">No email to show: the digest is not built.</p>'}
</section>
</main>`;
}

function paneHead(title: string, target: TargetView, base: string): string {
  return `<div class="pane-head"><h2>${title}</h2><span class="summary">${targetSummary(target, { brief: true })}</span></div>${artifactLinks({ ...target, artifacts: target.artifacts.filter((artifact) => artifact.bytes !== undefined) }, base)}`;
}

function deckBody(view: SourceView, deck: TargetView, base: string): string {
  if (!artifactBuilt(deck, 'deck.html')) return thumbnailGrid(view, 'slides', base, { link: (n) => `${base}deck.pdf#page=${n}` });
  const slides = view.thumbnails.slides?.files.length ?? deck.report?.counts['slides'] ?? 0;
  return `<iframe class="deck-frame" title="Deck: click it, then use the arrow keys" data-src="${base}deck.html" data-slides="${slides}" allowfullscreen></iframe>
<div class="slide-controls"><button type="button" class="prev-slide" aria-label="Previous slide">←</button><span class="slide-counter">1 / ${slides}</span><button type="button" class="next-slide" aria-label="Next slide">→</button><a href="${base}deck.html?view=presenter" target="_blank" rel="noopener">Presenter view</a><span class="hint">Arrow keys move through the slides</span></div>
${thumbnailGrid(view, 'slides', base, { link: (n) => `${base}deck.html#${n}` })}`;
}
