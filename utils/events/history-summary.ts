import type { ObservedFacts, StoredEvent } from '../store/types';
import { learnedAt, suspiciousEvents, type SuspicionReason } from './suspicious';

/**
 * What the audit and the reminders need from an account's stored security history, derived once
 * when the history (or a fact it depends on) changes — not by every reminders tick, whose cost
 * would otherwise grow with the rows: a busy account keeps 10,000 and more. Kept per account in
 * the store (utils/store/history-summaries.ts). Pure: `summariseHistory` is the one place these
 * facts are read from the rows.
 */
export interface HistorySummary {
  /** The newest password change or reset row, epoch ms. */
  newestPasswordChangeAt?: number;
  /** Whether a row says recovery codes were generated (or regenerated). */
  recoveryCodesGenerated: boolean;
  /** The newest row about recovery codes (generated, regenerated, used), or 0. */
  newestRecoveryCodeEventAt: number;
  /** The rows PyPI Guard first read after the user last said "It was me" (`basis.acknowledgedAt`). */
  unacknowledged: {
    /** Suspicious rows per reason, the reason of the newest such row first. */
    suspicious: { reason: SuspicionReason; count: number }[];
    /** Rows that could not be mapped to an event (another language, no English copy). */
    unreadable: number;
  };
  /** Evidence for the password reminder: unacknowledged rows after the last password change. */
  evidence: {
    failedLoginBurst: FailedLoginBurst | null;
    /** The sign-in from a new device or an unfamiliar place PyPI Guard learned of last. */
    unrecognisedSignIn: { time: number; location?: string; learnedAt: number } | null;
  };
  /** The facts besides the rows this summary was derived from: when either changes, so does it. */
  basis: HistoryBasis;
}

/** What a summary depends on besides the rows: the user's last "It was me", the last change PyPI Guard saw. */
export interface HistoryBasis {
  acknowledgedAt?: number;
  passwordChangedAt?: number;
}

export interface FailedLoginBurst {
  /** The failure that made it a burst (the third within 24 hours): the burst's identity. */
  at: number;
  startedAt: number;
  count: number;
  /** When PyPI Guard had read every failure that made it a burst. */
  learnedAt: number;
}

/** Three or more failed logins within this window are a burst (someone is guessing). */
export const FAILED_LOGIN_BURST_COUNT = 3;
export const FAILED_LOGIN_BURST_WINDOW_MS = 86_400_000;

export const PASSWORD_CHANGE_TAGS = new Set(['account:password:change', 'account:password:reset']);
const CODE_GENERATION_TAGS = new Set(['account:recovery_codes:generated', 'account:recovery_codes:regenerated']);
const RECOVERY_CODE_EVENT_TAGS = new Set([...CODE_GENERATION_TAGS, 'account:recovery_codes:used']);

/** The basis of a summary for the account as it is now. */
export function historyBasisOf(observed: ObservedFacts | undefined): HistoryBasis {
  return {
    ...(observed?.eventsAcknowledgedAt !== undefined && { acknowledgedAt: observed.eventsAcknowledgedAt }),
    ...(observed?.passwordChangedAt !== undefined && { passwordChangedAt: observed.passwordChangedAt }),
  };
}

/** Whether a summary still describes an account whose observed facts are these (the rows unchanged). */
export function isSummaryFor(summary: HistorySummary, observed: ObservedFacts | undefined): boolean {
  const basis = historyBasisOf(observed);
  return summary.basis.acknowledgedAt === basis.acknowledgedAt && summary.basis.passwordChangedAt === basis.passwordChangedAt;
}

/** Summarises an account's stored security history (any order) for the account's observed facts. */
export function summariseHistory(rows: readonly StoredEvent[], observed: ObservedFacts | undefined): HistorySummary {
  const basis = historyBasisOf(observed);
  // Newest first; rows of the same second in their stored (id) order.
  const events = [...rows].sort((a, b) => b.time - a.time);
  let newestPasswordChangeAt: number | undefined;
  let recoveryCodesGenerated = false;
  let newestRecoveryCodeEventAt = 0;
  for (const event of events) {
    if (PASSWORD_CHANGE_TAGS.has(event.tag) && (newestPasswordChangeAt === undefined || event.time > newestPasswordChangeAt)) newestPasswordChangeAt = event.time;
    if (CODE_GENERATION_TAGS.has(event.tag)) recoveryCodesGenerated = true;
    if (RECOVERY_CODE_EVENT_TAGS.has(event.tag)) newestRecoveryCodeEventAt = Math.max(newestRecoveryCodeEventAt, event.time);
  }

  const since = basis.acknowledgedAt ?? -Infinity;
  const found = suspiciousEvents(events, since); // newest first
  const counts = new Map<SuspicionReason, number>();
  for (const { reason } of found) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const unreadable = events.filter((event) => event.tag === 'unknown' && event.firstSeenAt > since).length;

  // Rows before the last password change are about a password no longer in use.
  const lastChangeAt = Math.max(basis.passwordChangedAt ?? -Infinity, newestPasswordChangeAt ?? -Infinity);
  const unreviewed = found.filter(({ event }) => event.time > lastChangeAt).reverse(); // oldest first
  const signIn = newestLearned(unreviewed.filter(({ reason }) => reason === 'new-device' || reason === 'unfamiliar-location').map(({ event }) => event));
  return {
    ...(newestPasswordChangeAt !== undefined && { newestPasswordChangeAt }),
    recoveryCodesGenerated,
    newestRecoveryCodeEventAt,
    unacknowledged: { suspicious: [...counts].map(([reason, count]) => ({ reason, count })), unreadable },
    evidence: {
      failedLoginBurst: newestFailedLoginBurst(unreviewed.filter(({ reason }) => reason === 'login-failure').map(({ event }) => event)),
      unrecognisedSignIn: signIn ? { time: signIn.time, ...(signIn.location && { location: signIn.location }), learnedAt: learnedAt(signIn) } : null,
    },
    basis,
  };
}

/**
 * Groups failed logins (ascending) into bursts: a failure completes a burst when it is the third
 * within 24 hours; completing failures less than 24 hours apart belong to one burst, so a long
 * attack is one period, not one per failure.
 */
export function newestFailedLoginBurst(ascendingEvents: readonly StoredEvent[]): FailedLoginBurst | null {
  const failures = ascendingEvents.filter((event) => event.tag === 'account:login:failure');
  let newest: FailedLoginBurst | null = null;
  let lastCompletingAt = -Infinity;
  let windowStart = 0;
  for (let index = 0; index < failures.length; index++) {
    const time = failures[index]!.time;
    while (time - failures[windowStart]!.time > FAILED_LOGIN_BURST_WINDOW_MS) windowStart++;
    const inWindow = index - windowStart + 1;
    if (inWindow < FAILED_LOGIN_BURST_COUNT) continue;
    if (newest && time - lastCompletingAt <= FAILED_LOGIN_BURST_WINDOW_MS) {
      newest.count = Math.max(newest.count, inWindow);
    } else {
      const window = failures.slice(windowStart, index + 1);
      newest = { at: time, startedAt: window[0]!.time, count: inWindow, learnedAt: Math.max(...window.map(learnedAt)) };
    }
    lastCompletingAt = time;
  }
  return newest;
}

/** The row PyPI Guard learned of last (on a tie, the one that happened last). */
function newestLearned(events: readonly StoredEvent[]): StoredEvent | null {
  let newest: StoredEvent | null = null;
  for (const event of events) {
    if (!newest || learnedAt(event) > learnedAt(newest) || (learnedAt(event) === learnedAt(newest) && event.time >= newest.time)) newest = event;
  }
  return newest;
}
