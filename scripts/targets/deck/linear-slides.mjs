// Plain ESM, not TypeScript: marp-cli imports this file itself (`marp-cli-engine.mjs`), natively,
// also when the build runs inside vitest, which transforms none of node_modules' dynamic imports.
import marpitPlugin from '@marp-team/marpit/plugin.js';
import { split } from '@marp-team/marpit/lib/helpers/split.js';
import { wrapTokens } from '@marp-team/marpit/lib/helpers/wrap_tokens.js';
import { defaultAnchorCallback } from '@marp-team/marpit/lib/markdown/slide.js';

/**
 * Marpit's `marpit_slide` core rule (Marpit 3.2.3, `lib/markdown/slide.js`) with the slides'
 * tokens appended to one array. Marpit builds the array with
 * `reduce((arr, slide) => [...arr, ...wrapTokens(...)], [])`, which copies every token seen so far
 * for each slide: quadratic, 18 s of a 2400-slide deck's render. The tokens, anchors, meta and
 * maps are Marpit's own, made by its own helpers; this rule can go once Marpit builds the array
 * linearly.
 *
 * Marpit registers its rule with only an anchor callback (`lib/marpit.js`), read from the
 * instance's options at render time, and no `attributes`; so does this one.
 */
export const linearSlides = marpitPlugin((md) => {
  const anchorOf = (marpitSlide) => {
    const { anchor } = md.marpit.options;
    if (typeof anchor === 'function') return anchor(marpitSlide);
    if (anchor) return defaultAnchorCallback(marpitSlide);
    return undefined;
  };

  md.core.ruler.at('marpit_slide', (state) => {
    if (state.inlineMode) return;
    const splittedTokens = split(state.tokens, (t) => t.type === 'hr' && t.level === 0, true);
    const { length: marpitSlideTotal } = splittedTokens;
    const tokens = [];
    splittedTokens.forEach((slideTokens, marpitSlide) => {
      const firstHr = slideTokens[0] && slideTokens[0].type === 'hr' ? slideTokens[0] : undefined;
      const mapTarget = firstHr || slideTokens.find((t) => t.map);
      const wrapped = wrapTokens(
        state.Token,
        'marpit_slide',
        {
          tag: 'section',
          id: anchorOf(marpitSlide),
          open: { block: true, meta: { marpitSlide, marpitSlideTotal, marpitSlideElement: 1 }, map: mapTarget ? mapTarget.map : [0, 1] },
          close: { block: true, meta: { marpitSlide, marpitSlideTotal, marpitSlideElement: -1 } },
        },
        slideTokens.slice(firstHr ? 1 : 0),
      );
      // One by one: a spread into push() would hit the engine's argument limit on a slide of ~100 000 tokens.
      for (const token of wrapped) tokens.push(token);
    });
    state.tokens = tokens;
  });
});
