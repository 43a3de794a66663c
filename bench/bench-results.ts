import type { TreeMemory } from './measure-process';
import type { TimelineEvent } from './warm-rebuild';

/** What one `npm run bench` measured; the table and the verdicts are read from it. */

export interface Sample {
  ms: number;
  peak: TreeMemory;
  ok: boolean;
  timedOut: boolean;
  /** Why a run did not produce a usable time (timeout, exit code). */
  note?: string;
}

/** One cold Triptyque process and what its report.json says about it. */
export interface ColdRun extends Sample {
  /** report.json `targets.<name>.durationMs`, summed over the sources of the build. */
  targetMs: Record<string, number>;
  /** Wall time minus report.durationMs: Node, tsx, imports, config, browser close, exit. */
  outsideMs?: number;
  slides?: number;
  pages?: number;
}

export interface WarmSamples {
  /** Edit -> every HTML artifact rewritten; empty when the build wrote no HTML. */
  htmlMs: number[];
  /** Edit -> build() resolved with all artifacts. */
  allMs: number[];
  /** Time per target inside the warm builds (report.json `targets.<name>.durationMs`). */
  targetMs: Record<string, number[]>;
  htmlArtifacts: string[];
  /** Progress events of the last warm rebuild, timed from the edit. */
  timeline: TimelineEvent[];
  /** Peak of the whole worker (Node + its warm Chromium), warm-up build included. */
  peak: TreeMemory;
  ok: boolean;
  note?: string;
}

export interface PeerSamples {
  runs: Sample[];
  /** The Triptyque artifact the job needed and did not find. */
  missing?: string;
}

/** A source `factor` times the real content, built once cold (artifacts only). */
export interface GrowthResult {
  factor: number;
  sourceBytes: number;
  cold?: ColdRun;
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  chromium: string;
  date: string;
  loadBefore: number[];
  loadAfter: number[];
  totalMemoryBytes: number;
}

export interface BenchResults {
  machine: Machine;
  elapsedMs: number;
  sourceBytes: number;
  /** `triptyque build SOURCE --out FRESH`: exactly what `npm run build` does, gallery included. */
  defaultBuild: ColdRun[];
  /** The same with `--no-gallery`: the three targets' artifacts only. */
  artifactsBuild: ColdRun[];
  peers: Record<string, PeerSamples>;
  warm?: WarmSamples;
  growth: GrowthResult[];
  /** Ten different sources (a folder of past syntheses) in one `build`, artifacts only: one run per 1x run. */
  tenSources: ColdRun[];
  artifacts: Record<string, string[]>;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The run of median time among those that succeeded (the lower middle of an even count); a failed run when none did. */
export function medianRun(runs: readonly ColdRun[]): ColdRun | undefined {
  const succeeded = runs.filter((run) => run.ok).sort((a, b) => a.ms - b.ms);
  return succeeded.length > 0 ? succeeded[Math.floor((succeeded.length - 1) / 2)] : runs[0];
}

/** Median of the runs that succeeded; a failed or timed-out run has no meaningful time. */
export function medianMs(samples: readonly Sample[]): number | undefined {
  return median(samples.filter((sample) => sample.ok).map((sample) => sample.ms));
}

export function peakMemory(samples: readonly (Sample | undefined)[]): TreeMemory | undefined {
  const present = samples.filter((sample): sample is Sample => sample !== undefined && sample.peak.rssBytes > 0);
  if (present.length === 0) return undefined;
  return {
    rssBytes: Math.max(...present.map((sample) => sample.peak.rssBytes)),
    privateBytes: Math.max(...present.map((sample) => sample.peak.privateBytes)),
  };
}

/** Sum of the peers' medians: the time a user spends getting the same artifacts from them. */
export function peersSummedMs(peers: Record<string, PeerSamples>): number | undefined {
  const medians = Object.values(peers).map((peer) => medianMs(peer.runs));
  return medians.length > 0 && medians.every((value) => value !== undefined) ? medians.reduce((a, b) => a! + b!, 0) : undefined;
}

/** The deck's time per slide of a run, the measure of linear growth inside the deck. */
export function deckMsPerSlide(run: ColdRun | undefined): number | undefined {
  const deck = run?.targetMs['deck'];
  return deck !== undefined && run?.slides ? deck / run.slides : undefined;
}
