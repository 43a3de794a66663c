/**
 * Every word the targets print themselves, in English. This is the complete key list: another
 * language's table is typed against it, so a third language is one file (see `./messages`).
 */
export const en = {
  contentsTitle: 'Contents',
  /** GitHub's alerts (`> [!NOTE]`): the label their quote opens with. */
  alertLabel: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
  introduction: 'Introduction',
  /** A slide continuing the previous one's section. */
  continued: (title: string) => `${title} (continued)`,
  /** The same mark after a list item repeated above the rest of its nested list. */
  continuedLabel: '(continued)',
  part: (number: number) => `Part ${number}`,
  speakingTime: (duration: string) => `Speaking time: ${duration}`,
  /** The handout's line under its title: slides, estimated length, and the slot when one is set. */
  talkSummary: (slides: number, total: string, slotMinutes?: number, fitsSlot?: boolean) =>
    `${slides} slides, estimated length ${total}${slotMinutes === undefined ? '' : ` for a ${slotMinutes}\u00a0min slot${fitsSlot ? '' : ' (over time)'}`}`,
  /** The speaker's handout: its running head, the PDF's title after the deck's, a slide without notes. */
  speakerNotes: 'Speaker notes',
  handoutTitle: (title: string) => `${title} — speaker notes`,
  noNotes: 'No notes.',
  /** The digest's first line, with the recipient's name when the list gives one. */
  digestGreeting: (name?: string) => (name ? `Dear ${name},` : 'Dear reader,'),
  digestClosingNote: 'This letter gives only the essentials: the full text is in the brochure.',
  digestBrochureAvailable: (organisation: string) => `The full brochure is available from ${organisation}`,
  digestReadBrochure: 'Read the full brochure',
  digestUnsubscribeLink: 'Unsubscribe',
  digestUnsubscribeAfterLink: ' in one click.',
  digestUnsubscribeByReply: 'To stop receiving it, reply to this message and ask.',
  digestSentBy: (organisation: string) => `You receive this digest from ${organisation}.`,
  /** Build report: how the digest was cut to its size budget, one line per section. */
  digestBudgetCut: (section: string, leadFrom: number, leadTo: number, pointsDropped: number) =>
    `${section}: ${[leadTo < leadFrom ? `lead shortened from ${leadFrom} to ${leadTo} characters` : '', pointsDropped > 0 ? `${pointsDropped} key point${pointsDropped > 1 ? 's' : ''} dropped` : ''].filter(Boolean).join(', ')}`,
  digestSize: (groups: number, encodedBytes: number, budgetKB: number, sectionsCut: number) =>
    `${groups} groups, HTML part ${kilobytes(encodedBytes)} KB encoded of ${budgetKB} KB${sectionsCut > 0 ? `, ${sectionsCut} section${sectionsCut > 1 ? 's' : ''} cut to fit` : ''}`,
  digestHeadingsOverBudget: (encodedBytes: number, budgetKB: number) =>
    `the digest's headings alone make an HTML part of ${kilobytes(encodedBytes)} KB encoded, ${kilobytes(encodedBytes - budgetKB * 1024)} KB over the ${budgetKB} KB budget (Gmail clips long messages, unsubscribe link first): raise digest.budgetKB (at most 102) or leave sections out of the digest`,
};

function kilobytes(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

export type Messages = typeof en;
