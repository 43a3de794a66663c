import type { TargetName } from '../model/types';
import type { Target } from './target';

/** Targets are imported only when a build asks for them. */
export const TARGETS: Record<TargetName, () => Promise<Target>> = {
  deck: async () => (await import('./deck/render-deck')).deckTarget,
  brochure: async () => (await import('./brochure/render-brochure')).brochureTarget,
  digest: async () => (await import('./digest/render-digest')).digestTarget,
};
