import { runAudit, type CheckId, type CheckResult } from '../audit';
import { newSinceLastVisit } from '../events/new-since-last-visit';
import { summariseHistory } from '../events/history-summary';
import { suspiciousEvents, type SuspicionReason } from '../events/suspicious';
import type { Settings } from '../settings';
import type { AccountRecord, StoredEvent } from '../store/types';

/** The audit checks the in-page nudges act on. */
export const NUDGE_CHECK_IDS = ['two-factor', 'second-factor-method', 'recovery-codes', 'recovery-codes-remaining', 'security-events'] as const satisfies readonly CheckId[];
export type NudgeCheckId = (typeof NUDGE_CHECK_IDS)[number];

/** One audit result as a page of the same PyPI can use it: the fix as a path on this host. */
export interface NudgeCheck {
  id: NudgeCheckId;
  status: CheckResult['status'];
  detail: string;
  fixLabel: string;
  /** e.g. `/manage/account/two-factor/`; null when the fix is a page of the extension. */
  fixPath: string | null;
}

/** A security-history row worth a look, as the prompt lists it. */
export interface EventToReview {
  /** Stable per row (the store's de-duplication key), for list keys. */
  id: string;
  tag: StoredEvent['tag'];
  /** PyPI's own text for the row (page data: render as text only). */
  summary: string;
  details?: string;
  time: number;
  location?: string;
  device?: string;
  /** Why the row looks wrong; absent for a row that is only new. */
  reason?: SuspicionReason;
  /** First read since the last visit (see utils/events/new-since-last-visit). */
  isNew: boolean;
}

/** At most this many rows go to the page; the prompt lists fewer and counts the rest. */
export const EVENTS_TO_REVIEW_LIMIT = 20;

export type AccountAuditReply =
  /** `firstLook`: no earlier visit read this history, so no row can be called new. */
  | { state: 'ready'; checks: NudgeCheck[]; events: EventToReview[]; firstLook: boolean }
  /** The page model has not stored this page yet; ask again in a moment. */
  | { state: 'pending' }
  | { state: 'unknown' };

/**
 * What the nudges on an account page need: the relevant audit results and the rows to review —
 * unacknowledged suspicious rows and rows new since the last visit, newest first.
 * `pageSeenAfter` is when the page was loaded: the stored account must include this visit.
 * `historyViewTimes` are the times the security history was read (stored snapshots that carried it).
 */
export function accountAuditReply(
  account: AccountRecord | undefined,
  events: StoredEvent[],
  settings: Settings,
  now: number,
  pageSeenAfter: number,
  historyViewTimes: readonly number[],
): AccountAuditReply {
  if (!account) return { state: 'pending' };
  if (account.lastSeenAt < pageSeenAfter) return { state: 'pending' };
  const audit = runAudit({ account, history: summariseHistory(events, account.observed), settings }, now);
  const checks = audit.results
    .filter((result): result is CheckResult & { id: NudgeCheckId } => (NUDGE_CHECK_IDS as readonly string[]).includes(result.id))
    .map((result) => ({
      id: result.id,
      status: result.status,
      detail: result.detail,
      fixLabel: result.fixLabel,
      fixPath: result.fix.kind === 'pypi' ? pathOf(result.fix.url) : null,
    }));
  const acknowledgedAt = account.observed?.eventsAcknowledgedAt ?? -Infinity;
  const reasons = new Map(suspiciousEvents(events, acknowledgedAt).map(({ event, reason }) => [event.id, reason]));
  const fresh = newSinceLastVisit(events, historyViewTimes, pageSeenAfter, acknowledgedAt);
  const freshIds = new Set(fresh.events.map((event) => event.id));
  const toReview = events
    .filter((event) => reasons.has(event.id) || freshIds.has(event.id))
    .sort((a, b) => b.time - a.time)
    .slice(0, EVENTS_TO_REVIEW_LIMIT)
    .map((event): EventToReview => {
      const reason = reasons.get(event.id);
      return {
        id: event.id,
        tag: event.tag,
        summary: event.summary,
        ...(event.details && { details: event.details }),
        time: event.time,
        ...(event.location && { location: event.location }),
        ...(event.device && { device: event.device }),
        ...(reason && { reason }),
        isNew: freshIds.has(event.id),
      };
    });
  return { state: 'ready', checks, events: toReview, firstLook: fresh.firstLook };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.hash}`;
}
