import { TriptyqueError } from '../errors';
import { TARGET_NAMES, type TargetName } from '../model/types';

export function parseTargets(value: string | undefined): TargetName[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !TARGET_NAMES.includes(name as TargetName));
  if (unknown.length > 0 || names.length === 0) {
    throw new TriptyqueError('USAGE', `--only takes a comma-separated list of ${TARGET_NAMES.join(', ')}; got "${value}"`);
  }
  return names as TargetName[];
}
