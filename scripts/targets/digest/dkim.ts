import { readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import type DKIM from 'nodemailer/lib/dkim';
import type { Settings } from '../../config/schema';
import { TriptyqueError } from '../../errors';

/**
 * Headers the signature covers. nodemailer's default list leaves out List-Unsubscribe-Post, and
 * RFC 8058 honours one-click unsubscribe only when both List-Unsubscribe headers are signed.
 */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

export interface DkimSigner {
  domain: string;
  selector: string;
  options: DKIM.Options;
}

/**
 * The DKIM signer `digest.dkim` describes, with its key from DKIM_PRIVATE_KEY (the PEM text) or
 * from `privateKeyFile`; undefined when DKIM is not configured or no key is at hand. `root` is the
 * project folder: a key file inside it would end up in the repository, so it is refused.
 */
export function dkimSigner(digest: Settings['digest'], env: NodeJS.ProcessEnv = process.env, root?: string): DkimSigner | undefined {
  const dkim = digest.dkim;
  if (!dkim) return undefined;
  const privateKey = env['DKIM_PRIVATE_KEY']?.trim() || readKeyFile(dkim.privateKeyFile, root);
  if (!privateKey) return undefined;
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(privateKey)) {
    throw new TriptyqueError('USAGE', `the DKIM key (${env['DKIM_PRIVATE_KEY'] ? 'DKIM_PRIVATE_KEY' : dkim.privateKeyFile}) is not a PEM private key`);
  }
  return {
    domain: dkim.domain,
    selector: dkim.selector,
    options: { domainName: dkim.domain, keySelector: dkim.selector, privateKey, headerFieldNames: DKIM_SIGNED_HEADERS },
  };
}

function readKeyFile(file: string | undefined, root: string | undefined): string | undefined {
  if (!file) return undefined;
  const path = file.startsWith('~/') ? join(homedir(), file.slice(2)) : file;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  if (root) {
    const inside = relative(realpathSync(root), real);
    if (!inside.startsWith('..') && !isAbsolute(inside)) {
      throw new TriptyqueError('USAGE', `the DKIM key ${file} is inside the project folder, where it could be committed: move it out (e.g. ~/.config/triptyque/) or set DKIM_PRIVATE_KEY`);
    }
  }
  return readFileSync(real, 'utf8');
}
