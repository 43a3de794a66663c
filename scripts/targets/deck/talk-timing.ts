import { messages } from '../../messages/messages';
import { formatDuration } from './timing';

export interface TalkTiming {
  totalSeconds: number;
  /** "≈ 32 min 10 s". */
  total: string;
  slotMinutes?: number;
  /** Whether the estimated talk fits the slot, when a slot is set. */
  fitsSlot?: boolean;
  summary: string;
}

/** The talk's estimated length, compared with the slot when the settings give one. */
export function talkTiming(seconds: readonly number[], slotMinutes: number | undefined, lang: string): TalkTiming {
  const totalSeconds = seconds.reduce((sum, value) => sum + value, 0);
  const total = formatDuration(totalSeconds);
  const fitsSlot = slotMinutes === undefined ? undefined : totalSeconds <= slotMinutes * 60;
  return { totalSeconds, total, slotMinutes, fitsSlot, summary: messages(lang).talkSummary(seconds.length, total, slotMinutes, fitsSlot) };
}
