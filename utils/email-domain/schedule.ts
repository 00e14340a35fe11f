import { WARN_WINDOW_DAYS } from './standing';
import type { RdapAnswer } from './types';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An answer far from expiry holds a week; near it (or about a lapsed domain), a day: never less. */
export const FAR_CACHE_MS = 7 * DAY_MS;
export const NEAR_CACHE_MS = DAY_MS;

/** Waits after 1, 2, 3, 4+ failed attempts in a row; a 429's Retry-After is honoured when longer. */
export const RETRY_BACKOFF_MS = [15 * 60_000, HOUR_MS, 4 * HOUR_MS, DAY_MS] as const;
/** A Retry-After is honoured up to this long. */
export const MAX_RETRY_AFTER_MS = 7 * DAY_MS;

/**
 * When to ask again after an answer. A week while the expiry is further away than the warn
 * window plus that week, so no crossing into the window is missed; a day otherwise.
 */
export function nextCheckAfterAnswer(answer: RdapAnswer, now: number): number {
  if (answer.kind === 'registered') {
    const far = answer.expiresAt === null || answer.expiresAt - now > (WARN_WINDOW_DAYS * DAY_MS) + FAR_CACHE_MS;
    return now + (far ? FAR_CACHE_MS : NEAR_CACHE_MS);
  }
  if (answer.kind === 'not-registered') return now + NEAR_CACHE_MS;
  // Decided from the bootstrap file or the name itself: nothing was sent; look again weekly.
  return now + FAR_CACHE_MS;
}

/** When to try again after the `failures`-th failure in a row. */
export function nextCheckAfterFailure(failures: number, now: number, retryAfterMs?: number): number {
  const backoff = RETRY_BACKOFF_MS[Math.min(Math.max(failures, 1), RETRY_BACKOFF_MS.length) - 1]!;
  return now + Math.max(backoff, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}
