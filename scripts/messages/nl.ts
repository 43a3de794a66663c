import type { Messages } from './en';

/** Every word the targets print themselves, in Dutch. */
export const nl: Messages = {
  bibliographyTitle: 'Literatuur',
  crossReference: (kind, number, title) => (kind === 'sec' ? `paragraaf ‘${title ?? ''}’` : `${{ fig: 'figuur', tbl: 'tabel', eq: 'vergelijking' }[kind]} ${kind === 'eq' ? `(${number})` : number}`),
  figureCaption: (number, caption) => (caption ? `Figuur ${number}: ${caption}` : `Figuur ${number}`),
  tableCaption: (number, caption) => (caption ? `Tabel ${number}: ${caption}` : `Tabel ${number}`),
  contentsTitle: 'Inhoud',
  alertLabel: { note: 'Opmerking', tip: 'Tip', important: 'Belangrijk', warning: 'Waarschuwing', caution: 'Voorzichtig' },
  calloutLabel: { note: 'Opmerking', tip: 'Tip', info: 'Informatie', important: 'Belangrijk', warning: 'Waarschuwing', caution: 'Voorzichtig', danger: 'Gevaar', details: 'Details', abstract: 'Samenvatting', todo: 'Te doen', success: 'Gelukt', question: 'Vraag', failure: 'Mislukt', bug: 'Fout', example: 'Voorbeeld', quote: 'Citaat' },
  introduction: 'Inleiding',
  continued: (title) => `${title} (vervolg)`,
  continuedLabel: '(vervolg)',
  part: (number) => `Deel ${number}`,
  speakingTime: (duration) => `Spreektijd: ${duration}`,
  talkSummary: (slides, total, slotMinutes, fitsSlot) =>
    `${slides} dia’s, geschatte duur ${total}${slotMinutes === undefined ? '' : ` voor een tijdvak van ${slotMinutes}\u00a0min${fitsSlot ? '' : ' (te lang)'}`}`,
  speakerNotes: 'Sprekersnotities',
  handoutTitle: (title) => `${title} — sprekersnotities`,
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
  slideThumbnail: (number) => `Dia ${number}`,
  pageThumbnail: (number) => `Pagina ${number}`,
};
