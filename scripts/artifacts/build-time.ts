/** The one clock of a build: SOURCE_DATE_EPOCH makes reports (and PDFs) reproducible. */
export function buildTime(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString();
}
