import { isPypiHost, type PypiHost } from '@/utils/pypi/hosts';
import { USERNAME_PATTERN } from '@/utils/recovery/request';

/** Where the assistant was opened from: the popup, the lost-2FA prompt on PyPI, or a reminder. */
export const OPENED_FROM = ['popup', 'prompt', 'reminder'] as const;
export type OpenedFrom = (typeof OPENED_FROM)[number];

/**
 * What the user came for. `evidence`: save the evidence kit ahead of time, while they can still
 * sign in (the popup's recovery-readiness item); without it the page asks what is lost.
 */
export const INTENTS = ['evidence'] as const;
export type Intent = (typeof INTENTS)[number];

export interface RecoveryQuery {
  host: PypiHost | null;
  username: string | null;
  from: OpenedFrom | null;
  intent: Intent | null;
}

/**
 * Reads `?host=…&username=…&from=…&intent=…` (recovery.html). Anything malformed is ignored, never
 * an error: the page then simply asks, as it does when opened with nothing.
 */
export function parseRecoveryQuery(search: string): RecoveryQuery {
  const params = new URLSearchParams(search);
  const host = params.get('host');
  const username = params.get('username')?.trim() ?? null;
  const from = params.get('from');
  const intent = params.get('intent');
  return {
    host: host && isPypiHost(host) ? host : null,
    username: username && USERNAME_PATTERN.test(username) ? username : null,
    from: from && (OPENED_FROM as readonly string[]).includes(from) ? (from as OpenedFrom) : null,
    intent: intent && (INTENTS as readonly string[]).includes(intent) ? (intent as Intent) : null,
  };
}

/**
 * The page's query for the popup, prompts and notifications to open: `?host=…[&username=…]&from=…[&intent=…]`.
 * The username is left out when it is not known (the lost-2FA prompt before a sign-in was seen).
 */
export function recoveryAssistantQuery({ host, username, from, intent }: { host: PypiHost; username?: string | null; from: OpenedFrom; intent?: Intent }): string {
  const params = new URLSearchParams({ host });
  if (username) params.set('username', username);
  params.set('from', from);
  if (intent) params.set('intent', intent);
  return `?${params.toString()}`;
}

/** The page's URL for a given account, for the popup, prompts and notifications to open. */
export function recoveryPageQuery(host: PypiHost, username: string, from: OpenedFrom, intent?: Intent): string {
  return recoveryAssistantQuery({ host, username, from, ...(intent ? { intent } : {}) });
}
