import type { TargetName } from '../model/types';
import type { Target } from './target';

/** Targets are imported only when a build asks for them. */
export const TARGETS: Record<TargetName, () => Promise<Target>> = {
  deck: async () => (await import('./deck/render-deck')).deckTarget,
  brochure: async () => (await import('./brochure/render-brochure')).brochureTarget,
  digest: async () => (await import('./digest/render-digest')).digestTarget,
};

/** The targets that lay out and print in the browser. */
export const BROWSER_TARGETS: ReadonlySet<TargetName> = new Set(['deck', 'brochure']);
