/**
 * Every word the targets print themselves, in English. This is the complete key list: another
 * language's table is typed against it, so a third language is one file (see `./messages`).
 */
export const en = {
  bibliographyTitle: 'References',
  /** A cross-reference (`@fig:x`...) as a sentence says it: "figure 2", "section "Methods"". */
  crossReference: (kind: 'fig' | 'tbl' | 'eq' | 'sec', number: number | string | undefined, title?: string) =>
    kind === 'sec' ? `section “${title ?? ''}”` : `${{ fig: 'figure', tbl: 'table', eq: 'equation' }[kind]} ${kind === 'eq' ? `(${number})` : number}`,
  /** The caption under a numbered figure, and of a numbered table. */
  figureCaption: (number: number, caption: string) => (caption ? `Figure ${number}: ${caption}` : `Figure ${number}`),
  tableCaption: (number: number, caption: string) => (caption ? `Table ${number}: ${caption}` : `Table ${number}`),
  contentsTitle: 'Contents',
  /** GitHub's alerts (`> [!NOTE]`): the label their quote opens with. */
  alertLabel: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
  /** Callouts and admonitions (`::: tip`, `> [!note]`): what their box says when the author gave no title. */
  calloutLabel: {
    note: 'Note',
    tip: 'Tip',
    info: 'Information',
    important: 'Important',
    warning: 'Warning',
    caution: 'Caution',
    danger: 'Danger',
    details: 'Details',
    abstract: 'Summary',
    todo: 'To do',
    success: 'Success',
    question: 'Question',
    failure: 'Failure',
    bug: 'Bug',
    example: 'Example',
    quote: 'Quote',
  },
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
  digestBrochureAvailable: (organisation: string | undefined) => (organisation ? `The full brochure is available from ${organisation}` : 'The full brochure is available on request'),
  digestReadBrochure: 'Read the full brochure',
  /** What surrounds the address written after the button's label in the text part. */
  digestButtonLinkBrackets: ['<', '>'] as [string, string],
  digestUnsubscribeLink: 'Unsubscribe',
  digestUnsubscribeAfterLink: ' in one click.',
  digestUnsubscribeByReply: 'To stop receiving it, reply to this message and ask.',
  digestSentBy: (organisation: string | undefined) => (organisation ? `You receive this digest from ${organisation}.` : 'You receive this digest because you subscribed to it.'),
  /** The gallery's and the preview's thumbnails, described in the document's language. */
  slideThumbnail: (number: number) => `Slide ${number}`,
  pageThumbnail: (number: number) => `Page ${number}`,
};

export type Messages = typeof en;
