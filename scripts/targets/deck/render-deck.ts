import { buildTime } from '../../core/build';
import { TriptyqueError } from '../../errors';
import { loadTheme } from '../../theme/load-theme';
import type { ArtifactRecord } from '../../artifacts/write-artifact';
import type { Target, TargetContext, TargetResult } from '../target';
import { loadDeckTheme, type DeckTheme } from './deck-theme';
import { exportHtml } from './export-html';
import { deckOutline, finishPdf, printDeck } from './export-pdf';
import { buildPptx } from './export-pptx';
import { fitSlides } from './fit-slides';
import { handoutDocument, printHandout } from './handout';
import { deckMarkdown } from './marp-markdown';
import { DEFAULT_PLAN_OPTIONS, frenchDate, planSlides } from './plan-slides';
import { renderMarp } from './render-marp';
import { screenshotSlides } from './screenshot-slides';
import type { Slide } from './slide-plan';
import { talkTiming } from './talk-timing';
import { formatDuration, slideNotes, speakingSeconds } from './timing';

/** deck.md, deck.html, deck.pdf, deck.pptx and deck-handout.pdf, from one plan and one browser page. */
export async function renderDeck(context: TargetContext): Promise<TargetResult> {
  const { publication, settings } = context;
  const theme = loadTheme(settings.theme);
  const deckTheme = await loadDeckTheme(theme);
  const markdownOf = markdownWriter(context, deckTheme);
  const plan = planSlides(publication, DEFAULT_PLAN_OPTIONS);
  context.progress(`${plan.length} slides planned`);

  const blocked: string[] = [];
  const rendered = await context.browser.withPage(
    { allowedRoots: context.allowedRoots, onBlocked: (url) => blocked.push(url), viewport: { width: 1280, height: 720 } },
    async (page) => {
      const fit = await fitSlides(page, plan, { minScale: settings.deck.minScale, render: (slides) => renderMarp(markdownOf(slides), deckTheme).document, maxRounds: 10 });
      context.progress(`${fit.slides.length} slides measured in ${fit.rounds} rounds`);
      if (fit.unfit.length > 0) return { fit, output: undefined };
      const pdf = await printDeck(page);
      const shots = await screenshotSlides(page);
      const timings = fit.slides.map((slide) => speakingSeconds(slide, settings.deck.pace));
      const talk = talkTiming(timings, settings.deck.slotMinutes);
      const handout = await printHandout(
        page,
        handoutDocument(
          fit.slides.map((slide, index) => ({ png: shots[index]!, title: titleOf(slide), notes: slideNotes(slide), timing: formatDuration(timings[index]!) })),
          { meta: publication.meta, theme, summary: talk.summary },
        ),
      );
      return { fit, output: { pdf, shots, timings, talk, handout } };
    },
  );

  for (const url of blocked) {
    context.file.message(`deck: the slides asked for ${url}, which was blocked (nothing is fetched at render time)`, { ruleId: 'deck-blocked-request', source: 'triptyque' });
  }
  const { fit, output } = rendered;
  if (!output) {
    for (const slide of fit.unfit) {
      context.file.message(`slide “${titleOf(slide)}” does not fit even at ${Math.round(settings.deck.minScale * 100)} %: shorten the block here or mark a break with ::newslide`, {
        place: slide.position,
        ruleId: 'deck-overflow',
        source: 'triptyque',
      }).fatal = true;
    }
    throw new TriptyqueError('RENDER_FAILED', `${fit.unfit.length} slide(s) overflow`);
  }

  const { pdf, shots, timings, talk, handout } = output;
  const markdown = markdownOf(fit.slides, timings);
  const date = new Date(buildTime());
  const artifacts: ArtifactRecord[] = [];
  artifacts.push(await context.write('deck.md', markdown));
  const [html, finalPdf, pptx] = await Promise.all([
    exportHtml(markdown, deckTheme),
    finishPdf(pdf, { meta: publication.meta, date }, deckOutline(fit.slides)),
    buildPptx(fit.slides.map((slide, index) => ({ png: shots[index]!, notes: notesText(slide, timings[index]!) })), publication.meta),
  ]);
  artifacts.push(await context.write('deck.html', html));
  artifacts.push(await context.write('deck.pdf', finalPdf));
  artifacts.push(await context.write('deck.pptx', pptx));
  artifacts.push(await context.write('deck-handout.pdf', await finishPdf(handout, { meta: { ...publication.meta, title: `${publication.meta.title} — notes de l’orateur` }, date }, [])));

  return {
    artifacts,
    counts: { slides: fit.slides.length, splits: fit.split.length, shrunk: fit.shrunk.length, rounds: fit.rounds, talkSeconds: talk.totalSeconds },
    details: {
      split: fit.split,
      shrunk: fit.shrunk,
      talk: { total: talk.total, slotMinutes: talk.slotMinutes, fitsSlot: talk.fitsSlot, summary: talk.summary },
    },
  };
}

/** deck.md for a plan; with the timings, each slide's notes start with its speaking time. */
function markdownWriter(context: TargetContext, theme: DeckTheme) {
  const { meta } = context.publication;
  const footer = [meta.event ?? meta.organisation, frenchDate(meta.date)].join(' · ');
  return (slides: readonly Slide[], timings?: readonly number[]) =>
    deckMarkdown(slides, {
      meta,
      theme: theme.name,
      footer,
      notesHeader: timings ? (_slide, index) => `Temps de parole : ${formatDuration(timings[index]!)}` : undefined,
    });
}

function titleOf(slide: Slide): string {
  return slide.continuation > 0 ? `${slide.title} (suite)` : slide.title;
}

function notesText(slide: Slide, seconds: number): string {
  return [`Temps de parole : ${formatDuration(seconds)}`, ...slideNotes(slide)].join('\n\n');
}

export const deckTarget: Target = {
  name: 'deck',
  render: renderDeck,
};
