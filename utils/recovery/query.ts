import { isPypiHost, type PypiHost } from '@/utils/pypi/hosts';
import { USERNAME_PATTERN } from '@/utils/recovery/request';
import type { AnswerValues, QuestionId } from '@/utils/recovery/decision';

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

/** An answer the page that opened the assistant already gives, and how the user can tell. */
export interface KnownAnswer<Q extends QuestionId = QuestionId> {
  value: AnswerValues[Q];
  because: string;
}
export type KnownAnswers = { [Q in QuestionId]?: KnownAnswer<Q> };

/**
 * What the opening page already knows, so the assistant does not ask it again. The lost-2FA prompt
 * shows only on PyPI's two-factor and recovery-code steps, which come after PyPI accepted the
 * password (pypi-facts.md §2): the password works.
 */
export function answersKnownFrom(from: OpenedFrom | null): KnownAnswers {
  if (from === 'prompt') return { password: { value: 'works', because: 'PyPI accepted it: you reached its two-factor step.' } };
  return {};
}
