import { accountPagesSeenAt } from '../audit/pages-seen';
import { t } from '../text/messages';
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
      const who = accountLabel(account.username, account.host);
      return {
        id: `check-up|${account.id}`,
        kind: 'check-up',
        accountId: account.id,
        period: `stale-audit:${dueAt}`,
        reason: 'schedule',
        trigger: 'stale-audit',
        dueAt,
        title: t('reminder_check_up_title', { site: siteName(account.host) }),
        message:
          lastAudit === undefined
            ? t('reminder_check_up_never_seen', { account: who })
            : t('reminder_check_up_stale', { account: who, count: settings.staleAfterDays }),
        openUrl: `https://${account.host}/manage/account/`,
      };
    });
  },
};
