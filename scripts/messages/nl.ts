import type { Messages } from './en';

/** Every word the targets print themselves, in Dutch. */
export const nl: Messages = {
  contentsTitle: 'Inhoud',
  alertLabel: { note: 'Opmerking', tip: 'Tip', important: 'Belangrijk', warning: 'Waarschuwing', caution: 'Voorzichtig' },
  introduction: 'Inleiding',
  continued: (title) => `${title} (vervolg)`,
  continuedLabel: '(vervolg)',
  part: (number) => `Deel ${number}`,
  speakingTime: (duration) => `Spreektijd: ${duration}`,
  talkSummary: (slides, total, slotMinutes, fitsSlot) =>
    `${slides} dia’s, geschatte duur ${total}${slotMinutes === undefined ? '' : ` voor een tijdvak van ${slotMinutes}\u00a0min${fitsSlot ? '' : ' (te lang)'}`}`,
  speakerNotes: 'Sprekersnotities',
  handoutTitle: (title) => `${title} — sprekersnotities`,
  untitledSlide: (number) => `Dia ${number}`,
  noNotes: 'Geen notities.',
  digestGreeting: (name) => (name ? `Beste ${name},` : 'Beste lezer,'),
  digestMoreSections: (count, formatted) => `… en nog ${formatted} ${count === 1 ? 'deel' : 'delen'} in de brochure`,
  digestClosingNote: 'Deze brief geeft alleen de kern: de volledige tekst staat in de brochure.',
  digestBrochureAvailable: (organisation) => `De volledige brochure is verkrijgbaar bij ${organisation}`,
  digestReadBrochure: 'Lees de volledige brochure',
  digestButtonLinkBrackets: [': ', ''],
  digestUnsubscribeLink: 'Afmelden',
  digestUnsubscribeAfterLink: ' met één klik.',
  digestUnsubscribeByReply: 'Wilt u deze niet meer ontvangen, antwoord dan op dit bericht.',
  digestSentBy: (organisation) => `U ontvangt dit overzicht van ${organisation}.`,
};
