import type { StoredEvent } from '../store/types';

/**
 * Page views of the security history this close together are one visit: a reload, or a trip to
 * the 2FA page and back, must not make the rows just highlighted stop being new before the user
 * answered them.
 */
export const SAME_VISIT_GAP_MS = 30 * 60_000;

/**
 * New rows that are not worth a highlight of their own: each visit follows a sign-in (a sign-in
 * from an unfamiliar place is flagged as suspicious anyway), and an email sent follows another
 * row that is shown. Highlighting them would teach the user to click the prompt away.
 */
export const ROUTINE_TAGS: ReadonlySet<StoredEvent['tag']> = new Set(['account:login:success', 'account:email:sent']);

export interface NewRows {
  /**
   * No earlier page view read this account's history: everything in it is first seen now, so
   * nothing is called new (the whole 90 days would be). The user is told so instead.
   */
  firstLook: boolean;
  /** Rows first read during this visit, after the first look and after the last "It was me", routine ones left out; newest first. */
  events: StoredEvent[];
}

/**
 * Which security-history rows are new since the last visit. A row's `firstSeenAt` is the time of the
 * page view that first read it, so the question is which views came before this visit.
 *
 * - `historyViewTimes`: when the history was read (`seenAt` of snapshots that carried it). The
 *   snapshots store keeps only the newest few per account, so the rows' own `firstSeenAt` times
 *   (each one a view that read them) are used too: an earlier visit is never forgotten.
 * - `pageSeenAfter`: this page view happened at or after this time; it is the newest view since then.
 * - This visit reaches back through earlier views while each is within `SAME_VISIT_GAP_MS` of the
 *   next; the view before that ended the last visit. Rows first read after it are new, except the
 *   rows of the very first look (the baseline), rows the user already acknowledged, and routine rows.
 */
export function newSinceLastVisit(events: readonly StoredEvent[], historyViewTimes: readonly number[], pageSeenAfter: number, acknowledgedAt = -Infinity): NewRows {
  const views = [...new Set([...historyViewTimes, ...events.map((event) => event.firstSeenAt)])];
  // This page view is the newest view since `pageSeenAfter` (its snapshot is stored before the
  // prompt asks): a reload two seconds after the last view still has that view before it.
  const thisViewAt = Math.max(pageSeenAfter, ...views);
  const earlier = views.filter((time) => time < thisViewAt).sort((a, b) => b - a);
  if (earlier.length === 0) return { firstLook: true, events: [] };

  const firstLookAt = earlier[earlier.length - 1]!;
  let visitStartedAt = thisViewAt;
  let lastVisitEndedAt = -Infinity;
  for (const time of earlier) {
    if (visitStartedAt - time > SAME_VISIT_GAP_MS) {
      lastVisitEndedAt = time;
      break;
    }
    visitStartedAt = time;
  }
  const since = Math.max(firstLookAt, lastVisitEndedAt, acknowledgedAt);
  const fresh = events.filter((event) => event.firstSeenAt > since && !ROUTINE_TAGS.has(event.tag)).sort((a, b) => b.time - a.time);
  return { firstLook: false, events: fresh };
}
