import type { Target } from '../target';

/** Placeholder until the deck target lands: renders nothing. */
export const deckTarget: Target = {
  name: 'deck',
  render: async () => ({ artifacts: [], counts: {} }),
};
