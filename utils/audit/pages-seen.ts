import type { AccountRecord } from '../store/types';

/**
 * When the account's security state was last read: the account settings page, the 2FA page (which
 * carries the same 2FA and recovery-code block) or, for an account PyPI keeps on the unverified
 * page, that page. The audit's freshness and the check-up reminder both count from it.
 */
export function accountPagesSeenAt(account: Pick<AccountRecord, 'pagesSeenAt'>): number | undefined {
  const seen = account.pagesSeenAt;
  const times = [seen['account-settings'], seen['two-factor-settings'], seen['unverified-account']].filter((time): time is number => time !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}
