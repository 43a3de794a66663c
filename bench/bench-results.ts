import type { TreeMemory } from './measure-process';
import type { TimelineEvent } from './warm-rebuild';

/** What one `npm run bench` measured, scale by scale; the table and the verdicts are read from it. */

export interface Sample {
  ms: number;
  peak: TreeMemory;
  ok: boolean;
  timedOut: boolean;
  /** Why a run did not produce a usable time (timeout, exit code). */
  note?: string;
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

export interface ScaleResult {
  factor: number;
  sourceBytes: number;
  cold: Sample[];
  /** Time per target inside the cold builds, from each run's report.json. */
  coldTargetMs: Record<string, number[]>;
  /** Wall time of the cold process minus report.durationMs: Node, tsx, imports, config. */
  coldStartupMs: number[];
  /** Artifacts of the last cold build, by target, to show what "full" meant. */
  artifacts: Record<string, string[]>;
  warm?: WarmSamples;
  /** Peer job name -> runs; `missing` names the Triptyque artifact the job needed and did not find. */
  peers: Record<string, { runs: Sample[]; missing?: string }>;
  skipped?: string;
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
  scales: ScaleResult[];
  elapsedMs: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median of the runs that succeeded; a failed or timed-out run has no meaningful time. */
export function medianMs(samples: readonly Sample[]): number | undefined {
  return median(samples.filter((sample) => sample.ok).map((sample) => sample.ms));
}

export function peakMemory(samples: readonly Sample[]): TreeMemory | undefined {
  if (samples.length === 0) return undefined;
  return {
    rssBytes: Math.max(...samples.map((sample) => sample.peak.rssBytes)),
    privateBytes: Math.max(...samples.map((sample) => sample.peak.privateBytes)),
  };
}

/** Sum of the peers' medians: the time a user spends getting the same artifacts from them. */
export function peersSummedMs(scale: ScaleResult): number | undefined {
  const medians = Object.values(scale.peers).map((peer) => medianMs(peer.runs));
  return medians.length > 0 && medians.every((value) => value !== undefined) ? medians.reduce((a, b) => a! + b!, 0) : undefined;
}
