import type { TreeMemory } from './measure-process';
import { median, medianMs, peakMemory, peersSummedMs, type BenchResults, type Sample, type ScaleResult } from './bench-results';
import { seconds, verdicts } from './verdicts';

const MB = 1024 ** 2;
const NOT_RUN = 'not run (budget)';

/** The bench's results as Markdown: the machine, the times, growth, memory, per-target breakdown, verdicts. */
export function formatResults(results: BenchResults): string {
  const { machine, scales } = results;
  const head = `| | ${scales.map((scale) => `${scale.factor}x (${Math.round(scale.sourceBytes / 1024)} KB)`).join(' | ')} |\n|---|${scales.map(() => '---:').join('|')}|`;
  const row = (label: string, cell: (scale: ScaleResult) => string) => `| ${label} | ${scales.map((scale) => (scale.skipped ? `skipped: ${scale.skipped}` : cell(scale))).join(' | ')} |`;
  const peerNames = [...new Set(scales.flatMap((scale) => Object.keys(scale.peers)))];
  const targetNames = [...new Set(scales.flatMap((scale) => [...Object.keys(scale.coldTargetMs), ...Object.keys(scale.warm?.targetMs ?? {})]))];

  const times = [
    head,
    row('Triptyque cold full build', (scale) => (scale.cold.length ? timeCell(scale.cold) : NOT_RUN)),
    row('Triptyque warm rebuild, HTML artifacts', (scale) => (scale.warm ? listCell(scale.warm.htmlMs, scale.warm.note) : NOT_RUN)),
    row('Triptyque warm rebuild, all artifacts', (scale) => (scale.warm ? listCell(scale.warm.allMs, scale.warm.note) : NOT_RUN)),
    ...peerNames.map((name) =>
      row(`peer: ${name}`, (scale) => {
        const peer = scale.peers[name];
        return peer?.missing ? `n/a (no ${peer.missing})` : peer?.runs.length ? timeCell(peer.runs) : NOT_RUN;
      }),
    ),
    row('peers summed', (scale) => seconds(peersSummedMs(scale))),
    row('**Triptyque cold / peers summed**', (scale) => ratio(medianMs(scale.cold), peersSummedMs(scale))),
  ];

  const memory = [
    head,
    row('Triptyque cold build (node + Chromium)', (scale) => megabytes(peakMemory(scale.cold))),
    row('Triptyque warm worker (node + warm Chromium)', (scale) => megabytes(scale.warm?.peak)),
    ...peerNames.map((name) => row(`peer: ${name}`, (scale) => megabytes(peakMemory(scale.peers[name]?.runs ?? [])))),
  ];

  const base = scales.find((scale) => scale.factor === 1);
  const growth = [
    head,
    row('Triptyque cold full build', (scale) => ratio(medianMs(scale.cold), base && medianMs(base.cold))),
    row('Triptyque warm, all artifacts', (scale) => ratio(median(scale.warm?.allMs ?? []), median(base?.warm?.allMs ?? []))),
    row('peers summed', (scale) => ratio(peersSummedMs(scale), base && peersSummedMs(base))),
  ];

  const breakdown = [
    head,
    ...targetNames.map((name) => row(`cold: ${name}`, (scale) => listCell(scale.coldTargetMs[name]))),
    row('cold: outside targets (node, tsx, imports, exit)', (scale) => listCell(scale.coldStartupMs)),
    ...targetNames.map((name) => row(`warm: ${name}`, (scale) => listCell(scale.warm?.targetMs[name]))),
  ];

  const artifacts = Object.entries(scales.find((scale) => Object.keys(scale.artifacts).length)?.artifacts ?? {})
    .map(([target, names]) => `${target}: ${names.join(', ') || '(none)'}`)
    .join('; ');

  const timelines = scales
    .filter((scale) => scale.warm?.timeline.length)
    .flatMap((scale) => [
      `${scale.factor}x: ${scale.warm!.timeline.map((event) => `+${seconds(event.atMs)} ${event.target ?? ''}${event.target ? ': ' : ''}${event.message}`).join('; ')}`,
      '',
    ]);

  const verdictLines = verdicts(results).flatMap((verdict) => [
    `- ${verdict.pass === undefined ? 'N/A ' : verdict.pass ? 'PASS' : 'MISS'} ${verdict.target}: ${verdict.measured}`,
    ...(verdict.pass === false && verdict.bound ? [`  - bounded by: ${verdict.bound}`] : []),
  ]);

  return [
    '# Triptyque benchmark (`npm run bench`)',
    '',
    `Machine: ${machine.cores} cores (${machine.cpu}), ${Math.round(machine.totalMemoryBytes / 1024 ** 3)} GB RAM, Node ${machine.node}, ${machine.chromium}, ${machine.date}. ` +
      `Load average before/after: ${machine.loadBefore.map((n) => n.toFixed(1)).join(' ')} / ${machine.loadAfter.map((n) => n.toFixed(1)).join(' ')}. Whole bench: ${seconds(results.elapsedMs)}.`,
    '',
    'Medians (n = runs that succeeded). Cold: `node bin/triptyque.mjs build SOURCE --out FRESH_DIR --force --no-gallery` (the gallery is not one of the artifacts of the three targets), a separate process, browser start included. ' +
      'Warm: `build()` in-process with one BrowserService kept warm (as the watch mode will), after a one-paragraph edit; ' +
      '"HTML artifacts" is edit -> the last of the HTML artifacts renamed into place (its mtime), during the same full rebuild. ' +
      'Peers start from Triptyque\'s own deck.md and brochure.html: marp-cli once per format, pagedjs-cli for the brochure PDF.',
    '',
    `Full build artifacts: ${artifacts || 'none'}.`,
    '',
    '## Time',
    '',
    ...times,
    '',
    '## Growth (relative to 1x)',
    '',
    ...growth,
    '',
    '## Peak memory (sum of RSS of the process tree, sampled every 50 ms; in brackets the same without file-backed and shared pages, which RSS counts once per process)',
    '',
    ...memory,
    '',
    '## Triptyque time per target (report.json `targets.<name>.durationMs`; targets run concurrently)',
    '',
    ...breakdown,
    '',
    '## Inside the last warm rebuild (progress events, timed from the edit)',
    '',
    ...(timelines.length ? timelines : ['(no warm rebuild ran)', '']),
    '## Targets (issue #6)',
    '',
    ...verdictLines,
    '',
  ].join('\n');
}

function timeCell(samples: readonly Sample[]): string {
  const ok = samples.filter((sample) => sample.ok);
  const failed = samples.filter((sample) => !sample.ok);
  const notes = [...new Set(failed.map((sample) => sample.note ?? 'failed'))];
  const time = ok.length ? `${seconds(medianMs(samples))} (n=${ok.length})` : 'n/a';
  return notes.length ? `${time}; ${failed.length} failed: ${notes.join(', ')}` : time;
}

function listCell(values: readonly number[] | undefined, note?: string): string {
  const value = median(values ?? []);
  const time = value === undefined ? 'n/a' : `${seconds(value)} (n=${values!.length})`;
  return note ? `${time}; ${note}` : time;
}

function ratio(value: number | undefined, base: number | undefined): string {
  return value === undefined || !base ? 'n/a' : `${(value / base).toFixed(2)} x`;
}

function megabytes(memory: TreeMemory | undefined): string {
  return memory === undefined || memory.rssBytes === 0 ? 'n/a' : `${Math.round(memory.rssBytes / MB)} MB (private ${Math.round(memory.privateBytes / MB)} MB)`;
}
