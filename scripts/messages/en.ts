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
  /** A slide of the author's with no heading, by its number (outline, handout). */
  untitledSlide: (number: number) => `Slide ${number}`,
  noNotes: 'No notes.',
  /** The digest's first line, with the recipient's name when the list gives one. */
  digestGreeting: (name?: string) => (name ? `Dear ${name},` : 'Dear reader,'),
  /** The line ending a digest whose budget left sections out: `count` as a number, `formatted` as the language writes it. */
  digestMoreSections: (count: number, formatted: string) => `… and ${formatted} more section${count === 1 ? '' : 's'} in the brochure`,
  digestClosingNote: 'This letter gives only the essentials: the full text is in the brochure.',
  digestBrochureAvailable: (organisation: string) => `The full brochure is available from ${organisation}`,
  digestReadBrochure: 'Read the full brochure',
  /** What surrounds the address written after the button's label in the text part. */
  digestButtonLinkBrackets: ['<', '>'] as [string, string],
  digestUnsubscribeLink: 'Unsubscribe',
  digestUnsubscribeAfterLink: ' in one click.',
  digestUnsubscribeByReply: 'To stop receiving it, reply to this message and ask.',
  digestSentBy: (organisation: string) => `You receive this digest from ${organisation}.`,
};

export type Messages = typeof en;
