import type { Settings } from '../config/schema';
import { TriptyqueError } from '../errors';
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

/** Creates the campaign as a draft (listmonk's default status); nothing is sent until someone starts it there. */
export async function createListmonkDraft(baseUrl: string, credentials: ListmonkCredentials, campaign: ListmonkCampaign, signal?: AbortSignal): Promise<{ id: number; url: string }> {
  const endpoint = new URL('api/campaigns', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.token}`).toString('base64')}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(campaign),
      signal,
    });
  } catch (error) {
    throw new TriptyqueError('SEND_FAILED', `could not reach listmonk at ${endpoint.origin}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const text = await response.text();
  let answer: { data?: { id?: number }; message?: string } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403 ? ' (check LISTMONK_USER and LISTMONK_TOKEN: an API user and its token)' : '';
    throw new TriptyqueError('SEND_FAILED', `listmonk refused the campaign: ${response.status} ${answer.message ?? response.statusText}${hint}`);
  }
  const id = answer.data?.id;
  if (typeof id !== 'number') throw new TriptyqueError('SEND_FAILED', `listmonk answered ${response.status} without a campaign id`);
  return { id, url: new URL(`admin/campaigns/${id}`, endpoint.href.replace(/api\/campaigns$/, '')).href };
}
