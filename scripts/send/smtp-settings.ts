import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { TriptyqueError } from '../errors';
import { operations } from '../messages/operations';

/**
 * Where and as whom to send, from `SMTP_URL` (read with WHATWG `URL`, the user and password
 * percent-decoded) or from `SMTP_HOST`, `SMTP_PORT`, `SMTP_USER` and `SMTP_PASSWORD`. The URL is
 * never handed to nodemailer as a string: its legacy parser prints the whole URL in a warning and
 * reads an unencoded `#`, `/` or `?` in a password as the end of the host. No message here quotes
 * a value that may hold the password. Undefined when neither is set.
 */
export function smtpSettings(env: NodeJS.ProcessEnv): SMTPTransport.Options | undefined {
  const url = env['SMTP_URL'];
  if (url) return fromUrl(url);
  const host = env['SMTP_HOST'];
  if (!host) return undefined;
  const portText = env['SMTP_PORT'] ?? '587';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) throw new TriptyqueError('SEND_FAILED', operations.smtpPortInvalid(portText));
  const user = env['SMTP_USER'];
  return { host, port, secure: port === 465, ...(user ? { auth: { user, pass: env['SMTP_PASSWORD'] ?? '' } } : {}) };
}

function fromUrl(text: string): SMTPTransport.Options {
  const malformed = () => new TriptyqueError('SEND_FAILED', operations.smtpUrlMalformed);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw malformed();
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new TriptyqueError('SEND_FAILED', operations.smtpUrlScheme(url.protocol));
  // A path, a query or a fragment is where an unencoded `/`, `?` or `#` of the user or password ends up.
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '' || url.hostname === '') throw malformed();
  let user: string;
  let pass: string;
  try {
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
  } catch {
    throw malformed();
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, secure, ...(user ? { auth: { user, pass } } : {}) };
}
