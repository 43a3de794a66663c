import type { Messages } from './en';

/** Every word the targets print themselves, in Italian. */
export const it: Messages = {
  contentsTitle: 'Indice',
  alertLabel: { note: 'Nota', tip: 'Suggerimento', important: 'Importante', warning: 'Avviso', caution: 'Attenzione' },
  introduction: 'Introduzione',
  continued: (title) => `${title} (continua)`,
  continuedLabel: '(continua)',
  part: (number) => `Parte ${number}`,
  speakingTime: (duration) => `Tempo di parola: ${duration}`,
  talkSummary: (slides, total, slotMinutes, fitsSlot) =>
    `${slides} diapositive, durata stimata ${total}${slotMinutes === undefined ? '' : ` per uno spazio di ${slotMinutes}\u00a0min${fitsSlot ? '' : ' (fuori tempo)'}`}`,
  speakerNotes: 'Note del relatore',
  handoutTitle: (title) => `${title} — note del relatore`,
  untitledSlide: (number) => `Diapositiva ${number}`,
  noNotes: 'Nessuna nota.',
  digestGreeting: (name) => (name ? `Buongiorno ${name},` : 'Buongiorno,'),
  digestMoreSections: (count, formatted) => `… e ${formatted} ${count === 1 ? 'altra sezione' : 'altre sezioni'} nell’opuscolo`,
  digestClosingNote: 'Questa lettera riporta solo l’essenziale: il testo completo è nell’opuscolo.',
  digestBrochureAvailable: (organisation) => `L’opuscolo completo è disponibile presso ${organisation}`,
  digestReadBrochure: 'Leggi l’opuscolo completo',
  digestButtonLinkBrackets: [': ', ''],
  digestUnsubscribeLink: 'Annulla l’iscrizione',
  digestUnsubscribeAfterLink: ' con un clic.',
  digestUnsubscribeByReply: 'Per non riceverla più, rispondi a questo messaggio chiedendolo.',
  digestSentBy: (organisation) => `Ricevi questa sintesi da ${organisation}.`,
};
