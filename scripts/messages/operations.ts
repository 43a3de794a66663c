/**
 * The sentences the commands print about what they could not do safely (locks, sending, limits on
 * what is read): in English, the language of the command line, one place for a translator.
 */
/** What may stand where a file should be. */
export type SpecialFile = 'folder' | 'pipe' | 'socket' | 'device';
const SPECIAL_FILES: Record<SpecialFile, string> = { folder: 'a folder', pipe: 'a named pipe', socket: 'a socket', device: 'a device' };
const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1).replace(/\.0$/, '');

export const operations = {
  /** A file refused before it is opened: not there, not a regular file (it could block the build), or over its size cap. */
  fileRefused: (path: string, refusal: { reason: 'missing' } | { reason: 'not-regular'; kind: SpecialFile } | { reason: 'too-large'; bytes: number; maxBytes: number }) =>
    refusal.reason === 'missing'
      ? `${path}: no such file`
      : refusal.reason === 'not-regular'
        ? `${path} is ${SPECIAL_FILES[refusal.kind]}, not a regular file: only regular files are read`
        : `${path} is ${megabytes(refusal.bytes)} MB; the limit is ${megabytes(refusal.maxBytes)} MB`,
  imageRefused: (url: string, why: string) => `image ${url} is not used: ${why} (a placeholder with its alt text is shown instead)`,
  /** A lock file another process left: empty (a disk that filled up), unreadable, or naming a process that ended. */
  lockTakenOver: (path: string, why: 'empty' | 'unreadable' | 'dead', pid?: number) =>
    `${path}: ${why === 'dead' ? `left by process ${pid}, which no longer runs` : why === 'empty' ? 'an empty lock (left by a full disk or a crash)' : 'an unreadable lock'}; taken over`,
  buildWaiting: (pid: number, outDir: string) => `waiting for the build with pid ${pid}, which is writing ${outDir}`,
  buildStillLocked: (outDir: string, pid: number, seconds: number) =>
    `${outDir} is still being written by another build (pid ${pid}) after ${seconds} s of waiting: try again when it ends, or stop that process`,
  sendLocked: (pid: number, since: string, logPath: string) =>
    `this campaign is already being sent by process ${pid} (since ${since}, log ${logPath}): nothing was sent; wait for that run to end, or stop it, then run this command again`,
  smtpUrlMissing: 'SMTP_URL is not set: export SMTP_URL=smtp://user:password@host:587 in your shell (or SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD), keeping credentials out of the repository, or use --dry-run',
  smtpUrlMalformed:
    'SMTP_URL is not a valid URL: write it as smtp://user:password@host:587 with any of : / ? # @ % in the user or password percent-encoded (e.g. # as %23), or give SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD instead',
  smtpUrlScheme: (scheme: string) => `SMTP_URL must start with smtp:// or smtps://, not ${scheme}`,
  smtpPortInvalid: (port: string) => `SMTP_PORT must be a port number, not ${JSON.stringify(port)}`,
  sendBounced: (email: string, reason: string) => `${email}: refused for good by the server (${reason}); not sent again`,
  sendUncertain: (emails: readonly string[]) =>
    `The connection was lost after the server had the message for ${emails.join(', ')}: they may have received it. Check, then add --resend-uncertain to send to them again.`,
  sendResume: (command: string) => `Some recipients did not get the digest. Run the same command again to resume: \`${command}\` (those already sent or refused for good are skipped).`,
  outputHoldsSources: (outDir: string, sourceDir: string) =>
    `the output folder ${outDir} is, or contains, the source folder ${sourceDir}: artifacts would be written over the sources; give --out a folder outside it (e.g. --out output)`,
  slugMoved: (slug: string, base: string, why: 'other-source' | 'not-ours') =>
    `${base}/ in the output folder ${why === 'other-source' ? 'holds the publication of another source' : 'holds files no build wrote'}: this source is written to ${slug}/`,
  galleryNotOurs: (path: string) => `${path} was not written by triptyque, so it was left as it is and no gallery was written`,
  stoppedAtOnce: 'triptyque: stopped at once; artifacts being written were left as they were before this run',
  archiveRefused: (path: string, entry: string, why: { entries: number } | { totalBytes: number } | { ratio: number }) =>
    `${path}: ${
      'entries' in why
        ? `more than ${why.entries} files inside (at ${entry})`
        : 'totalBytes' in why
          ? `more than ${megabytes(why.totalBytes)} MB once unpacked (at ${entry})`
          : `${entry} unpacks to more than ${why.ratio} times its packed size`
    }: not a document this tool reads (a zip bomb?); nothing was imported`,
  archiveUnreadable: (path: string, entry: string, reason: string) => `${path}: ${entry} cannot be unpacked (${reason}): is it a damaged document?`,
  listmonkTimeout: (url: string, answerMs: number, totalMs: number) =>
    `listmonk at ${url} did not answer in time (${answerMs / 1000} s for an answer, ${totalMs / 1000} s in all): check the URL and that listmonk is running; nothing was created`,
  listmonkRedirect: (url: string, status: number, to: string | undefined) =>
    `listmonk at ${url} answered ${status}, a redirect${to ? ` to ${to}` : ''}: it is not followed out of the URL given (the token would go with it); give --listmonk the URL listmonk answers at; nothing was created`,
  listmonkRedirectLoop: (origin: string, max: number) => `listmonk at ${origin} redirected more than ${max} times: nothing was created`,
  nestingTooDeep: (what: 'Markdown' | 'HTML' | 'YAML', max: number) =>
    `${what} nested more than ${max} levels deep here (quotes, lists, elements or collections inside one another): no reader follows that; flatten it`,
  recipientsUnreadable: (path: string, line: number | undefined, separator: 'comma' | 'semicolon' | 'tab', reason: string) =>
    `${path}${line ? `:${line}` : ''}: ${reason} (read with a ${separator} as the separator, the header line's; quote a field that holds one)`,
  recipientsNoEmail: (path: string, separator: 'comma' | 'semicolon' | 'tab', columns: readonly string[]) =>
    `${path}:1: no \`email\` column in the header line (read with a ${separator} as the separator: ${columns.map((column) => JSON.stringify(column)).join(', ')})`,
} as const;
