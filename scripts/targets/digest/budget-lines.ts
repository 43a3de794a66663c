/**
 * What the digest says about its size budget to the person running the build (progress line,
 * report lines, the warning when sections are left out, the error when nothing fits): in the tool's language, English, like
 * every other progress line and diagnostic, whatever the document's language.
 */

/** Report line: how one section was cut to fit the budget. */
export function budgetCutLine(section: string, leadFrom: number, leadTo: number, pointsDropped: number): string {
  const what = [
    leadTo < leadFrom ? `lead shortened from ${leadFrom} to ${leadTo} characters` : '',
    pointsDropped > 0 ? `${pointsDropped} key point${pointsDropped > 1 ? 's' : ''} dropped` : '',
  ];
  return `${section}: ${what.filter(Boolean).join(', ')}`;
}

/** Progress line: the digest's size against its budget. */
export function digestSizeLine(groups: number, encodedBytes: number, budgetKB: number, sectionsCut: number): string {
  const cut = sectionsCut > 0 ? `, ${sectionsCut} section${sectionsCut > 1 ? 's' : ''} cut to fit` : '';
  return `${groups} groups, HTML part ${kilobytes(encodedBytes)} KB encoded of ${budgetKB} KB${cut}`;
}

/** Warning: the headings alone were over the budget, so only the first sections are in the message. */
export function sectionsLeftOutLine(kept: number, leftOut: number, budgetKB: number): string {
  return `the headings alone are over the ${budgetKB} KB budget: the digest lists the first ${count(kept)} of ${count(kept + leftOut)} sections and ends saying ${count(leftOut)} more are in the brochure (raise digest.budgetKB, at most 102, or leave sections out of the digest to choose them)`;
}

/** The error when even a digest without any section is over the budget. */
export function nothingFitsBudget(encodedBytes: number, budgetKB: number): string {
  return `the digest without any section (masthead, introduction, closing and footer) makes an HTML part of ${kilobytes(encodedBytes)} KB encoded, ${kilobytes(encodedBytes - budgetKB * 1024)} KB over the ${budgetKB} KB budget (Gmail clips long messages, unsubscribe link first): raise digest.budgetKB (at most 102) or shorten the introduction`;
}

function count(value: number): string {
  return value.toLocaleString('en');
}

function kilobytes(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
