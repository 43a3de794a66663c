import { TriptyqueError } from '../errors';
import { READ_AS, type ReadAs } from '../config/schema';

/** `--as deck`: what every source of the run is read as. */
export function parseReadAs(value: string | undefined): ReadAs | undefined {
  if (value === undefined) return undefined;
  if (!(READ_AS as readonly string[]).includes(value)) throw new TriptyqueError('USAGE', `--as takes ${READ_AS.join(', ')}; got "${value}"`);
  return value as ReadAs;
}
