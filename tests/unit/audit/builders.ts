import type { AuditState } from '@/utils/audit';
import { summariseHistory } from '@/utils/events/history-summary';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { AccountRecord, StoredEvent } from '@/utils/store/types';

export const DAY = 86_400_000;
/** A fixed "now" for every audit test. */
export const NOW = Date.UTC(2026, 10, 25, 12);

/** An account seen on /manage/account/ today, with TOTP, 7 codes and a verified email: all good. */
export function account(overrides: Partial<AccountRecord> = {}): AccountRecord {
  const seen = NOW - 1000;
  return {
    id: 'pypi.org/alice',
    host: 'pypi.org',
    username: 'alice',
    firstSeenAt: NOW - 100 * DAY,
    lastSeenAt: seen,
    pagesSeenAt: { 'account-settings': seen },
    emails: { value: [{ address: 'alice@example.org', primary: true, verified: true, status: 'verified' }], seenAt: seen },
    twoFactor: { value: { totp: true, securityKeys: [] }, seenAt: seen },
    recoveryCodes: { value: { generated: true, unused: 7, generatedAt: NOW - 60 * DAY }, seenAt: seen },
    apiTokens: { value: [], seenAt: seen },
    projects: { value: ['alice-tools'], seenAt: seen },
    ...overrides,
  };
}

export function event(tag: StoredEvent['tag'], time: number, extra: Partial<StoredEvent> = {}): StoredEvent {
  return { id: `${tag}|${time}`, accountId: 'pypi.org/alice', firstSeenAt: time, tag, summary: tag, time, location: 'Berlin, BE, DE', device: 'Firefox', ...extra };
}

/** The audit's view of an account with these stored rows: their summary, as the store keeps it. */
export function state(accountOverrides: Partial<AccountRecord> = {}, events: StoredEvent[] = [], settings: Partial<Settings> = {}): AuditState {
  const audited = account(accountOverrides);
  return { account: audited, history: summariseHistory(events, audited.observed), settings: { ...DEFAULT_SETTINGS, ...settings } };
}

export const seen = <T>(value: T, at = NOW - 1000) => ({ value, seenAt: at });
