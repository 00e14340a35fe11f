import { accountPagesSeenAt } from '../pages-seen';
import { DAY_MS, pypiPage, type Check } from '../types';

export const dataFreshness: Check = {
  id: 'data-freshness',
  title: 'Up to date',
  weight: 0,
  run(state, now) {
    const fix = pypiPage(state, '/manage/account/');
    const seenAt = accountPagesSeenAt(state.account);
    if (seenAt === undefined) return { status: 'unknown', detail: 'Account settings not seen yet: open them once.', fix, fixLabel: 'Open account settings' };
    const days = Math.floor((now - seenAt) / DAY_MS);
    if (days > state.settings.staleAfterDays) {
      return { status: 'warn', detail: `Account settings last seen ${days} days ago: the checks may be out of date.`, fix, fixLabel: 'Refresh' };
    }
    return { status: 'pass', detail: days === 0 ? 'Account settings seen today.' : `Account settings seen ${days} day${days === 1 ? '' : 's'} ago.`, fix, fixLabel: 'Open account settings' };
  },
};
