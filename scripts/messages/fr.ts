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
  noNotes: 'Pas de notes.',
  digestGreeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  digestClosingNote: `Cette lettre ne donne que l’essentiel${NO_BREAK_SPACE}: le texte intégral se trouve dans la brochure.`,
  digestBrochureAvailable: (organisation) => `La brochure complète est disponible auprès de ${organisation}`,
  digestReadBrochure: 'Lire la brochure complète',
  digestUnsubscribeLink: 'Se désinscrire',
  digestUnsubscribeAfterLink: ' en un clic.',
  digestUnsubscribeByReply: 'Pour ne plus la recevoir, répondez à ce message en le demandant.',
  digestSentBy: (organisation) => `Vous recevez cette synthèse de la part de ${organisation}.`,
  digestBudgetCut: (section, leadFrom, leadTo, pointsDropped) =>
    `${section}${NO_BREAK_SPACE}: ${[leadTo < leadFrom ? `chapeau raccourci de ${leadFrom} à ${leadTo} caractères` : '', pointsDropped > 0 ? `${pointsDropped} point${pointsDropped > 1 ? 's' : ''} clé${pointsDropped > 1 ? 's' : ''} retiré${pointsDropped > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ')}`,
  digestSize: (groups, encodedBytes, budgetKB, sectionsCut) =>
    `${groups} groupes, partie HTML de ${kilooctets(encodedBytes)}${NO_BREAK_SPACE}Ko encodée sur ${budgetKB}${NO_BREAK_SPACE}Ko${sectionsCut > 0 ? `, ${sectionsCut} section${sectionsCut > 1 ? 's' : ''} abrégée${sectionsCut > 1 ? 's' : ''} pour tenir` : ''}`,
  digestHeadingsOverBudget: (encodedBytes, budgetKB) =>
    `les seuls titres de la synthèse font une partie HTML de ${kilooctets(encodedBytes)}${NO_BREAK_SPACE}Ko encodée, ${kilooctets(encodedBytes - budgetKB * 1024)}${NO_BREAK_SPACE}Ko au-delà du budget de ${budgetKB}${NO_BREAK_SPACE}Ko (Gmail tronque les messages longs, lien de désinscription en premier)${NO_BREAK_SPACE}: augmentez digest.budgetKB (102 au plus) ou retirez des sections de la synthèse`,
};

function kilooctets(bytes: number): string {
  return (bytes / 1024).toLocaleString('fr', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
