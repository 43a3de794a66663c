import { EventEmitter } from 'node:events';

/** A run of the API: awaited for its result, listened to for its progress (`run.on('progress', ...)`). */
export type Run<Result, Events extends Record<string, unknown>> = Promise<Result> & {
  on<Name extends keyof Events & string>(name: Name, listener: (event: Events[Name]) => void): Run<Result, Events>;
};

/**
 * Starts `work` on the next turn, so listeners attached right after the call hear every event,
 * and hands it a function that emits to them.
 */
export function startRun<Result, Events extends Record<string, unknown>>(work: (emit: <Name extends keyof Events & string>(name: Name, event: Events[Name]) => void) => Promise<Result>): Run<Result, Events> {
  const emitter = new EventEmitter();
  const emit = <Name extends keyof Events & string>(name: Name, event: Events[Name]) => void emitter.emit(name, event);
  const promise = new Promise<void>((started) => setImmediate(started)).then(() => work(emit)) as Run<Result, Events>;
  promise.on = (name, listener) => {
    emitter.on(name, listener as (event: unknown) => void);
    return promise;
  };
  return promise;
}
