import { runAudit, type CheckId, type CheckResult } from '../audit';
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
  summary: string;
  time: number;
  location?: string;
  device?: string;
  reason: SuspicionReason;
  /** First read on this page view: new since the last visit. */
  isNew: boolean;
}

export type AccountAuditReply =
  | { state: 'ready'; checks: NudgeCheck[]; events: EventToReview[] }
  /** The page model has not stored this page yet; ask again in a moment. */
  | { state: 'pending' }
  | { state: 'unknown' };

/**
 * What the nudges on an account page need: the relevant audit results and the rows to review.
 * `pageSeenAfter` is when the page was loaded: the stored account must include this visit.
 */
export function accountAuditReply(account: AccountRecord | undefined, events: StoredEvent[], settings: Settings, now: number, pageSeenAfter: number): AccountAuditReply {
  if (!account) return { state: 'pending' };
  if (account.lastSeenAt < pageSeenAfter) return { state: 'pending' };
  const audit = runAudit({ account, events, settings }, now);
  const checks = audit.results
    .filter((result): result is CheckResult & { id: NudgeCheckId } => (NUDGE_CHECK_IDS as readonly string[]).includes(result.id))
    .map((result) => ({
      id: result.id,
      status: result.status,
      detail: result.detail,
      fixLabel: result.fixLabel,
      fixPath: result.fix.kind === 'pypi' ? pathOf(result.fix.url) : null,
    }));
  const toReview = suspiciousEvents(events, account.observed?.eventsAcknowledgedAt ?? -Infinity).map(({ event, reason }) => ({
    summary: event.summary,
    time: event.time,
    ...(event.location && { location: event.location }),
    ...(event.device && { device: event.device }),
    reason,
    isNew: event.firstSeenAt >= pageSeenAfter,
  }));
  return { state: 'ready', checks, events: toReview.slice(0, 20) };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.hash}`;
}
