import { claimReminderFiring, recordReminderAction, recordSnapshot, saveSettings, updateObserved } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

const DAY = 86_400_000;

/** Puts at least one record in every store, through the same functions the extension uses. */
export async function seedEverything(db: PypiGuardDb, now: number): Promise<void> {
  await recordSnapshot(db, {
    host: 'pypi.org',
    username: 'alice',
    pageKind: 'account-settings',
    seenAt: now - DAY,
    locale: 'en',
    displayName: 'Alice Liddell',
    dateJoined: now - 900 * DAY,
    emails: [{ address: 'alice@example.org', primary: true, verified: true, status: 'verified' }],
    twoFactor: { totp: true, securityKeys: ['YubiKey 5'] },
    recoveryCodes: { generated: true, generatedAt: now - 300 * DAY, unused: 7 },
    apiTokens: [{ name: 'upload', scope: { kind: 'projects', projects: ['sampleproject'] }, createdAt: now - 200 * DAY, lastUsedAt: null }],
    projects: ['sampleproject'],
    securityEvents: [
      { tag: 'account:login:success', summary: 'Logged in', time: now - 2 * DAY, location: 'Berlin, BE, DE', device: 'Firefox (Linux)', method: 'totp' },
      { tag: 'account:password:change', summary: 'Password successfully changed', time: now - 100 * DAY },
    ],
  });
  await updateObserved(db, 'pypi.org/alice', (observed) => ({
    ...observed,
    passwordScore: { value: 4, seenAt: now - DAY },
    passwordChangedAt: now - 100 * DAY,
    recoveryDrill: { salt: 'c2FsdHNhbHQ=', iterations: 600_000, hashes: ['aGFzaA=='], codesShownAt: now - 300 * DAY, lastDrillAt: now - 20 * DAY, lastDrillPassed: true },
  }));
  await saveSettings(db, { passwordRotationDays: 90, quietHours: { startHour: 22, endHour: 7 } });
  await db.put('recoveryRequests', {
    id: 'req-1',
    host: 'pypi.org',
    username: 'bob',
    status: 'submitted',
    createdAt: now - 20 * DAY,
    submittedAt: now - 20 * DAY,
    issueUrl: 'https://github.com/pypi/support/issues/1234',
    updatedAt: now - 20 * DAY,
  });
  await db.put('prompts', { id: 'pypi.org/alice|add-second-key', dismissedAt: now - 3 * DAY });
  const reminder = { id: 'check-up|pypi.org/alice', kind: 'check-up', accountId: 'pypi.org/alice' as const, period: `stale-audit:${now}` };
  await claimReminderFiring(db, reminder, undefined, now);
  await recordReminderAction(db, reminder, 'snoozed', now + 60_000, now + 7 * DAY);
}
