import type { Settings } from '../config/schema';
import { TriptyqueError } from '../errors';
import { operations } from '../messages/operations';
import { greetRecipient, type DigestParts } from '../targets/digest/digest-eml';

/** The body of listmonk's `POST /api/campaigns`, as its API documents it. */
export interface ListmonkCampaign {
  name: string;
  subject: string;
  lists: number[];
  from_email: string;
  type: 'regular';
  content_type: 'html';
  messenger: 'email';
  body: string;
  altbody: string;
  /** listmonk takes extra headers as an array of one-entry objects. */
  headers: Record<string, string>[];
  tags: string[];
}

/** listmonk renders bodies as Go templates: its own unsubscribe link, and literal braces kept literal. */
const UNSUBSCRIBE_TAG = '{{ UnsubscribeURL }}';
/** listmonk puts each subscriber's first name here (every listmonk subscriber has a name). */
const FIRST_NAME_TAG = '{{ .Subscriber.FirstName }}';

/**
 * The digest as a listmonk campaign. listmonk keeps its own subscribers, unsubscribe page and
 * List-Unsubscribe header, so the configured unsubscribe link becomes listmonk's and no
 * List-Unsubscribe header is passed on; List-Id is. The greeting names each subscriber, as `send` does.
 */
export function listmonkCampaign(parts: DigestParts, digest: Settings['digest'], lists: readonly number[]): ListmonkCampaign {
  const body = (text: string) => {
    const literal = text.replaceAll('{{', '{{ "{{" }}');
    return digest.unsubscribeUrl ? replaceUnsubscribe(literal, digest.unsubscribeUrl) : literal;
  };
  const greeted = greetRecipient({ html: body(parts.html), text: body(parts.text) }, FIRST_NAME_TAG);
  return {
    name: parts.subject,
    subject: parts.subject,
    lists: [...lists],
    from_email: digest.from,
    type: 'regular',
    content_type: 'html',
    messenger: 'email',
    body: greeted.html,
    altbody: greeted.text,
    headers: digest.listId ? [{ 'List-Id': digest.listId }] : [],
    tags: ['triptyque'],
  };
}

/** The built bodies hold the configured link as written (`{email}` and all), `&` escaped in HTML attributes. */
function replaceUnsubscribe(body: string, template: string): string {
  return body.replaceAll(template.replaceAll('&', '&amp;'), UNSUBSCRIBE_TAG).replaceAll(template, UNSUBSCRIBE_TAG);
}

export interface ListmonkCredentials {
  user: string;
  token: string;
}

/** How long listmonk may take to answer (headers), and to finish its answer; a listmonk that never answers is one sentence. */
export interface HttpTimeouts {
  answerMs: number;
  totalMs: number;
}

export const LISTMONK_TIMEOUTS: HttpTimeouts = { answerMs: 15_000, totalMs: 60_000 };

/** Same-origin redirects followed (a listmonk behind a path-rewriting proxy); more is a loop. */
const MAX_REDIRECTS = 5;

/**
 * Creates the campaign as a draft (listmonk's default status); nothing is sent until someone
 * starts it there. A redirect is followed only within the origin given and only when it keeps
 * the POST (307, 308): the token never goes to another host, and the URL reported is the one that
 * answered.
 */
export async function createListmonkDraft(
  baseUrl: string,
  credentials: ListmonkCredentials,
  campaign: ListmonkCampaign,
  signal?: AbortSignal,
  timeouts: HttpTimeouts = LISTMONK_TIMEOUTS,
): Promise<{ id: number; url: string }> {
  let endpoint = new URL('api/campaigns', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const origin = endpoint.origin;
  const total = AbortSignal.timeout(timeouts.totalMs);
  let response: Response | undefined;
  for (let redirects = 0; ; redirects++) {
    response = await post(endpoint, credentials, campaign, signal, total, timeouts);
    if (response.status < 300 || response.status >= 400) break;
    const location = response.headers.get('location');
    const next = location ? new URL(location, endpoint) : undefined;
    if (!next || next.origin !== origin || (response.status !== 307 && response.status !== 308)) throw new TriptyqueError('SEND_FAILED', operations.listmonkRedirect(endpoint.href, response.status, next?.href));
    if (redirects >= MAX_REDIRECTS) throw new TriptyqueError('SEND_FAILED', operations.listmonkRedirectLoop(origin, MAX_REDIRECTS));
    endpoint = next;
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw unreachable(error, endpoint, timeouts, signal);
  }
  let answer: { data?: { id?: number }; message?: string } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403 ? ' (check LISTMONK_USER and LISTMONK_TOKEN: an API user and its token)' : '';
    throw new TriptyqueError('SEND_FAILED', `listmonk at ${endpoint.href} refused the campaign: ${response.status} ${answer.message ?? response.statusText}${hint}`);
  }
  const id = answer.data?.id;
  if (typeof id !== 'number') throw new TriptyqueError('SEND_FAILED', `listmonk at ${endpoint.href} answered ${response.status} without a campaign id`);
  return { id, url: new URL(`admin/campaigns/${id}`, endpoint.href.replace(/api\/campaigns$/, '')).href };
}

async function post(endpoint: URL, credentials: ListmonkCredentials, campaign: ListmonkCampaign, signal: AbortSignal | undefined, total: AbortSignal, timeouts: HttpTimeouts): Promise<Response> {
  // Until the answer's headers come (a server that takes the connection and never answers); the body has the total's time.
  const answer = new AbortController();
  const timer = setTimeout(() => answer.abort(new DOMException('no answer', 'TimeoutError')), timeouts.answerMs);
  try {
    return await fetch(endpoint, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.token}`).toString('base64')}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(campaign),
      signal: AbortSignal.any([answer.signal, total, ...(signal ? [signal] : [])]),
    });
  } catch (error) {
    throw unreachable(error, endpoint, timeouts, signal);
  } finally {
    clearTimeout(timer);
  }
}

function unreachable(error: unknown, endpoint: URL, timeouts: HttpTimeouts, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return error;
  if ((error as Error).name === 'TimeoutError') return new TriptyqueError('SEND_FAILED', operations.listmonkTimeout(endpoint.href, timeouts.answerMs, timeouts.totalMs));
  const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
  return new TriptyqueError('SEND_FAILED', `could not reach listmonk at ${endpoint.href}: ${cause}`);
}
