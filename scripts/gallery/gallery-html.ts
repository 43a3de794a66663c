import { escapeHtml, plural } from './format';
import { TARGET_TITLES, artifactBuilt, artifactLinks, diagnosticsList, documentLang, sourceMeta, statusBadge, targetSummary, thumbnailGrid } from './parts';
import type { SourceView, TargetView } from './source-view';
import { baseCss } from './styles';

/** The gallery's title, and how a later build knows an index.html is the gallery's to replace. */
export const GALLERY_TITLE = 'Triptyque build gallery';

const GALLERY_CSS = `
.page-head{padding:28px 40px 20px;border-bottom:1px solid var(--color-rule);background:var(--card)}
.page-head h1{font-size:22px;font-weight:600}
.page-head h1 span{color:var(--color-accent)}
.page-head p{margin:4px 0 0;color:var(--color-muted);font-size:14px}
.toc{display:flex;flex-wrap:wrap;gap:8px;margin:14px 0 0;padding:0;list-style:none}
.toc a{display:inline-flex;gap:8px;align-items:center;padding:4px 10px;border:1px solid var(--color-rule);border-radius:6px;text-decoration:none;font-size:14px}
main{padding:24px 40px 60px;display:grid;gap:28px;max-width:1500px}
.source{background:var(--card);border:1px solid var(--color-rule);border-radius:var(--radius);padding:24px 28px;display:grid;gap:22px}
.source-head{display:flex;justify-content:space-between;gap:24px;align-items:flex-start}
.source-head h2{font-family:var(--font-text);font-size:24px;font-weight:600;color:var(--color-accent-dark)}
.source-head .subtitle{margin:4px 0 0;font-family:var(--font-text);font-size:16px;color:var(--color-ink)}
.source-head .meta{margin:8px 0 0;font-size:13.5px;color:var(--color-muted)}
.target{display:grid;gap:12px;padding-top:18px;border-top:1px solid var(--color-rule)}
.target-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 14px}
.target-head h3{font-size:17px;font-weight:600}
.target-head .summary{font-size:14px;color:var(--color-muted)}
.thumbs.slides{grid-template-columns:repeat(auto-fill,minmax(190px,1fr))}
.thumbs.pages{grid-template-columns:repeat(auto-fill,minmax(130px,1fr))}
.digest-frames{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.digest-frames figure{margin:0;display:grid;gap:6px}
.digest-frames figcaption{font-size:13px;color:var(--color-muted)}
.digest-frame,.digest-text{width:100%;height:640px;margin:0;border:1px solid var(--color-rule);border-radius:6px;background:#fff}
.digest-text{overflow:auto;padding:14px 16px;font:13px/1.5 ui-monospace,'DejaVu Sans Mono',monospace;white-space:pre-wrap}
footer{padding:0 40px 40px;color:var(--color-muted);font-size:13px}
@media (max-width:700px){.page-head,main{padding-left:16px;padding-right:16px}.source{padding:18px}.source-head{flex-direction:column}}
`;

/** The gallery's HTML: one card per source with its status, thumbnails, digest and files. */
export function galleryHtml(views: readonly SourceView[], options: { generatedAt: string; root?: string }): string {
  const failed = views.filter((view) => !view.report.ok).length;
  const summary = views.length === 0 ? 'Nothing built yet.' : `${plural(views.length, 'source')}${failed ? `, ${failed} failed` : ', all built'}`;
  const toc =
    views.length > 1
      ? `<ul class="toc">${views.map((view) => `<li><a href="#${escapeHtml(view.report.slug)}"><span${documentLang(view)}>${escapeHtml(view.title)}</span> ${statusBadge(view)}</a></li>`).join('')}</ul>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${GALLERY_TITLE}</title>
<style>${baseCss({ embedFonts: false })}${GALLERY_CSS}</style>
</head>
<body>
<header class="page-head">
<h1><span>Triptyque</span> build gallery</h1>
<p>${summary} · generated ${escapeHtml(options.generatedAt)}</p>
${toc}
</header>
<main>
${views.map((view) => sourceCard(view, options.root)).join('\n')}
</main>
<footer>Thumbnails are small previews; open a file for the real thing. Rebuild with <code>triptyque build</code>, or run <code>triptyque preview</code> to rebuild on every save.</footer>
</body>
</html>
`;
}

function sourceCard(view: SourceView, root: string | undefined): string {
  const base = `${encodeURIComponent(view.report.slug)}/`;
  return `<article class="source" id="${escapeHtml(view.report.slug)}" data-slug="${escapeHtml(view.report.slug)}">
<header class="source-head">
<div><h2${documentLang(view)}>${escapeHtml(view.title)}</h2>${view.subtitle ? `<p class="subtitle"${documentLang(view)}>${escapeHtml(view.subtitle)}</p>` : ''}<p class="meta">${sourceMeta(view)}</p></div>
${statusBadge(view)}
</header>
${diagnosticsList(view.report.diagnostics, { root })}
${view.thumbnails.problems.map((problem) => `<p class="failed-text">Thumbnails could not be made: ${escapeHtml(problem)}</p>`).join('')}
${view.targets.map((target) => targetSection(view, target, base)).join('\n')}
</article>`;
}

function targetSection(view: SourceView, target: TargetView, base: string): string {
  return `<section class="target ${target.name}" data-target="${target.name}">
<div class="target-head"><h3>${TARGET_TITLES[target.name]}</h3><span class="summary">${targetSummary(target)}</span></div>
${artifactLinks(target, base)}
${targetBody(view, target, base)}
</section>`;
}

function targetBody(view: SourceView, target: TargetView, base: string): string {
  switch (target.name) {
    case 'deck': {
      const html = artifactBuilt(target, 'deck.html');
      return thumbnailGrid(view, 'slides', base, { link: (n) => (html ? `${base}deck.html#${n}` : `${base}deck.pdf#page=${n}`) });
    }
    case 'brochure':
      return thumbnailGrid(view, 'pages', base, { link: (n) => `${base}brochure.pdf#page=${n}` });
    case 'digest':
      return digestFrames(view, target, base);
  }
}

/** The email as a reader's client shows it, and its plain-text part beside it. */
function digestFrames(view: SourceView, target: TargetView, base: string): string {
  const figures: string[] = [];
  if (artifactBuilt(target, 'digest.html')) {
    figures.push(`<figure><figcaption>HTML part</figcaption><iframe class="digest-frame" title="Digest email" src="${escapeHtml(`${base}digest.html?v=${view.version}`)}"></iframe></figure>`);
  }
  if (view.digestText !== undefined) figures.push(`<figure><figcaption>Plain-text part</figcaption><pre class="digest-text" tabindex="0"${documentLang(view)}>${escapeHtml(view.digestText)}</pre></figure>`);
  return figures.length > 0 ? `<div class="digest-frames">${figures.join('')}</div>` : '<p class="not-built">No email to show: the digest is not built.</p>';
}
