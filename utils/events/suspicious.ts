import type { StoredEvent } from '../store/types';

/** Why a security-history row deserves the user's attention. */
export type SuspicionReason =
  | 'login-failure'
  | 'reauthentication-failure'
  | 'two-factor-removed'
  | 'recovery-code-used'
  | 'password-reset'
  | 'password-disabled'
  | 'new-device'
  | 'unfamiliar-location'
  | 'token-leaked';

const REASON_BY_TAG: Partial<Record<string, SuspicionReason>> = {
  'account:login:failure': 'login-failure',
  'account:reauthenticate:failure': 'reauthentication-failure',
  'account:two_factor:method_removed': 'two-factor-removed',
  'account:recovery_codes:used': 'recovery-code-used',
  'account:password:reset': 'password-reset',
  'account:password:disabled': 'password-disabled',
  'account:login:new_device': 'new-device',
  'account:api_token:removed_leak': 'token-leaked',
};

/**
 * A successful sign-in from a location that no earlier event of the account shows. The first
 * located event proves nothing (there is nothing to compare with), so a location is unfamiliar
 * only when an earlier location exists. `ascending` is the account's history, oldest first.
 */
export function isUnfamiliarSignIn(event: StoredEvent, ascending: readonly StoredEvent[]): boolean {
  if (event.tag !== 'account:login:success' || !event.location || event.location === 'Redacted') return false;
  let sawEarlierLocation = false;
  for (const other of ascending) {
    if (other.time >= event.time) break;
    if (!other.location) continue;
    if (other.location === event.location) return false;
    sawEarlierLocation = true;
  }
  return sawEarlierLocation;
}

/**
 * Whether the user already reviewed a row ("It was me" at `acknowledgedAt`): they saw the rows
 * PyPI Guard had read by then, so what counts is when the row was first read, not when it
 * happened — an old row read for the first time after the review has not been reviewed. The one
 * rule for the audit, the in-page prompt and the password reminder.
 */
export function isAcknowledged(event: Pick<StoredEvent, 'firstSeenAt'>, acknowledgedAt: number): boolean {
  return event.firstSeenAt <= acknowledgedAt;
}

/**
 * When PyPI Guard learned of a row: the later of when it happened and when it was first read. A
 * row read for the first time long after it happened (the account page was not opened for weeks)
 * is news from the day it was read.
 */
export function learnedAt(event: Pick<StoredEvent, 'time' | 'firstSeenAt'>): number {
  return Math.max(event.time, event.firstSeenAt);
}

export interface SuspiciousEvent {
  event: StoredEvent;
  reason: SuspicionReason;
}

/**
 * Rows that may mean someone else is in (or trying to get in): failed sign-ins, 2FA removed,
 * a recovery code used, a password reset or disabled, a new device or unfamiliar place, a leaked
 * token — newest first, only those PyPI Guard first read after `since` (the user's last "It was
 * me"): an old row read for the first time after a review has not been reviewed.
 */
export function suspiciousEvents(events: readonly StoredEvent[], since: number): SuspiciousEvent[] {
  const ascending = [...events].sort((a, b) => a.time - b.time);
  const found: SuspiciousEvent[] = [];
  for (const event of ascending) {
    if (isAcknowledged(event, since)) continue;
    const reason = REASON_BY_TAG[event.tag] ?? (isUnfamiliarSignIn(event, ascending) ? 'unfamiliar-location' : undefined);
    if (reason) found.push({ event, reason });
  }
  return found.reverse();
}
