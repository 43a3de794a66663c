import { Unzip, UnzipInflate } from 'fflate';
import { TriptyqueError } from '../errors';
import { operations } from '../messages/operations';

/** What an office document (a zip) may hold before it is taken for a zip bomb; real documents stay far below. */
export const ARCHIVE_LIMITS = {
  entries: 10_000,
  /** Inflated bytes of all entries together. */
  totalBytes: 500 * 1024 * 1024,
  /** Inflated over compressed size of one entry, once it is past `ratioFloorBytes` (small XML compresses well). */
  ratio: 200,
  ratioFloorBytes: 10 * 1024 * 1024,
};

/**
 * Inflates every entry of the archive as a stream, counting, and stops at the first limit
 * passed: the sizes an entry declares can lie, the bytes it inflates to cannot. Only then is the
 * archive handed to a library that inflates it whole (mammoth, JSZip).
 */
export function checkArchive(bytes: Uint8Array, path: string, limits = ARCHIVE_LIMITS): void {
  // fflate hands an error thrown in a callback back to the callback: the first refusal is the one said.
  let refused: TriptyqueError | undefined;
  const refuse = (entry: string, why: Parameters<typeof operations.archiveRefused>[2]) => (refused = new TriptyqueError('IO', operations.archiveRefused(path, entry, why)));
  let entries = 0;
  let total = 0;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > limits.entries) throw refuse(file.name, { entries: limits.entries });
    let inflated = 0;
    file.ondata = (error, chunk) => {
      if (error) throw refused ?? new TriptyqueError('IO', operations.archiveUnreadable(path, file.name, error.message));
      inflated += chunk.length;
      total += chunk.length;
      if (total > limits.totalBytes) throw refuse(file.name, { totalBytes: limits.totalBytes });
      if (inflated > limits.ratioFloorBytes && inflated > limits.ratio * Math.max(1, file.size ?? 0)) throw refuse(file.name, { ratio: limits.ratio });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Pushed in slices so a bomb is stopped a slice after its limit, not once inflated whole.
  const slice = 64 * 1024;
  for (let offset = 0; offset < bytes.length; offset += slice) unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
}
