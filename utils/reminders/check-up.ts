import { accountPagesSeenAt } from '../audit/pages-seen';
import { accountLabel, siteName } from './text';
import { DAY_MS, type ReminderKindModule } from './types';

/**
 * The audit is only as fresh as the last visit to the account pages (2FA, e-mails, tokens and the
 * security history live on /manage/account/): counted as the audit's freshness check counts it.
 * After `staleAfterDays`, nudge the user to open it once. An account never seen there counts from
 * when PyPI Guard first saw it.
 */
export const checkUp: ReminderKindModule = {
  kind: 'check-up',
  setting: 'checkUp',
  candidates(input, settings) {
    return input.accounts.map(({ account }) => {
      const lastAudit = accountPagesSeenAt(account);
      // Due once `now − seen ≥ staleAfterDays × 24 h` exactly (raw milliseconds, the audit's boundary).
      const dueAt = (lastAudit ?? account.firstSeenAt) + settings.staleAfterDays * DAY_MS;
      const since = lastAudit === undefined ? 'PyPI Guard has not seen its account page yet' : `its account page was last seen ${settings.staleAfterDays}+ days ago`;
      return {
        id: `check-up|${account.id}`,
        kind: 'check-up',
        accountId: account.id,
        period: `stale-audit:${dueAt}`,
        reason: 'schedule',
        trigger: 'stale-audit',
        dueAt,
        title: `${siteName(account.host)}: Security check-up`,
        message: `${accountLabel(account.username, account.host)}: ${since}. Open it once so PyPI Guard can re-check 2FA, emails, tokens and the security history.`,
        openUrl: `https://${account.host}/manage/account/`,
      };
    });
  },
};
