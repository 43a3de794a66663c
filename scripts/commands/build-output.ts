import type { BuildReport } from '../artifacts/report';
import type { ProgressEvent } from '../core/build';
import { formatBytes } from '../gallery/format';
import type { CommandIo } from './command';

/**
 * Progress as it goes: on a terminal one status line rewritten in place, elsewhere (pipes, CI)
 * one plain line per event, so logs stay readable.
 */
export function progressPrinter(io: CommandIo): { onProgress: (event: ProgressEvent) => void; done: () => void } {
  const live = io.isTTY && !process.env['CI'];
  const started = performance.now();
  let shown = false;
  return {
    onProgress: (event) => {
      const line = `${event.slug}${event.target ? ` ${event.target}` : ''}: ${event.message}`;
      if (!live) return io.err(line);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`\r\x1b[K[${seconds} s] ${line.slice(0, (process.stderr.columns ?? 100) - 12)}`);
      shown = true;
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** One line per source, then one per target with its time and each artifact's size. */
export function summaryLines(report: BuildReport, outDir: string): string[] {
  const lines = [`${report.ok ? '✔' : '✖'} ${report.slug} in ${(report.durationMs / 1000).toFixed(1)} s -> ${outDir}`];
  for (const [name, target] of Object.entries(report.targets)) {
    const state = !target.ok ? `FAILED: ${target.error ?? 'see the diagnostics'}` : target.cached ? 'up to date' : `${(target.durationMs / 1000).toFixed(1)} s`;
    const files = target.artifacts.map((artifact) => `${artifact.name} ${formatBytes(artifact.bytes)}`).join(', ');
    lines.push(`  ${name.padEnd(9)}${state}${files ? `  ${files}` : ''}`);
  }
  return lines;
}
