import { withDefaults, type Settings } from '@/utils/settings';
import type { AccountRecord, RecoveryRequest, ReminderState, StoredEvent } from '@/utils/store/types';
import type { EventTag } from '@/utils/pypi/event-tags';
import type { LocalClock, ReminderInput } from '@/utils/reminders';
import { summariseHistory } from '@/utils/events/history-summary';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Sunday 1 November 2026, 12:00 UTC: the fixed "now" most tests count from. */
export const T0 = Date.UTC(2026, 10, 1, 12);
export const UTC: LocalClock = { utcOffsetMinutes: () => 0 };

/** An account first seen long ago, whose account page was seen at T0 (so no check-up is due). */
export function account(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'pypi.org/alice',
    host: 'pypi.org',
    username: 'alice',
    firstSeenAt: T0 - 400 * DAY,
    lastSeenAt: T0,
    pagesSeenAt: { 'account-settings': T0 },
    ...overrides,
  };
}

export function event(tag: EventTag, time: number, extra: Partial<StoredEvent> = {}): StoredEvent {
  return { id: `pypi.org/alice|${time}|${tag}|${extra.location ?? ''}`, accountId: 'pypi.org/alice', tag, summary: tag, time, firstSeenAt: time, ...extra };
}

export function input(parts: {
  accounts?: { account: AccountRecord; events?: StoredEvent[] }[];
  reminderStates?: ReminderState[];
  recoveryRequests?: RecoveryRequest[];
}): ReminderInput {
  return {
    // Each account's rows as the store keeps them: summarised.
    accounts: (parts.accounts ?? []).map(({ account, events }) => ({ account, history: summariseHistory(events ?? [], account.observed) })),
    reminderStates: parts.reminderStates ?? [],
    recoveryRequests: parts.recoveryRequests ?? [],
  };
}

/**
 * Settings with only the named reminder kinds on (all kinds on when none are named). The password's
 * calendar reminder has no switch of its own: left out of `only`, its schedule is "Off".
 */
export function settings(patch: Partial<Settings> = {}, only?: (keyof Settings['reminders'] | 'passwordRotation')[]): Settings {
  const reminders = only
    ? { recoveryCodes: only.includes('recoveryCodes'), checkUp: only.includes('checkUp'), recoveryFollowUp: only.includes('recoveryFollowUp'), emailDomain: only.includes('emailDomain') }
    : undefined;
  const scheduleOff = only && !only.includes('passwordRotation') ? { passwordRotationDays: 0 as const } : {};
  return withDefaults({ ...patch, ...scheduleOff, ...(reminders ? { reminders } : {}) });
}

export function request(overrides: Partial<RecoveryRequest> = {}): RecoveryRequest {
  return { id: 'req-1', host: 'pypi.org', username: 'alice', status: 'submitted', createdAt: T0, submittedAt: T0, updatedAt: T0, ...overrides };
}
