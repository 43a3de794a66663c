import { describe, expect, it } from 'vitest';
import { printTurns } from './print-turns';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('print turns', () => {
  it('let a target print at once when the HTML need not come first', async () => {
    const turns = printTurns(['deck', 'brochure'], false);
    expect(await settled(turns.get('deck')!.printsMayStart())).toBe(true);
  });

  it('hold every print until each target has its HTML in place', async () => {
    const turns = printTurns(['deck', 'brochure', 'digest'], true);
    turns.get('deck')!.htmlWritten();
    turns.get('deck')!.htmlWritten();
    turns.get('digest')!.htmlWritten();
    expect(await settled(turns.get('deck')!.printsMayStart())).toBe(false);
    turns.get('brochure')!.htmlWritten();
    expect(await settled(turns.get('deck')!.printsMayStart())).toBe(true);
    expect(await settled(turns.get('brochure')!.printsMayStart())).toBe(true);
  });
});
