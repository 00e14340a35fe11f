import { DAY_MS, pypiPage, type Check } from '../types';

/** When the account settings (or 2FA) page was last read: every other check rests on it. */
export function accountPagesSeenAt(state: Parameters<Check['run']>[0]): number | undefined {
  const seen = state.account.pagesSeenAt;
  const times = [seen['account-settings'], seen['two-factor-settings'], seen['unverified-account']].filter((time): time is number => time !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}

export const dataFreshness: Check = {
  id: 'data-freshness',
  title: 'Up to date',
  weight: 0,
  run(state, now) {
    const fix = pypiPage(state, '/manage/account/');
    const seenAt = accountPagesSeenAt(state);
    if (seenAt === undefined) return { status: 'unknown', detail: 'Account settings not seen yet: open them once.', fix, fixLabel: 'Open account settings' };
    const days = Math.floor((now - seenAt) / DAY_MS);
    if (days > state.settings.staleAfterDays) {
      return { status: 'warn', detail: `Account settings last seen ${days} days ago: the checks may be out of date.`, fix, fixLabel: 'Refresh' };
    }
    return { status: 'pass', detail: days === 0 ? 'Account settings seen today.' : `Account settings seen ${days} day${days === 1 ? '' : 's'} ago.`, fix, fixLabel: 'Open account settings' };
  },
};
