/**
 * What a target is told of the other targets' HTML. In watch and preview a person is looking at the
 * HTML artifacts: no target starts printing (or other heavy browser work) until every target of the
 * source has its HTML in place or has stopped, for the prints would take the cores the HTML needs.
 * Otherwise a target prints as soon as it is ready.
 */
export interface PrintTurn {
  /** This target's HTML artifact is in place (or it will write none). Said again, it changes nothing. */
  htmlWritten(): void;
  /** Resolves when this target may print. */
  printsMayStart(): Promise<void>;
}

/** The turn of a target that need not wait for any other. */
export const PRINT_AT_ONCE: PrintTurn = { htmlWritten: () => undefined, printsMayStart: () => Promise.resolve() };

/** One turn per target; `htmlFirst` false: every turn may print at once. */
export function printTurns<Name extends string>(names: readonly Name[], htmlFirst: boolean): Map<Name, PrintTurn> {
  if (!htmlFirst) return new Map(names.map((name) => [name, PRINT_AT_ONCE]));
  let release!: () => void;
  const allWritten = new Promise<void>((resolve) => (release = resolve));
  const waiting = new Set(names);
  if (waiting.size === 0) release();
  return new Map(
    names.map((name) => [
      name,
      {
        htmlWritten: () => {
          if (waiting.delete(name) && waiting.size === 0) release();
        },
        printsMayStart: () => allWritten,
      },
    ]),
  );
}
