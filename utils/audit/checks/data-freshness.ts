import { accountPagesSeenAt } from '../pages-seen';
import { DAY_MS, pypiPage, type Check } from '../types';
import { t } from '../../text/messages';

/**
 * Stale once `staleAfterDays` × 24 h have passed since the account pages were seen — compared in
 * milliseconds, at ≥, exactly when the check-up reminder (utils/reminders/check-up.ts) falls due,
 * so the popup never calls fresh what a reminder calls stale. Whole days are for display only.
 */
export const dataFreshness: Check = {
  id: 'data-freshness',
  title: t('check_data_freshness_title'),
  weight: 0,
  run(state, now) {
    const fix = pypiPage(state, '/manage/account/');
    const seenAt = accountPagesSeenAt(state.account);
    if (seenAt === undefined) return { status: 'unknown', detail: t('check_data_freshness_never'), fix, fixLabel: t('fix_open_account_settings') };
    const elapsed = now - seenAt;
    const days = Math.floor(elapsed / DAY_MS);
    if (elapsed >= state.settings.staleAfterDays * DAY_MS) {
      return { status: 'warn', detail: t('check_data_freshness_stale', { count: days }), fix, fixLabel: t('check_data_freshness_refresh') };
    }
    return { status: 'pass', detail: days <= 0 ? t('check_data_freshness_today') : t('check_data_freshness_seen', { count: days }), fix, fixLabel: t('fix_open_account_settings') };
  },
};
