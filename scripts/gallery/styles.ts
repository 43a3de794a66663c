import { DEFAULT_THEME, fontFaceCss, fontStack, loadTheme, themeVariables } from '../theme/load-theme';

/**
 * The look shared by the gallery and the preview: the theme's colours and fonts, quiet chrome,
 * status colours that read without relying on hue alone (each badge also says what it means).
 */
export function baseCss(options: { embedFonts: boolean; theme?: string }): string {
  const theme = loadTheme(options.theme ?? DEFAULT_THEME);
  return `${fontFaceCss(theme, { embed: options.embedFonts, roles: ['heading'] })}
${themeVariables(theme)}
:root{--ui:${fontStack(theme, 'heading')};--surface:#f3f5f8;--card:#fff;--ok:#1e7a46;--ok-soft:#e4f4ea;--warn:#9a5a00;--warn-soft:#fdf0dc;--error:#b42318;--error-soft:#fde8e6;--radius:10px}
*{box-sizing:border-box}
html{background:var(--surface);color:var(--color-ink);font:15px/1.45 var(--ui)}
body{margin:0}
a{color:var(--color-accent)}
a:hover{color:var(--color-accent-dark)}
code{font:12.5px/1.3 ui-monospace,'DejaVu Sans Mono',monospace}
h1,h2,h3{font-family:var(--ui);margin:0;line-height:1.2}
.muted{color:var(--color-muted)}
.badge{display:inline-block;padding:3px 10px;border-radius:99px;font-size:13px;font-weight:600;white-space:nowrap;border:1px solid currentColor}
.badge.ok{color:var(--ok);background:var(--ok-soft)}
.badge.warned{color:var(--warn);background:var(--warn-soft)}
.badge.failed{color:var(--error);background:var(--error-soft)}
.failed-text{color:var(--error)}
.diagnostics{list-style:none;margin:0;padding:0;border:1px solid var(--color-rule);border-radius:8px;background:var(--card);overflow:hidden}
.diagnostic{display:grid;grid-template-columns:5.5em minmax(9em,max-content) 1fr auto;gap:4px 12px;align-items:baseline;padding:7px 12px;border-top:1px solid var(--color-rule);font-size:14px}
.diagnostic:first-child{border-top:0}
.diagnostic .severity{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.diagnostic.error{background:var(--error-soft)}.diagnostic.error .severity{color:var(--error)}
.diagnostic.warning .severity{color:var(--warn)}
.diagnostic.info .severity{color:var(--color-muted)}
.diagnostic .rule{color:var(--color-muted)}
.artifacts{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.artifact{display:inline-flex;align-items:baseline;gap:6px;padding:4px 10px;border:1px solid var(--color-rule);border-radius:6px;background:var(--card);font-size:13.5px}
.artifact a{text-decoration:none;display:inline-flex;gap:6px;align-items:baseline}
.artifact a:hover .label{text-decoration:underline}
.artifact code{color:var(--color-muted);font-size:11.5px}
.artifact .size{color:var(--color-muted);font-size:12.5px;font-variant-numeric:tabular-nums}
.artifact.missing{border-style:dashed;color:var(--color-muted);background:transparent}
.thumbs{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.thumbs a{display:block;position:relative;text-decoration:none}
.thumbs img{display:block;width:100%;height:auto;background:#fff;border:1px solid var(--color-rule);border-radius:4px;box-shadow:0 1px 2px rgba(29,39,51,.08)}
.thumbs a:hover img,.thumbs a:focus img{outline:2px solid var(--color-accent);outline-offset:1px}
.thumbs .number{position:absolute;left:6px;bottom:6px;min-width:22px;padding:1px 6px;border-radius:4px;background:rgba(29,39,51,.72);color:#fff;font-size:11.5px;font-weight:600;text-align:center}
.not-built{margin:0;padding:18px;border:1px dashed var(--color-rule);border-radius:8px;color:var(--color-muted);text-align:center}
`;
}
