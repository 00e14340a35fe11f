import { isPypiHost, type PypiHost } from '@/utils/pypi/hosts';
import { USERNAME_PATTERN } from '@/utils/recovery/request';

/** Where the assistant was opened from: the popup, the lost-2FA prompt on PyPI, or a reminder. */
export const OPENED_FROM = ['popup', 'prompt', 'reminder'] as const;
export type OpenedFrom = (typeof OPENED_FROM)[number];

export interface RecoveryQuery {
  host: PypiHost | null;
  username: string | null;
  from: OpenedFrom | null;
}

/**
 * Reads `?host=…&username=…&from=…` (recovery.html). Anything malformed is ignored, never an error:
 * the page then simply asks, as it does when opened with nothing.
 */
export function parseRecoveryQuery(search: string): RecoveryQuery {
  const params = new URLSearchParams(search);
  const host = params.get('host');
  const username = params.get('username')?.trim() ?? null;
  const from = params.get('from');
  return {
    host: host && isPypiHost(host) ? host : null,
    username: username && USERNAME_PATTERN.test(username) ? username : null,
    from: from && (OPENED_FROM as readonly string[]).includes(from) ? (from as OpenedFrom) : null,
  };
}

/** The page's URL for a given account, for the popup, prompts and notifications to open. */
export function recoveryPageQuery(host: PypiHost, username: string, from: OpenedFrom): string {
  return `?${new URLSearchParams({ host, username, from }).toString()}`;
}
