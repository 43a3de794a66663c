// marp-cli's functional engine for deck.html (`export-html.ts`, `--engine`): the Marp Core marp-cli
// would use anyway, with the slide splitting `render-marp.ts` renders with (`linear-slides.mjs`).
// Plain ESM, for marp-cli imports it natively, inside vitest too.
import { Theme } from '@marp-team/marpit';
import { withoutKatexFontFiles } from './katex-font-faces.mjs';
import { linearSlides } from './linear-slides.mjs';

// marp-cli makes a new engine for every conversion, and each parses the theme and packs its
// stylesheet through PostCSS again (~25 ms of a 50 ms conversion): a watch session converts the
// same theme on every save. Both results depend only on their inputs, so this process keeps them.
const themes = new Map();
const styles = new Map();
const KEPT = 32;

function remember(map, key, value) {
  if (map.size >= KEPT) map.delete(map.keys().next().value);
  map.set(key, value);
  return value;
}

export default ({ marp }) => {
  const { themeSet } = marp;
  themeSet.add = (css) => {
    const key = `${themeSet.metaType ? JSON.stringify(themeSet.metaType) : ''}\n${themeSet.cssNesting}\n${css}`;
    const theme = themes.get(key) ?? remember(themes, key, Theme.fromCSS(css, { metaType: themeSet.metaType, cssNesting: themeSet.cssNesting }));
    themeSet.addTheme(theme);
    return theme;
  };
  const renderStyle = marp.renderStyle.bind(marp);
  marp.renderStyle = (theme) => {
    const key = `${theme}\n${themeSet.get(theme, true)?.css ?? ''}\n${marp.lastStyles?.join('\n') ?? ''}`;
    return styles.get(key) ?? remember(styles, key, renderStyle(theme));
  };
  // Pictures beside the source come as data URLs; markdown-it takes no SVG one unless told (an <img> runs no script).
  const validateLink = marp.markdown.validateLink;
  marp.markdown.validateLink = (url) => /^data:image\/svg\+xml;base64,/i.test(url) || validateLink(url);
  return withoutKatexFontFiles(marp).use(linearSlides);
};
