import type { TreeMemory } from './measure-process';
import { deckMsPerSlide, median, medianMs, medianRun, peakMemory, peersSummedMs, type BenchResults, type ColdRun, type Sample } from './bench-results';
import { seconds, verdicts } from './verdicts';

const MB = 1024 ** 2;

/** The bench's results as Markdown: the machine, times against the peers, growth, memory, where the time goes, verdicts. */
export function formatResults(results: BenchResults): string {
  const { machine } = results;
  const peers = peersSummedMs(results.peers);
  const warm = results.warm;
  const base = medianMs(results.artifactsBuild);
  const baseRun = results.artifactsBuild.find((run) => run.ok);

  const times = [
    '| 1x, the real content | median | / peers summed |',
    '|---|---:|---:|',
    `| Triptyque default build (\`triptyque build\`, gallery included) | ${timeCell(results.defaultBuild)} | ${ratio(medianMs(results.defaultBuild), peers)} |`,
    `| Triptyque artifacts only (\`--no-gallery\`) | ${timeCell(results.artifactsBuild)} | ${ratio(base, peers)} |`,
    `| Triptyque warm rebuild after an edit: HTML artifacts in place | ${listCell(warm?.htmlMs, warm?.note)} | |`,
    `| Triptyque warm rebuild after an edit: every artifact | ${listCell(warm?.allMs, warm?.note)} | |`,
    ...Object.entries(results.peers).map(([name, peer]) => `| peer: ${name} | ${peer.missing ? `n/a (no ${peer.missing})` : timeCell(peer.runs)} | |`),
    `| peers summed | ${seconds(peers)} | 1.00 x |`,
  ];

  const targetNames = [...new Set([...results.artifactsBuild.flatMap((run) => Object.keys(run.targetMs)), ...Object.keys(warm?.targetMs ?? {})])];
  const breakdown = [
    '| target | cold (artifacts only) | warm rebuild |',
    '|---|---:|---:|',
    ...targetNames.map((name) => `| ${name} | ${listCell(results.artifactsBuild.filter((run) => run.ok).flatMap((run) => (run.targetMs[name] === undefined ? [] : [run.targetMs[name]!])))} | ${listCell(warm?.targetMs[name])} |`),
    `| outside the targets: process, imports, browser start and close | ${listCell(results.artifactsBuild.filter((run) => run.ok).flatMap((run) => (run.outsideMs === undefined ? [] : [run.outsideMs])))} | |`,
    `| outside the targets, default build (gallery included) | ${listCell(results.defaultBuild.filter((run) => run.ok).flatMap((run) => (run.outsideMs === undefined ? [] : [run.outsideMs])))} | |`,
  ];

  const growthRow = (label: string, bytes: number, run: ColdRun | undefined, ms: number | undefined) =>
    `| ${label} | ${Math.round(bytes / 1024)} KB | ${run ? (run.ok ? seconds(ms) : `failed: ${run.note ?? ''}`) : 'not run'} | ${ratio(run?.ok ? ms : undefined, base)} | ${run?.slides ?? 'n/a'} | ${seconds(run?.targetMs['deck'])} | ${perSlide(run)} | ${run?.pages ?? 'n/a'} | ${seconds(run?.targetMs['brochure'])} | ${megabytes(run?.peak)} |`;
  const growth = [
    '| source | size | cold build (artifacts only) | / 1x | slides | deck | deck per slide | pages | brochure | peak memory |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    growthRow('1x (median run)', results.sourceBytes, baseRun, base),
    ...results.growth.map((entry) => growthRow(`${entry.factor}x`, entry.sourceBytes, entry.cold, entry.cold?.ms)),
    growthRow(`10 different sources in one build (median of ${results.tenSources.length})`, results.sourceBytes * 10, medianRun(results.tenSources), medianRun(results.tenSources)?.ms),
  ];

  const memory = [
    '| | peak (sum of RSS) | private |',
    '|---|---:|---:|',
    memoryRow('Triptyque default build, 1x', peakMemory(results.defaultBuild)),
    memoryRow('Triptyque artifacts only, 1x', peakMemory(results.artifactsBuild)),
    memoryRow('Triptyque warm worker (node + warm Chromium), 1x', warm?.peak),
    ...results.growth.map((entry) => memoryRow(`Triptyque cold, ${entry.factor}x`, entry.cold?.peak)),
    memoryRow('Triptyque, 10 sources in one build', peakMemory(results.tenSources)),
    ...Object.entries(results.peers).map(([name, peer]) => memoryRow(`peer: ${name}`, peakMemory(peer.runs))),
  ];

  const artifacts = Object.entries(results.artifacts)
    .map(([target, names]) => `${target}: ${names.join(', ') || '(none)'}`)
    .join('; ');
  const timeline = warm?.timeline.length ? warm.timeline.map((event) => `+${seconds(event.atMs)} ${event.target ?? ''}${event.target ? ': ' : ''}${event.message}`).join('; ') : '(no warm rebuild ran)';
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
    'Medians (n = runs that succeeded). Every Triptyque cold build is `node bin/triptyque.mjs build SOURCE... --out FRESH_DIR` in its own process, browser start included, into a folder no earlier build wrote. ' +
      'Warm: `build()` in-process with one BrowserService kept warm (what `build --watch` and `preview` do), after a one-paragraph edit; ' +
      '"HTML artifacts in place" is edit -> the last of deck.html, brochure.html, digest.html renamed into place (its mtime). ' +
      "Peers start from Triptyque's own deck.md and brochure.html: marp-cli once per format, pagedjs-cli for the brochure PDF, each a process as a user would run it, " +
      'with the same browser executable Triptyque finds (a headless shell when installed: the peers start faster with it too).',
    '',
    `Artifacts of the three targets: ${artifacts || 'none'}.`,
    '',
    '## Time against the peers',
    '',
    ...times,
    '',
    '## Where the time goes (report.json `targets.<name>.durationMs`; targets run concurrently)',
    '',
    ...breakdown,
    '',
    '## Growth',
    '',
    ...growth,
    '',
    '## Peak memory (sum of RSS of the process tree, sampled every 50 ms; private: without file-backed and shared pages, which RSS counts once per process)',
    '',
    ...memory,
    '',
    '## Inside the last warm rebuild (progress events, timed from the edit)',
    '',
    timeline,
    '',
    '## Targets of the speed issue',
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

function perSlide(run: ColdRun | undefined): string {
  const ms = deckMsPerSlide(run);
  return ms === undefined ? 'n/a' : `${Math.round(ms)} ms`;
}

function ratio(value: number | undefined, base: number | undefined): string {
  return value === undefined || !base ? 'n/a' : `${(value / base).toFixed(2)} x`;
}

function megabytes(memory: TreeMemory | undefined): string {
  return memory === undefined || memory.rssBytes === 0 ? 'n/a' : `${Math.round(memory.rssBytes / MB)} MB (private ${Math.round(memory.privateBytes / MB)} MB)`;
}

function memoryRow(label: string, memory: TreeMemory | undefined): string {
  return memory === undefined || memory.rssBytes === 0 ? `| ${label} | n/a | n/a |` : `| ${label} | ${Math.round(memory.rssBytes / MB)} MB | ${Math.round(memory.privateBytes / MB)} MB |`;
}
