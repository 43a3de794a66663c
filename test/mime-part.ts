import { execFileSync } from 'node:child_process';
import { tool } from './tools';

/**
 * The bytes of a message's HTML part as they travel, transfer-encoded, measured by Python's own
 * MIME parser (the standard library's `email`): the digest's budget is checked against this, not
 * against the build's measure of itself.
 */
const MEASURE = String.raw`
import email, sys
from email import policy
message = email.message_from_binary_file(sys.stdin.buffer, policy=policy.compat32)
# On the wire every line ends with CRLF (the parser has already given the one before the next boundary to it, RFC 2046).
wire = lambda payload: payload.replace('\r\n', '\n').replace('\n', '\r\n').encode('latin-1')
sizes = [len(wire(part.get_payload(decode=False))) for part in message.walk() if part.get_content_type() == 'text/html']
print(sizes[0] if len(sizes) == 1 else -len(sizes))
`;

export function htmlPartBytes(eml: Buffer): number {
  const size = Number(execFileSync(tool('python3'), ['-c', MEASURE], { input: eml, encoding: 'utf8' }).trim());
  if (size < 0) throw new Error(`the message has ${-size} HTML parts, not one`);
  return size;
}
