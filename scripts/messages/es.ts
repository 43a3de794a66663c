import type { Messages } from './en';

/** Every word the targets print themselves, in Spanish. */
export const es: Messages = {
  contentsTitle: 'Índice',
  alertLabel: { note: 'Nota', tip: 'Consejo', important: 'Importante', warning: 'Advertencia', caution: 'Precaución' },
  introduction: 'Introducción',
  continued: (title) => `${title} (continuación)`,
  continuedLabel: '(continuación)',
  part: (number) => `Parte ${number}`,
  speakingTime: (duration) => `Tiempo de palabra: ${duration}`,
  talkSummary: (slides, total, slotMinutes, fitsSlot) =>
    `${slides} diapositivas, duración estimada ${total}${slotMinutes === undefined ? '' : ` para un turno de ${slotMinutes}\u00a0min${fitsSlot ? '' : ' (excedido)'}`}`,
  speakerNotes: 'Notas del orador',
  handoutTitle: (title) => `${title} — notas del orador`,
  untitledSlide: (number) => `Diapositiva ${number}`,
  noNotes: 'Sin notas.',
  digestGreeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  digestMoreSections: (count, formatted) => `… y ${formatted} ${count === 1 ? 'sección más' : 'secciones más'} en el folleto`,
  digestClosingNote: 'Esta carta solo recoge lo esencial: el texto completo está en el folleto.',
  digestBrochureAvailable: (organisation) => `El folleto completo está disponible en ${organisation}`,
  digestReadBrochure: 'Leer el folleto completo',
  digestButtonLinkBrackets: [': ', ''],
  digestUnsubscribeLink: 'Darse de baja',
  digestUnsubscribeAfterLink: ' con un clic.',
  digestUnsubscribeByReply: 'Para dejar de recibirla, responda a este mensaje pidiéndolo.',
  digestSentBy: (organisation) => `Recibe este resumen de parte de ${organisation}.`,
};
