import { accountPagesSeenAt } from '../pages-seen';
import { DAY_MS, pypiPage, type Check } from '../types';

/**
 * Stale once `staleAfterDays` × 24 h have passed since the account pages were seen — compared in
 * milliseconds, at ≥, exactly when the check-up reminder (utils/reminders/check-up.ts) falls due,
 * so the popup never calls fresh what a reminder calls stale. Whole days are for display only.
 */
export const dataFreshness: Check = {
  id: 'data-freshness',
  title: 'Up to date',
  weight: 0,
  run(state, now) {
    const fix = pypiPage(state, '/manage/account/');
    const seenAt = accountPagesSeenAt(state.account);
    if (seenAt === undefined) return { status: 'unknown', detail: 'Account settings not seen yet: open them once.', fix, fixLabel: 'Open account settings' };
    const elapsed = now - seenAt;
    const days = Math.floor(elapsed / DAY_MS);
    if (elapsed >= state.settings.staleAfterDays * DAY_MS) {
      return { status: 'warn', detail: `Account settings last seen ${days} days ago: the checks may be out of date.`, fix, fixLabel: 'Refresh' };
    }
    return { status: 'pass', detail: days <= 0 ? 'Account settings seen today.' : `Account settings seen ${days} day${days === 1 ? '' : 's'} ago.`, fix, fixLabel: 'Open account settings' };
  },
};
