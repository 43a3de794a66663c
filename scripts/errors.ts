/** Operational failures (not content problems, which are vfile messages). Only the CLI prints them. */
export const ERROR_CODES = {
  BROWSER_NOT_FOUND: 'no browser to render with',
  BROWSER_FAILED: 'the browser crashed or timed out',
  RENDER_FAILED: 'a target could not be rendered',
  SEND_FAILED: 'the digest could not be sent',
  USAGE: 'bad command-line usage',
  IO: 'a file could not be read or written',
  LOCKED: 'another build is writing the same output',
  BUSY: 'another run is doing the same work right now',
  THEME_INVALID: 'a theme could not be read',
  INIT_EXISTS: 'the folder already has a project',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class TriptyqueError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TriptyqueError';
  }
}

export function isTriptyqueError(error: unknown): error is TriptyqueError {
  return error instanceof TriptyqueError;
}
