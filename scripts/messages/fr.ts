import { NO_BREAK_SPACE } from '../typography/characters';
import type { Messages } from './en';

/** Every word the targets print themselves, in French, typeset (no-break spaces before `: ; ! ?`). */
export const fr: Messages = {
  contentsTitle: 'Sommaire',
  alertLabel: { note: 'Remarque', tip: 'Conseil', important: 'Important', warning: 'Attention', caution: 'Prudence' },
  introduction: 'Introduction',
  continued: (title) => `${title} (suite)`,
  continuedLabel: '(suite)',
  part: (number) => `Partie ${number}`,
  speakingTime: (duration) => `Temps de parole${NO_BREAK_SPACE}: ${duration}`,
  talkSummary: (slides, total, slotMinutes, fitsSlot) =>
    `${slides} diapositives, durée estimée ${total}${slotMinutes === undefined ? '' : ` pour un créneau de ${slotMinutes}${NO_BREAK_SPACE}min${fitsSlot ? '' : ' (dépassement)'}`}`,
  speakerNotes: 'Notes de l’orateur',
  handoutTitle: (title) => `${title} — notes de l’orateur`,
  untitledSlide: (number) => `Diapositive ${number}`,
  noNotes: 'Pas de notes.',
  digestGreeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  digestMoreSections: (count, formatted) => `… et ${formatted} ${count === 1 ? 'autre section' : 'autres sections'}, à lire dans la brochure`,
  digestClosingNote: `Cette lettre ne donne que l’essentiel${NO_BREAK_SPACE}: le texte intégral se trouve dans la brochure.`,
  digestBrochureAvailable: (organisation) => `La brochure complète est disponible auprès de ${organisation}`,
  digestReadBrochure: 'Lire la brochure complète',
  digestButtonLinkBrackets: [': ', ''],
  digestUnsubscribeLink: 'Se désinscrire',
  digestUnsubscribeAfterLink: ' en un clic.',
  digestUnsubscribeByReply: 'Pour ne plus la recevoir, répondez à ce message en le demandant.',
  digestSentBy: (organisation) => `Vous recevez cette synthèse de la part de ${organisation}.`,
};
