import { median, medianMs, peakMemory, peersSummedMs, type BenchResults, type ScaleResult } from './bench-results';

/** One target of issue #6, compared with what was measured. A MISS is printed, never fatal. */
export interface Verdict {
  target: string;
  measured: string;
  pass: boolean | undefined;
  /** For a miss: what bounds the time (the slowest target, the startup...). */
  bound?: string;
}

const GB = 1024 ** 3;

export function verdicts(results: BenchResults): Verdict[] {
  const one = results.scales.find((scale) => scale.factor === 1);
  const twenty = results.scales.find((scale) => scale.factor === 20);
  const list: Verdict[] = [];

  const cold = one && medianMs(one.cold);
  const peers = one && peersSummedMs(one);
  const ratio = cold !== undefined && peers ? cold / peers : undefined;
  list.push({
    target: 'cold full build of the real content <= 0.35 x peers summed',
    measured: ratio === undefined ? 'n/a' : `${ratio.toFixed(2)} x (${seconds(cold)} vs ${seconds(peers)})`,
    pass: ratio === undefined ? undefined : ratio <= 0.35,
    bound: one && coldBound(one),
  });

  const html = one?.warm && median(one.warm.htmlMs);
  list.push({
    target: 'warm rebuild after a one-paragraph edit: HTML artifacts <= 300 ms',
    measured: html === undefined ? 'n/a (no HTML artifact rewritten)' : `${Math.round(html)} ms`,
    pass: html === undefined ? undefined : html <= 300,
    bound: one && warmBound(one),
  });
  const all = one?.warm && median(one.warm.allMs);
  list.push({
    target: 'warm rebuild after a one-paragraph edit: all artifacts <= 1.5 s',
    measured: all === undefined ? 'n/a' : seconds(all),
    pass: all === undefined ? undefined : all <= 1500,
    bound: one && warmBound(one),
  });

  const big = twenty && medianMs(twenty.cold);
  // A run that hit the timeout still says the 20x took longer than that.
  const atLeast = twenty?.cold.filter((sample) => sample.timedOut).map((sample) => sample.ms)[0];
  const failed = twenty?.cold.find((sample) => !sample.ok && !sample.timedOut);
  const growth = big !== undefined && cold ? big / cold : undefined;
  list.push({
    target: '20x source <= 12 x the time of the 1x (cold full build)',
    measured:
      growth !== undefined
        ? `${growth.toFixed(1)} x (${seconds(big)})`
        : atLeast !== undefined && cold
          ? `> ${(atLeast / cold).toFixed(1)} x (timed out after ${seconds(atLeast)})`
          : failed
            ? `the 20x build failed after ${seconds(failed.ms)} (${failed.note ?? 'no report'})`
            : `n/a${twenty?.skipped ? ` (${twenty.skipped})` : ''}`,
    // A 20x source that does not build at all misses the target as surely as a slow one.
    pass: growth !== undefined ? growth <= 12 : failed ? false : atLeast !== undefined && cold && atLeast / cold > 12 ? false : undefined,
    bound: twenty && coldBound(twenty),
  });

  const peaks = results.scales.flatMap((scale) => [peakMemory(scale.cold), scale.warm?.peak]).filter((value) => value !== undefined && value.rssBytes > 0);
  const peak = peaks.length ? Math.max(...peaks.map((value) => value!.rssBytes)) : undefined;
  const peakPrivate = peaks.length ? Math.max(...peaks.map((value) => value!.privateBytes)) : undefined;
  list.push({
    target: 'peak memory of Triptyque (sum of RSS of the process tree, any scale) < 1.5 GB',
    measured: peak === undefined ? 'n/a' : `${(peak / GB).toFixed(2)} GB (private memory only: ${(peakPrivate! / GB).toFixed(2)} GB)`,
    pass: peak === undefined ? undefined : peak < 1.5 * GB,
  });
  return list;
}

/** Targets run concurrently: the slowest one, plus startup, is what the cold build waits for. */
function coldBound(scale: ScaleResult): string | undefined {
  return slowest(scale.coldTargetMs, median(scale.coldStartupMs));
}

function warmBound(scale: ScaleResult): string | undefined {
  return scale.warm ? slowest(scale.warm.targetMs) : undefined;
}

function slowest(targetMs: Record<string, number[]>, startupMs?: number): string | undefined {
  const medians = Object.entries(targetMs).map(([name, values]) => [name, median(values) ?? 0] as const);
  const top = medians.sort((a, b) => b[1] - a[1])[0];
  if (!top) return undefined;
  const startup = startupMs === undefined ? '' : `; process start, tsx, imports and exit outside report.durationMs: ${seconds(startupMs)}`;
  return `slowest target ${top[0]} ${seconds(top[1])} (${medians.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')})${startup}`;
}

export function seconds(ms: number | undefined): string {
  return ms === undefined ? 'n/a' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
