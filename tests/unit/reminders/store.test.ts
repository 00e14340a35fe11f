import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimReminderFiring,
  deleteStore,
  getAccount,
  saveAuditSummary,
  forgetAccountEverywhere,
  getReminderState,
  openStore,
  recordReminderAction,
  recordSnapshot,
  saveSettings,
} from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import { DAY, HOUR, T0 } from './builders';

let dbName: string;
let db: PypiGuardDb;
let counter = 0;

beforeEach(async () => {
  dbName = `pypi-guard-reminder-store-${counter++}`;
  db = await openStore(dbName);
});
afterEach(async () => {
  db.close();
  await deleteStore(dbName);
});

const ID = 'password-rotation|pypi.org/alice';
const ref = (period: string) => ({ id: ID, kind: 'password-rotation', accountId: 'pypi.org/alice' as const, period });

describe('a snooze belongs to the period it was given for', () => {
  it('is recorded with its period, whether or not the reminder fired', async () => {
    await recordReminderAction(db, ref('rotation-schedule:1'), 'snoozed', T0, T0 + 7 * DAY);
    expect(await getReminderState(db, ID)).toEqual({ id: ID, snoozedUntil: T0 + 7 * DAY, snoozedForPeriod: 'rotation-schedule:1' });
  });

  it('ends when another period fires', async () => {
    await claimReminderFiring(db, ref('a:1'), undefined, T0);
    const snoozed = await recordReminderAction(db, ref('a:1'), 'snoozed', T0 + HOUR, T0 + 7 * DAY);
    expect(await claimReminderFiring(db, ref('a:1+b:2'), snoozed, T0 + 2 * HOUR)).toBe(true);
    expect(await getReminderState(db, ID)).toEqual({ id: ID, firedForPeriod: 'a:1+b:2', lastFiredAt: T0 + 2 * HOUR });
  });

  it('stays when the period it was given for fires again after it ended', async () => {
    await claimReminderFiring(db, ref('a:1'), undefined, T0);
    const snoozed = await recordReminderAction(db, ref('a:1'), 'snoozed', T0 + HOUR, T0 + 7 * DAY);
    expect(await claimReminderFiring(db, ref('a:1'), snoozed, T0 + 7 * DAY)).toBe(true);
    expect(await getReminderState(db, ID)).toMatchObject({ firedForPeriod: 'a:1', lastFiredAt: T0 + 7 * DAY, snoozedUntil: T0 + 7 * DAY, snoozedForPeriod: 'a:1' });
  });

  it('a claim decided before a snooze fails (the snooze changed the decision)', async () => {
    await recordReminderAction(db, ref('a:1'), 'snoozed', T0, T0 + 7 * DAY);
    expect(await claimReminderFiring(db, ref('a:1'), undefined, T0)).toBe(false);
  });
});

describe('forgetAccountEverywhere', () => {
  /** One record about alice and one about bob in every store that holds account data. */
  async function seedTwoAccounts(): Promise<void> {
    for (const username of ['alice', 'bob']) {
      await recordSnapshot(db, {
        host: 'pypi.org',
        username,
        pageKind: 'account-settings',
        seenAt: T0,
        securityEvents: [{ tag: 'account:login:success', summary: 'Logged in', time: T0 - DAY, location: 'Berlin, BE, DE' }],
      });
      // A request typed with other capitals is still about the same account (PyPI ignores case).
      const typed = username === 'alice' ? 'Alice' : username;
      await db.put('recoveryRequests', { id: `req-${username}`, host: 'pypi.org', username: typed, status: 'submitted', createdAt: T0, submittedAt: T0, updatedAt: T0 });
      const followUp = { id: `recovery-follow-up|req-${username}`, kind: 'recovery-follow-up', accountId: `pypi.org/${username}` as const, period: `no-reply:${T0}` };
      await claimReminderFiring(db, followUp, undefined, T0);
      // A history line written without an account (the reminder had resolved when the user acted).
      await recordReminderAction(db, { ...followUp, accountId: undefined }, 'opened', T0 + HOUR);
      const checkUp = { id: `check-up|pypi.org/${username}`, kind: 'check-up', accountId: `pypi.org/${username}` as const, period: `stale-audit:${T0}` };
      await claimReminderFiring(db, checkUp, undefined, T0);
      await recordReminderAction(db, checkUp, 'snoozed', T0 + HOUR, T0 + 7 * DAY);
      await db.put('prompts', { id: `pypi.org/${username}|enable-2fa`, dismissedAt: T0 });
      // A sign-in under way in a tab, typed with other capitals.
      await db.put('pendingLogins', { id: `${username === 'alice' ? 7 : 8}|pypi.org`, host: 'pypi.org', username: username === 'alice' ? 'ALICE' : username, at: T0 });
    }
    // Not any account's: host-wide prompt choices, a request for an account never stored, and the settings.
    await db.put('prompts', { id: 'pypi.org|lost-2fa-help', snoozedUntil: T0 + DAY });
    await db.put('prompts', { id: 'test.pypi.org/alice|enable-2fa', dismissedAt: T0 });
    await db.put('recoveryRequests', { id: 'req-carol', host: 'pypi.org', username: 'carol', status: 'drafted', createdAt: T0, updatedAt: T0 });
    await saveSettings(db, { passwordRotationDays: 90 });
    // The popup's summary, as the last tick wrote it: it names both accounts.
    const summaryOf = async (username: string) => ({ account: (await getAccount(db, `pypi.org/${username}`))!, audit: { results: [], score: null, worst: 'pass' as const, failCount: 0 } });
    await saveAuditSummary(db, { computedAt: T0, entries: [await summaryOf('alice'), await summaryOf('bob')], reminders: [] });
    // A domain's RDAP answer names the domain, never an account: forgetting one leaves it to the
    // next tick, which drops a domain no stored account uses any more.
    await db.put('emailDomains', { domain: 'example.org', hosts: ['example.org'], failures: 0, nextCheckAt: T0 + DAY });
  }

  async function everyStore(): Promise<Record<string, unknown[]>> {
    const stores: Record<string, unknown[]> = {};
    for (const name of db.objectStoreNames) stores[name] = await db.getAll(name);
    return stores;
  }

  it('removes every record about the account from every store in one go, and nothing else', async () => {
    await seedTwoAccounts();
    const before = await everyStore();
    // The seed covers every store, so a store added later must be thought about here too.
    for (const [name, rows] of Object.entries(before)) expect(rows.length, name).toBeGreaterThan(0);

    const aboutAlice = (row: unknown) => /pypi\.org\/alice|req-alice|"Alice"|"alice"|"ALICE"/.test(JSON.stringify(row)) && !JSON.stringify(row).includes('test.pypi.org/alice');
    // …and every store but the settings and the email domains' answers holds something about alice.
    for (const [name, rows] of Object.entries(before)) if (name !== 'settings' && name !== 'emailDomains') expect(rows.filter(aboutAlice).length, name).toBeGreaterThan(0);

    await forgetAccountEverywhere(db, 'pypi.org/alice');
    const after = await everyStore();
    for (const [name, rows] of Object.entries(after)) {
      expect(rows.filter(aboutAlice), name).toEqual([]);
      // Everything else is still there, unchanged.
      expect(rows, name).toEqual(before[name]!.filter((row) => !aboutAlice(row)));
    }
    expect(after.recoveryRequests!.map((row) => (row as { id: string }).id).sort()).toEqual(['req-bob', 'req-carol']);
    expect((after.prompts as { id: string }[]).map((row) => row.id).sort()).toEqual(['pypi.org/bob|enable-2fa', 'pypi.org|lost-2fa-help', 'test.pypi.org/alice|enable-2fa']);
    expect(await getReminderState(db, 'recovery-follow-up|req-alice')).toBeUndefined();
    expect(await getReminderState(db, 'recovery-follow-up|req-bob')).toBeDefined();
  });

  it('forgetting an account whose id is the start of another leaves the other alone', async () => {
    await recordSnapshot(db, { host: 'pypi.org', username: 'al', pageKind: 'account-settings', seenAt: T0 });
    await seedTwoAccounts();
    const aliceBefore = await db.get('accounts', 'pypi.org/alice');
    await forgetAccountEverywhere(db, 'pypi.org/al');
    expect(await db.get('accounts', 'pypi.org/alice')).toEqual(aliceBefore);
    expect(await db.get('prompts', 'pypi.org/alice|enable-2fa')).toBeDefined();
    expect(await db.get('recoveryRequests', 'req-alice')).toBeDefined();
  });
});
