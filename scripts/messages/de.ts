import type { Messages } from './en';

/** Every word the targets print themselves, in German. */
export const de: Messages = {
  bibliographyTitle: 'Literatur',
  crossReference: (kind, number, title) => (kind === 'sec' ? `Abschnitt „${title ?? ''}“` : `${{ fig: 'Abbildung', tbl: 'Tabelle', eq: 'Gleichung' }[kind]} ${kind === 'eq' ? `(${number})` : number}`),
  figureCaption: (number, caption) => (caption ? `Abbildung ${number}: ${caption}` : `Abbildung ${number}`),
  tableCaption: (number, caption) => (caption ? `Tabelle ${number}: ${caption}` : `Tabelle ${number}`),
  contentsTitle: 'Inhalt',
  alertLabel: { note: 'Hinweis', tip: 'Tipp', important: 'Wichtig', warning: 'Warnung', caution: 'Vorsicht' },
  calloutLabel: { note: 'Hinweis', tip: 'Tipp', info: 'Information', important: 'Wichtig', warning: 'Warnung', caution: 'Vorsicht', danger: 'Gefahr', details: 'Details', abstract: 'Zusammenfassung', todo: 'Zu erledigen', success: 'Erfolg', question: 'Frage', failure: 'Fehlschlag', bug: 'Fehler', example: 'Beispiel', quote: 'Zitat' },
  introduction: 'Einleitung',
  continued: (title) => `${title} (Fortsetzung)`,
  continuedLabel: '(Fortsetzung)',
  part: (number) => `Teil ${number}`,
  speakingTime: (duration) => `Redezeit: ${duration}`,
  talkSummary: (slides, total, slotMinutes, fitsSlot) =>
    `${slides} Folien, geschätzte Dauer ${total}${slotMinutes === undefined ? '' : ` für ein Zeitfenster von ${slotMinutes}\u00a0Min.${fitsSlot ? '' : ' (überzogen)'}`}`,
  speakerNotes: 'Sprechernotizen',
  handoutTitle: (title) => `${title} – Sprechernotizen`,
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
  slideThumbnail: (number) => `Folie ${number}`,
  pageThumbnail: (number) => `Seite ${number}`,
};
