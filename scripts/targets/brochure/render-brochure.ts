import type { Target } from '../target';

/** Placeholder until the brochure target lands: renders nothing. */
export const brochureTarget: Target = {
  name: 'brochure',
  render: async () => ({ artifacts: [], counts: {} }),
};
