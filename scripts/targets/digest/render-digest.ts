import type { Target } from '../target';

/** Placeholder until the digest target lands: renders nothing. */
export const digestTarget: Target = {
  name: 'digest',
  render: async () => ({ artifacts: [], counts: {} }),
};
