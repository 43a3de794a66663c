import type { Messages } from './en';

/** Every word the targets print themselves, in German. */
export const de: Messages = {
  contentsTitle: 'Inhalt',
  alertLabel: { note: 'Hinweis', tip: 'Tipp', important: 'Wichtig', warning: 'Warnung', caution: 'Vorsicht' },
  introduction: 'Einleitung',
  continued: (title) => `${title} (Fortsetzung)`,
  continuedLabel: '(Fortsetzung)',
  part: (number) => `Teil ${number}`,
  speakingTime: (duration) => `Redezeit: ${duration}`,
  talkSummary: (slides, total, slotMinutes, fitsSlot) =>
    `${slides} Folien, geschätzte Dauer ${total}${slotMinutes === undefined ? '' : ` für ein Zeitfenster von ${slotMinutes}\u00a0Min.${fitsSlot ? '' : ' (überzogen)'}`}`,
  speakerNotes: 'Sprechernotizen',
  handoutTitle: (title) => `${title} – Sprechernotizen`,
  untitledSlide: (number) => `Folie ${number}`,
  noNotes: 'Keine Notizen.',
  digestGreeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  digestMoreSections: (count, formatted) => `… und ${formatted} weitere${count === 1 ? 'r Abschnitt' : ' Abschnitte'} in der Broschüre`,
  digestClosingNote: 'Dieser Brief gibt nur das Wesentliche wieder: Der vollständige Text steht in der Broschüre.',
  digestBrochureAvailable: (organisation) => `Die vollständige Broschüre ist bei ${organisation} erhältlich`,
  digestReadBrochure: 'Die vollständige Broschüre lesen',
  digestButtonLinkBrackets: [': ', ''],
  digestUnsubscribeLink: 'Abmelden',
  digestUnsubscribeAfterLink: ' mit einem Klick.',
  digestUnsubscribeByReply: 'Um ihn nicht mehr zu erhalten, antworten Sie auf diese Nachricht.',
  digestSentBy: (organisation) => `Sie erhalten diesen Überblick von ${organisation}.`,
};
