import { buildTime } from '../../artifacts/build-time';
// pdf-lib compresses what it writes with Node's zlib (`node-deflate.ts`).
import '../../pdf/node-deflate';
import { TriptyqueError } from '../../errors';
import { loadThemeAt } from '../../theme/load-theme';
import type { ArtifactRecord } from '../../artifacts/write-artifact';
import type { Target, TargetContext, TargetResult } from '../target';
import { loadDeckTheme, withEmojiFonts, withMathFonts, type DeckTheme } from './deck-theme';
import { hasMath } from '../../math/has-math';
import { publicationText } from '../../model/plain-text';
import { exportHtml, preloadHtmlExport } from './export-html';
import { deckOutline, finishPdf, printDeck } from './export-pdf';
import { buildPptx } from './export-pptx';
import { fitSlides } from './fit-slides';
import { buildEditablePptx } from './pptx/build-editable-pptx';
import { readSlideLayouts } from './pptx/slide-layout';
import { openFontPage } from './deck-page';
import { printHandout } from './handout';
import { continuedTitle, deckMarkdown } from './marp-markdown';
import { withDeckImages } from './deck-images';
import { inPieces } from './deck-pieces';
import { formatDate } from '../../typography/format-date';
import { messages } from '../../messages/messages';
import { planOptionsFor, planSlides } from './plan-slides';
import { renderMarp } from './render-marp';
import { renderAuthoredDeck } from './render-authored-deck';
import { screenshotSlides } from './screenshot-slides';
import type { Slide } from './slide-plan';
import { talkTiming } from './talk-timing';
import { slideWords } from './word-budget';
import { formatDuration, slideNotes, speakingSeconds } from './timing';

/**
 * deck.md, deck.html, deck.pdf, deck.pptx and deck-handout.pdf, from one plan, fitted and printed
 * in one browser page that loads the fonts once. deck.md and deck.html are written as soon as the
 * fit is known, while the browser still prints and shoots the slides.
 */
export async function renderDeck(context: TargetContext): Promise<TargetResult> {
  const { publication, settings } = context;
  // The author made the slides: they are shown as they are, not planned from the sections.
  if (publication.slides) return renderAuthoredDeck(context, publication.slides);
  const theme = loadThemeAt(context.themeDir, settings.theme);
  const { meta } = publication;
  const deckTheme = withMathFonts(withEmojiFonts(await loadDeckTheme(theme), [meta.title, meta.subtitle ?? '', meta.event ?? '', meta.organisation, publicationText(publication, 'deck')].join('\n')), hasMath(publication));
  const markdownOf = markdownWriter(context, deckTheme);
  const plan = planSlides(withDeckImages(publication, context.sourceDir), planOptionsFor(settings.deck));
  context.progress(`${plan.length} slides planned`);

  preloadHtmlExport();
  const blocked: string[] = [];
  const date = new Date(buildTime());
  const pageOptions = { allowedRoots: context.allowedRoots, onBlocked: (url: string) => blocked.push(url) };
  const timingsOf = (slides: readonly Slide[]) => slides.map((slide) => speakingSeconds(slide, settings.deck.pace));
  // deck.html is converted as soon as every slide fits alone, while the browser checks the whole
  // deck; it is kept if the check changes nothing, which it almost never does.
  let early: { markdown: string; html: Promise<string> } | undefined;
  const rendered = await context.browser.withPage({ ...pageOptions, viewport: { width: 1280, height: 720 }, kind: 'deck', affinity: context.outDir, keep: context.keepPages }, async (page) => {
    await openFontPage(page, deckTheme.fontCss, context.outDir);
    const fit = await fitSlides(page, plan, {
      onSettled: (slides) => {
        const markdown = markdownOf(slides, timingsOf(slides));
        if (early?.markdown === markdown) return;
        const html = exportHtml(markdown, deckTheme);
        // A conversion the check made useless is dropped, its failure with it.
        html.catch(() => undefined);
        early = { markdown, html };
      },
      minScale: settings.deck.minScale,
      lang: publication.meta.lang,
      render: (slides) => renderMarp(markdownOf(slides, undefined, { notes: false }), deckTheme),
      layoutKey: `${deckTheme.css}\n${deckTheme.fontCss}\n${markdownOf([])}`,
      maxRounds: 16,
    });
    context.progress(`${fit.slides.length} slides fitted: ${fit.measured} measured in ${fit.rounds} rounds, ${fit.wholeRenders} render(s) of the whole deck`);
    if (fit.unfit.length > 0) return { fit, output: undefined };

    // Each artifact is written as soon as what it needs is known, while the browser goes on: the
    // Markdown and HTML need no more of it, the PPTX only the slides' layout.
    const { lang } = publication.meta;
    const timings = timingsOf(fit.slides);
    const talk = talkTiming(timings, settings.deck.slotMinutes, lang);
    const markdown = markdownOf(fit.slides, timings);
    const written: Promise<ArtifactRecord>[] = [];
    const writing = (pending: Promise<ArtifactRecord>) => {
      // Awaited after the browser work; a failure meanwhile must not count as unhandled.
      pending.catch(() => undefined);
      written.push(pending);
    };
    writing(context.write('deck.md', markdown));
    const html = early?.markdown === markdown ? early.html : exportHtml(markdown, deckTheme);
    const htmlRecord = html.then((text) => context.write('deck.html', text));
    writing(htmlRecord);
    // In watch, the browser lays out and prints once this HTML and the other targets' are in place.
    void htmlRecord.finally(() => context.turn.htmlWritten()).catch(() => undefined);
    await context.turn.printsMayStart();
    // Editable slides are laid out from the fitted slides as the page shows them; pictures only when asked for.
    const notes = fit.slides.map((slide, index) => notesText(slide, timings[index]!, lang));
    if (settings.deck.pptx === 'editable') {
      const layouts = await inPieces(page, fit.rendered, lang, () => readSlideLayouts(page));
      writing(buildEditablePptx(layouts.map((layout, index) => ({ layout, notes: notes[index]! })), publication.meta, theme).then((bytes) => context.write('deck.pptx', bytes)));
    } else {
      const shots = await inPieces(page, fit.rendered, lang, (piece) => screenshotSlides(page, piece));
      writing(buildPptx(shots.map((image, index) => ({ image, notes: notes[index]! })), publication.meta).then((bytes) => context.write('deck.pptx', bytes)));
    }
    const pdf = await printDeck(page, fit.rendered, lang);
    writing(finishPdf(pdf, { meta: publication.meta, date }, deckOutline(fit.slides)).then((bytes) => context.write('deck.pdf', bytes)));
    // The same page, fonts loaded, now shows the handout.
    const slides = fit.slides.map((slide, index) => ({ section: fit.rendered.sections[index]!, title: titleOf(slide, lang), notes: slideNotes(slide), timing: formatDuration(timings[index]!) }));
    const handout = await printHandout(page, slides, { meta: publication.meta, theme, slideCss: fit.rendered.css, summary: talk.summary });
    writing(finishPdf(handout, { meta: { ...publication.meta, title: messages(lang).handoutTitle(publication.meta.title) }, date }, []).then((bytes) => context.write('deck-handout.pdf', bytes)));
    return { fit, output: { talk, written } };
  });

  const { fit, output } = rendered;
  if (!output) {
    for (const url of new Set(blocked)) reportBlocked(context, url);
    for (const slide of fit.unfit) {
      // Only what the author forced onto the slide stays unfit: point at the kept block itself.
      const kept = slide.units.find((unit) => unit.keep && unit.visible);
      const reason = kept
        ? `the block kept with :::keep does not fit even at ${Math.round(settings.deck.minScale * 100)} %: shorten it, cut it with ::newslide, or remove :::keep so the deck shows its lead and moves the rest to the notes`
        : `does not fit after ${fit.rounds} rounds of fitting: mark a break with ::newslide here`;
      context.file.message(`slide “${titleOf(slide, publication.meta.lang)}”: ${reason}`, {
        place: kept?.position ?? slide.position,
        ruleId: 'deck-overflow',
        source: 'triptyque',
      }).fatal = true;
    }
    throw new TriptyqueError('RENDER_FAILED', `${fit.unfit.length} slide(s) overflow`);
  }

  const { talk, written } = output;
  const artifacts: ArtifactRecord[] = [];
  for (const pending of written) artifacts.push(await pending);
  for (const url of new Set(blocked)) reportBlocked(context, url);

  return {
    artifacts,
    counts: { slides: fit.slides.length, ...wordsPerSlideCounts(fit.slides), splits: fit.split.length, shrunk: fit.shrunk.length, cut: fit.cut.length, movedToNotes: fit.movedToNotes.length, rounds: fit.rounds, measured: fit.measured, wholeRenders: fit.wholeRenders, talkSeconds: talk.totalSeconds },
    details: {
      split: fit.split,
      shrunk: fit.shrunk,
      titlesShrunk: fit.titlesShrunk,
      cut: fit.cut,
      movedToNotes: fit.movedToNotes,
      talk: { total: talk.total, slotMinutes: talk.slotMinutes, fitsSlot: talk.fitsSlot, summary: talk.summary },
    },
  };
}

/** deck.md for a plan; with the timings, each slide's notes start with its speaking time; without notes, the slides the fit measures. */
function markdownWriter(context: TargetContext, theme: DeckTheme) {
  const { meta } = context.publication;
  const footer = [meta.event ?? meta.organisation, meta.date === undefined ? undefined : formatDate(meta.date, meta.lang)].filter(Boolean).join(' · ');
  return (slides: readonly Slide[], timings?: readonly number[], { notes = true }: { notes?: boolean } = {}) =>
    deckMarkdown(slides, {
      meta,
      theme: theme.name,
      footer,
      notesHeader: timings ? (_slide, index) => messages(meta.lang).speakingTime(formatDuration(timings[index]!)) : undefined,
      notes,
    });
}

/** Words of prose on the slides that show some (content and contents slides): median and most. */
function wordsPerSlideCounts(slides: readonly Slide[]): { wordsPerSlideMedian: number; wordsPerSlideMax: number } {
  const counts = slides.filter((slide) => slide.kind === 'content' || slide.kind === 'agenda').map(slideWords).sort((a, b) => a - b);
  const middle = counts.length / 2;
  const median = counts.length === 0 ? 0 : counts.length % 2 === 1 ? counts[Math.floor(middle)]! : (counts[middle - 1]! + counts[middle]!) / 2;
  return { wordsPerSlideMedian: median, wordsPerSlideMax: counts.at(-1) ?? 0 };
}

function reportBlocked(context: TargetContext, url: string): void {
  context.file.message(`deck: the slides asked for ${url}, which was blocked (nothing is fetched at render time)`, { ruleId: 'deck-blocked-request', source: 'triptyque' });
}

function titleOf(slide: Slide, lang: string): string {
  return continuedTitle(slide.title, slide.continuation, lang);
}

function notesText(slide: Slide, seconds: number, lang: string): string {
  return [messages(lang).speakingTime(formatDuration(seconds)), ...slideNotes(slide)].join('\n\n');
}

export const deckTarget: Target = {
  name: 'deck',
  render: renderDeck,
};
