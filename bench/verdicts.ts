import { deckMsPerSlide, median, medianMs, medianRun, peakMemory, peersSummedMs, type BenchResults, type ColdRun } from './bench-results';

/** One target of the speed issue, compared with what was measured. A MISS is printed, never fatal. */
export interface Verdict {
  target: string;
  measured: string;
  pass: boolean | undefined;
  /** For a miss: what bounds the time (the slowest target, the process outside the targets...). */
  bound?: string;
}

const GB = 1024 ** 3;

export function verdicts(results: BenchResults): Verdict[] {
  const list: Verdict[] = [];
  const peers = peersSummedMs(results.peers);
  const ratioVerdict = (target: string, runs: readonly ColdRun[], limit: number) => {
    const ms = medianMs(runs);
    const ratio = ms !== undefined && peers ? ms / peers : undefined;
    list.push({
      target,
      measured: ratio === undefined ? 'n/a' : `${ratio.toFixed(2)} x (${seconds(ms)} vs ${seconds(peers)})`,
      pass: ratio === undefined ? undefined : ratio <= limit,
      bound: coldBound(runs),
    });
  };
  ratioVerdict('default build (`triptyque build`, gallery included) of the real content <= 0.35 x peers summed', results.defaultBuild, 0.35);
  ratioVerdict('artifacts only (`--no-gallery`) <= 0.25 x peers summed', results.artifactsBuild, 0.25);

  const warm = results.warm;
  const html = warm && median(warm.htmlMs);
  list.push({
    target: 'warm rebuild after a one-paragraph edit: deck.html, brochure.html, digest.html in place <= 300 ms',
    measured: html === undefined ? 'n/a (no HTML artifact rewritten)' : `${Math.round(html)} ms`,
    pass: html === undefined ? undefined : html <= 300,
    bound: warm && slowest(Object.fromEntries(Object.entries(warm.targetMs).map(([name, values]) => [name, median(values) ?? 0]))),
  });
  const all = warm && median(warm.allMs);
  list.push({
    target: 'warm rebuild after a one-paragraph edit: every artifact <= 1.5 s',
    measured: all === undefined ? 'n/a' : seconds(all),
    pass: all === undefined ? undefined : all <= 1500,
    bound: warm && slowest(Object.fromEntries(Object.entries(warm.targetMs).map(([name, values]) => [name, median(values) ?? 0]))),
  });

  const base = medianMs(results.artifactsBuild);
  const baseRun = results.artifactsBuild.find((run) => run.ok);
  for (const [factor, limit] of [[10, 6], [20, 12]] as const) {
    const growth = results.growth.find((entry) => entry.factor === factor);
    const cold = growth?.cold;
    const times = cold?.ok && base ? cold.ms / base : undefined;
    list.push({
      target: `${factor}x source, cold build (artifacts only) <= ${limit} x the 1x`,
      measured: times !== undefined ? `${times.toFixed(1)} x (${seconds(cold!.ms)})` : cold ? `failed after ${seconds(cold.ms)}: ${cold.note ?? 'no report'}` : 'n/a (not run)',
      // A source that does not build at all misses the target as surely as a slow one.
      pass: times !== undefined ? times <= limit : cold ? false : undefined,
      bound: cold && coldBound([cold]),
    });
  }
  const twenty = results.growth.find((entry) => entry.factor === 20)?.cold;
  list.push({
    target: 'the 20x build exits 0',
    measured: twenty ? (twenty.ok ? 'exit 0' : twenty.note ?? 'failed') : 'n/a (not run)',
    pass: twenty ? twenty.ok : undefined,
  });
  const perSlide = deckMsPerSlide(baseRun);
  const perSlide20 = deckMsPerSlide(twenty?.ok ? twenty : undefined);
  list.push({
    target: "the deck's time per slide at 20x no worse than at 1x",
    measured: perSlide !== undefined && perSlide20 !== undefined ? `${Math.round(perSlide20)} ms/slide at 20x (${twenty!.slides} slides) vs ${Math.round(perSlide)} ms/slide at 1x (${baseRun!.slides} slides)` : 'n/a',
    pass: perSlide !== undefined && perSlide20 !== undefined ? perSlide20 <= perSlide : undefined,
  });

  const ten = medianRun(results.tenSources);
  const tenTimes = ten?.ok && base ? ten.ms / base : undefined;
  list.push({
    target: 'ten different sources in one build <= 4 x one source',
    measured: tenTimes !== undefined ? `${tenTimes.toFixed(1)} x (${seconds(ten!.ms)})` : ten ? `failed: ${ten.note ?? ''}` : 'n/a (not run)',
    pass: tenTimes !== undefined ? tenTimes <= 4 : ten ? false : undefined,
    bound: ten && coldBound([ten]),
  });

  const everything = [...results.defaultBuild, ...results.artifactsBuild, ...results.growth.map((entry) => entry.cold), ...results.tenSources, results.warm ? { ms: 0, ok: true, timedOut: false, peak: results.warm.peak } : undefined];
  const peak = peakMemory(everything);
  list.push({
    target: 'peak memory of the whole process tree (sum of RSS, any scale) < 1.5 GB',
    measured: peak === undefined ? 'n/a' : `${(peak.rssBytes / GB).toFixed(2)} GB (private memory: ${(peak.privateBytes / GB).toFixed(2)} GB)`,
    pass: peak === undefined ? undefined : peak.rssBytes < 1.5 * GB,
  });
  return list;
}

/** Targets run concurrently: the slowest one, plus the process outside the targets, is what a cold build waits for. */
function coldBound(runs: readonly ColdRun[]): string | undefined {
  const ok = runs.filter((run) => run.ok);
  if (ok.length === 0) return undefined;
  const names = [...new Set(ok.flatMap((run) => Object.keys(run.targetMs)))];
  const targetMs = Object.fromEntries(names.map((name) => [name, median(ok.flatMap((run) => (run.targetMs[name] === undefined ? [] : [run.targetMs[name]!]))) ?? 0]));
  const outside = median(ok.flatMap((run) => (run.outsideMs === undefined ? [] : [run.outsideMs])));
  return slowest(targetMs, outside);
}

function slowest(targetMs: Record<string, number>, outsideMs?: number): string | undefined {
  const entries = Object.entries(targetMs).sort((a, b) => b[1] - a[1]);
  const top = entries[0];
  if (!top) return undefined;
  const outside = outsideMs === undefined ? '' : `; outside the targets (process start, imports, browser start and close, gallery): ${seconds(outsideMs)}`;
  return `slowest target ${top[0]} ${seconds(top[1])} (${entries.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')})${outside}`;
}

export function seconds(ms: number | undefined): string {
  return ms === undefined ? 'n/a' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
