import { readReport } from '../../artifacts/report';

/**
 * The page of every contents entry in the brochure an earlier build left behind, as its report
 * says: a guess for the contents' numbers that spares the second print when an edit moved no
 * heading. Only a guess (pagination checks it), so a missing or unreadable report just means no guess.
 */
export async function earlierPageNumbers(outDir: string): Promise<Map<string, number> | undefined> {
  const contents = (await readReport(outDir))?.targets.brochure?.details?.['contents'];
  if (!Array.isArray(contents)) return undefined;
  const numbers = new Map<string, number>();
  for (const entry of contents as unknown[]) {
    const { id, page } = (entry ?? {}) as { id?: unknown; page?: unknown };
    if (typeof id === 'string' && typeof page === 'number') numbers.set(id, page);
  }
  return numbers;
}
