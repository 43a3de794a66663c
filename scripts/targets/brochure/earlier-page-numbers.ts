import type { TargetReport } from '../../artifacts/report';

/**
 * The page of every contents entry in the brochure an earlier build left behind, as its report
 * says: a guess for the contents' numbers that spares the second print when an edit moved no
 * heading. Only a guess (pagination checks it), so no report, or one without them, means no guess.
 */
export function earlierPageNumbers(earlier: TargetReport | undefined): Map<string, number> | undefined {
  const contents = earlier?.details?.['contents'];
  if (!Array.isArray(contents)) return undefined;
  const numbers = new Map<string, number>();
  for (const entry of contents as unknown[]) {
    const { id, page } = (entry ?? {}) as { id?: unknown; page?: unknown };
    if (typeof id === 'string' && typeof page === 'number') numbers.set(id, page);
  }
  return numbers;
}
