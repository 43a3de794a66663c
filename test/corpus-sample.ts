/**
 * Which documents of a corpus a run builds. `npm run corpus` (CORPUS=all) builds every one; it
 * takes about 15 minutes on two cores, more than CI's budget beside the suite, so CI builds a
 * seventh of each corpus, another each day of the week (UTC): a week of runs covers every
 * document. The pinned documents (varied ones, and those with a known defect, whose failing
 * test fails the suite once the defect is fixed) run every time. The sample is printed first.
 */
export function corpusSample(corpus: string, every: readonly string[], pinned: readonly string[] = []): string[] {
  if (process.env['CORPUS'] === 'all') {
    console.info(`${corpus}: all ${every.length} documents`);
    return [...every];
  }
  const day = Number(process.env['CORPUS_DAY'] ?? new Date().getUTCDay()) % 7;
  const sample = every.filter((name, index) => index % 7 === day || pinned.includes(name));
  console.info(`${corpus}: ${sample.length} of ${every.length} documents, day ${day} of the week's rotation (CORPUS=all for every one): ${sample.join(', ')}`);
  return sample;
}
