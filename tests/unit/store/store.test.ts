import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDB, type IDBPDatabase } from 'idb';
import {
  deleteStore,
  exportAll,
  getAccount,
  getAccounts,
  getEvents,
  openStore,
  recordSnapshot,
  SNAPSHOTS_KEPT_PER_ACCOUNT,
  wipeAll,
  DB_VERSION,
  getPendingLogin,
  PENDING_LOGIN_TTL_MS,
  recordAttributedSnapshot,
  savePendingLogin,
  readAuditSummary,
  saveAuditSummary,
  forgetAccountEverywhere,
} from '@/utils/store';
import { readReminderInput, updateObserved } from '@/utils/store';
import { summariseHistory } from '@/utils/events/history-summary';
import { MIGRATIONS } from '@/utils/store/schema';
import type { AccountSnapshot, SecurityEventFact } from '@/utils/pypi/snapshot';
import type { PypiGuardDb } from '@/utils/store/schema';

const DAY = 86_400_000;
const EXPORTED_STORES = ['accounts', 'events', 'prompts', 'recoveryRequests', 'reminderHistory', 'reminders', 'settings', 'snapshots'];
const ALL_STORES = [...EXPORTED_STORES, 'pendingLogins', 'auditSummary', 'emailDomains', 'historySummaries'].sort();
const T0 = Date.UTC(2026, 10, 1);
let dbName: string;
let db: PypiGuardDb;
let counter = 0;

beforeEach(async () => {
  dbName = `pypi-guard-test-${counter++}`;
  db = await openStore(dbName);
});
afterEach(async () => {
  db.close();
  await deleteStore(dbName);
});

function snapshot(overrides: Partial<AccountSnapshot> = {}): AccountSnapshot & { username: string } {
  return { host: 'pypi.org', username: 'alice', pageKind: 'account-settings', seenAt: T0, ...overrides } as AccountSnapshot & {
    username: string;
  };
}

const login = (time: number, location = 'Berlin, BE, DE'): SecurityEventFact => ({
  tag: 'account:login:success',
  summary: 'Logged in',
  time,
  location,
  device: 'Firefox (Linux)',
});

describe('recordSnapshot', () => {
  it('keys accounts by host/username and keeps facts from each page', async () => {
    await recordSnapshot(db, snapshot({ twoFactor: { totp: true, securityKeys: [] }, seenAt: T0 }));
    await recordSnapshot(db, snapshot({ pageKind: 'projects', projects: ['sampleproject'], seenAt: T0 + DAY }));
    const account = await getAccount(db, 'pypi.org/alice');
    expect(account?.twoFactor).toEqual({ value: { totp: true, securityKeys: [] }, seenAt: T0 });
    expect(account?.projects).toEqual({ value: ['sampleproject'], seenAt: T0 + DAY });
    expect(account?.pagesSeenAt).toEqual({ 'account-settings': T0, projects: T0 + DAY });
    expect(account?.lastSeenAt).toBe(T0 + DAY);
  });

  it('lets a newer snapshot replace a fact, and never an older one', async () => {
    await recordSnapshot(db, snapshot({ recoveryCodes: { generated: true, unused: 7 }, seenAt: T0 + DAY }));
    await recordSnapshot(db, snapshot({ recoveryCodes: { generated: true, unused: 8 }, seenAt: T0 }));
    expect((await getAccount(db, 'pypi.org/alice'))?.recoveryCodes?.value.unused).toBe(7);
    await recordSnapshot(db, snapshot({ recoveryCodes: { generated: true, unused: 3 }, seenAt: T0 + 2 * DAY }));
    expect((await getAccount(db, 'pypi.org/alice'))?.recoveryCodes?.value.unused).toBe(3);
  });

  it('keeps pypi.org and test.pypi.org accounts apart and matches usernames without case', async () => {
    await recordSnapshot(db, snapshot({ username: 'Alice' }));
    await recordSnapshot(db, snapshot({ username: 'alice', host: 'test.pypi.org' }));
    expect((await getAccounts(db)).map((account) => account.id).sort()).toEqual(['pypi.org/alice', 'test.pypi.org/alice']);
    expect((await getAccount(db, 'pypi.org/alice'))?.username).toBe('Alice');
  });

  it('stores each security event once across visits and keeps events older than 90 days', async () => {
    const old = login(T0 - 100 * DAY);
    await recordSnapshot(db, snapshot({ securityEvents: [login(T0 - DAY), old], seenAt: T0 }));
    // 100 days later PyPI no longer shows `old`; a new login appeared.
    await recordSnapshot(db, snapshot({ securityEvents: [login(T0 + 5 * DAY), login(T0 - DAY)], seenAt: T0 + 10 * DAY }));
    const events = await getEvents(db, 'pypi.org/alice');
    expect(events.map((event) => event.time)).toEqual([T0 + 5 * DAY, T0 - DAY, T0 - 100 * DAY]);
    expect(events.find((event) => event.time === T0 - DAY)?.firstSeenAt).toBe(T0);
  });

  it('tells apart two rows at the same second that differ in what happened', async () => {
    await recordSnapshot(db, snapshot({
      securityEvents: [login(T0), { tag: 'account:login:new_device', summary: 'account:login:new_device', time: T0, location: 'Berlin, BE, DE', device: 'Firefox (Linux)' }],
    }));
    expect(await getEvents(db, 'pypi.org/alice')).toHaveLength(2);
  });

  it('stores an unmapped row once however often it is seen', async () => {
    const unmapped: SecurityEventFact = { tag: 'unknown', summary: 'Angemeldet', time: T0, location: 'Berlin' };
    await recordSnapshot(db, snapshot({ securityEvents: [unmapped], seenAt: T0 }));
    await recordSnapshot(db, snapshot({ securityEvents: [unmapped], seenAt: T0 + DAY }));
    expect(await getEvents(db, 'pypi.org/alice')).toHaveLength(1);
  });

  it('replaces an unmapped row once a later visit maps it, keeping when it was first seen', async () => {
    const where = { location: 'Berlin, BE, DE', device: 'Firefox (Linux)' };
    const german: SecurityEventFact = { tag: 'unknown', summary: 'Angemeldet', details: 'Über Passwort und TOTP', time: T0, ...where };
    const otherPlace: SecurityEventFact = { tag: 'unknown', summary: 'Anmeldung fehlgeschlagen', time: T0, location: 'Lagos, LA, NG', device: 'curl' };
    await recordSnapshot(db, snapshot({ securityEvents: [german, otherPlace], seenAt: T0 }));
    const english: SecurityEventFact = { tag: 'account:login:success', summary: 'Logged in', details: 'Via password and TOTP', time: T0, ...where };
    await recordSnapshot(db, snapshot({ securityEvents: [english, otherPlace], seenAt: T0 + DAY }));

    const events = await getEvents(db, 'pypi.org/alice');
    expect(events.map((event) => [event.tag, event.location, event.firstSeenAt])).toEqual(
      expect.arrayContaining([
        ['account:login:success', 'Berlin, BE, DE', T0],
        ['unknown', 'Lagos, LA, NG', T0],
      ]),
    );
    expect(events).toHaveLength(2);
  });

  it('pairs each mapped row with its own unmapped twin when two rows share a second and a place', async () => {
    const where = { location: 'Berlin, BE, DE', device: 'Firefox (Linux)' };
    await recordSnapshot(db, snapshot({
      securityEvents: [{ tag: 'unknown', summary: 'Angemeldet', time: T0, ...where }, { tag: 'unknown', summary: 'Neues Gerät', time: T0, ...where }],
      seenAt: T0,
    }));
    await recordSnapshot(db, snapshot({
      securityEvents: [{ tag: 'account:login:success', summary: 'Logged in', time: T0, ...where }, { tag: 'account:login:new_device', summary: 'account:login:new_device', time: T0, ...where }],
      seenAt: T0 + DAY,
    }));
    const events = await getEvents(db, 'pypi.org/alice');
    expect(events.map((event) => event.tag).sort()).toEqual(['account:login:new_device', 'account:login:success']);
    expect(events.every((event) => event.firstSeenAt === T0)).toBe(true);
  });

  it('a newer page’s emails and tokens replace the stored lists whole', async () => {
    await recordSnapshot(db, snapshot({
      emails: [{ address: 'alice@example.org', primary: true, verified: true, status: 'verified' }],
      apiTokens: [{ name: 'ci', scope: { kind: 'account' }, createdAt: T0 - DAY, lastUsedAt: T0 - 2 * DAY }],
      seenAt: T0,
    }));
    // A token removed on PyPI is gone, a new status replaces the old.
    await recordSnapshot(db, snapshot({ emails: [{ address: 'alice@example.org', primary: true, verified: false, status: 'unverified' }], apiTokens: [], seenAt: T0 + DAY }));
    expect((await getAccount(db, 'pypi.org/alice'))?.emails?.value).toEqual([{ address: 'alice@example.org', primary: true, verified: false, status: 'unverified' }]);
    expect((await getAccount(db, 'pypi.org/alice'))?.apiTokens?.value).toEqual([]);
  });

  it('moves the history cursor to the newest row read in English, never back, and not for rows read in another language', async () => {
    await recordSnapshot(db, snapshot({ securityEvents: [login(T0 - DAY), login(T0 - 3 * DAY)], historyReadInEnglish: true, seenAt: T0 }));
    expect((await getAccount(db, 'pypi.org/alice'))?.historyReadUpTo).toBe(T0 - DAY);
    // A later read of only older rows (another tab's stale page) does not move it back.
    await recordSnapshot(db, snapshot({ securityEvents: [login(T0 - 3 * DAY)], historyReadInEnglish: true, seenAt: T0 + 1 }));
    // Rows read in German without an English copy stay unmapped: they must be read again.
    await recordSnapshot(db, snapshot({ securityEvents: [{ tag: 'unknown', summary: 'Angemeldet', time: T0 }], seenAt: T0 + 2 }));
    // A revisit that found nothing new.
    await recordSnapshot(db, snapshot({ securityEvents: [], historyReadInEnglish: true, seenAt: T0 + 3 }));
    expect((await getAccount(db, 'pypi.org/alice'))?.historyReadUpTo).toBe(T0 - DAY);
    await recordSnapshot(db, snapshot({ securityEvents: [login(T0 + DAY)], historyReadInEnglish: true, seenAt: T0 + 2 * DAY }));
    expect((await getAccount(db, 'pypi.org/alice'))?.historyReadUpTo).toBe(T0 + DAY);
  });

  it(`keeps only the last ${SNAPSHOTS_KEPT_PER_ACCOUNT} raw snapshots per account`, async () => {
    for (let visit = 0; visit < SNAPSHOTS_KEPT_PER_ACCOUNT + 5; visit++) await recordSnapshot(db, snapshot({ seenAt: T0 + visit }));
    const kept = await db.getAllFromIndex('snapshots', 'byAccount', 'pypi.org/alice');
    expect(kept).toHaveLength(SNAPSHOTS_KEPT_PER_ACCOUNT);
    expect(Math.min(...kept.map((stored) => stored.seenAt))).toBe(T0 + 5);
  });
});

describe('forget, export, wipe', () => {
  it('forgets one account with its events and snapshots, and nothing else', async () => {
    await recordSnapshot(db, snapshot({ securityEvents: [login(T0)] }));
    await recordSnapshot(db, snapshot({ username: 'bob', securityEvents: [login(T0)] }));
    await forgetAccountEverywhere(db, 'pypi.org/alice');
    expect((await getAccounts(db)).map((account) => account.id)).toEqual(['pypi.org/bob']);
    expect(await getEvents(db, 'pypi.org/alice')).toEqual([]);
    expect(await getEvents(db, 'pypi.org/bob')).toHaveLength(1);
    expect(await db.getAllFromIndex('snapshots', 'byAccount', 'pypi.org/alice')).toEqual([]);
  });

  it('exports every store as JSON and wipes everything', async () => {
    await recordSnapshot(db, snapshot({ securityEvents: [login(T0)] }));
    await db.put('settings', { breachCheck: true }, 'settings');
    const exported = await exportAll(db, new Date(T0));
    expect(exported.format).toBe('pypi-guard-export');
    expect(exported.schemaVersion).toBe(DB_VERSION);
    // Short-lived working state (a login typed minutes ago) is not user data to carry elsewhere.
    expect(Object.keys(exported.stores).sort()).toEqual(EXPORTED_STORES);
    expect(exported.stores.settings).toEqual([{ key: 'settings', value: { breachCheck: true } }]);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);

    await savePendingLogin(db, { id: '1|pypi.org', host: 'pypi.org', username: 'alice', at: T0 });
    await saveAuditSummary(db, { computedAt: T0, entries: [], reminders: [] });
    expect((await exportAll(db, new Date(T0))).stores).not.toHaveProperty('pendingLogins');
    // The popup's summary is derived from the rest: not exported, rebuilt after an import.
    expect((await exportAll(db, new Date(T0))).stores).not.toHaveProperty('auditSummary');
    await wipeAll(db);
    const after = await exportAll(db, new Date(T0));
    expect(Object.values(after.stores).every((rows) => rows.length === 0)).toBe(true);
    expect(await db.getAll('pendingLogins')).toEqual([]);
    expect(await readAuditSummary(db)).toBeUndefined();
  });
});

describe('the audit summary', () => {
  const entryOf = async (id: 'pypi.org/alice' | 'pypi.org/bob') => ({ account: (await getAccount(db, id))!, audit: { results: [], score: null, worst: 'pass' as const, failCount: 0 } });

  it('is kept without the accounts removed since the tick read the store', async () => {
    await recordSnapshot(db, snapshot({ username: 'alice' }));
    await recordSnapshot(db, snapshot({ username: 'bob' }));
    const entries = [await entryOf('pypi.org/alice'), await entryOf('pypi.org/bob')];
    await forgetAccountEverywhere(db, 'pypi.org/bob'); // between the tick's read and its write
    await saveAuditSummary(db, { computedAt: T0, entries, reminders: [] });
    expect((await readAuditSummary(db))?.entries.map((entry) => entry.account.id)).toEqual(['pypi.org/alice']);
  });

  it('written by another version of PyPI Guard (another shape) is not read', async () => {
    await db.put('auditSummary', { computedAt: T0, entries: [], reminders: [], format: 0 } as never, 'latest');
    expect(await readAuditSummary(db)).toBeUndefined();
    await saveAuditSummary(db, { computedAt: T0, entries: [], reminders: [] });
    expect(await readAuditSummary(db)).toEqual({ computedAt: T0, entries: [], reminders: [] });
  });
});

describe('recordAttributedSnapshot', () => {
  it('finds the account by the typed name without regard to case, and keeps the displayed username', async () => {
    await recordSnapshot(db, snapshot({ username: 'Alice', seenAt: T0 }));
    const record = await recordAttributedSnapshot(db, { host: 'pypi.org', pageKind: 'two-factor', seenAt: T0 + DAY, loginMethods: { totp: true, webauthn: true, recoveryCodes: false } }, 'ALICE');
    expect(record).toMatchObject({ id: 'pypi.org/alice', username: 'Alice', lastSeenAt: T0 + DAY, loginMethods: { value: { totp: true, webauthn: true, recoveryCodes: false } } });
    expect((await getAccount(db, 'pypi.org/alice'))?.username).toBe('Alice');
    expect((await db.getAllFromIndex('snapshots', 'byAccount', 'pypi.org/alice')).map((stored) => stored.username)).toEqual(['Alice', 'Alice']);
  });

  it('creates nothing for a name no stored account has', async () => {
    expect(await recordAttributedSnapshot(db, { host: 'pypi.org', pageKind: 'two-factor', seenAt: T0 }, 'nobody')).toBeNull();
    expect(await getAccounts(db)).toEqual([]);
    expect(await db.getAll('snapshots')).toEqual([]);
  });
});

describe('pending logins', () => {
  const login = (id: string, username: string, at: number) => ({ id, host: 'pypi.org' as const, username, at });

  it(`are kept ${PENDING_LOGIN_TTL_MS / 60_000} minutes, then deleted when read`, async () => {
    await savePendingLogin(db, login('7|pypi.org', 'alice', T0));
    expect(await getPendingLogin(db, '7|pypi.org', T0 + PENDING_LOGIN_TTL_MS)).toEqual(login('7|pypi.org', 'alice', T0));
    expect(await getPendingLogin(db, '8|pypi.org', T0)).toBeUndefined();
    expect(await getPendingLogin(db, '7|pypi.org', T0 + PENDING_LOGIN_TTL_MS + 1)).toBeUndefined();
    expect(await db.getAll('pendingLogins')).toEqual([]);
  });

  it('a login from the future (a clock set back) is not trusted', async () => {
    await savePendingLogin(db, login('7|pypi.org', 'alice', T0));
    expect(await getPendingLogin(db, '7|pypi.org', T0 - 1)).toBeUndefined();
  });
});

/*
 * Each earlier version's schema, written out here with the idb calls that version made, frozen:
 * a later edit of MIGRATIONS must not change what "an old database" means in this test.
 */
const FROZEN_SCHEMAS: Record<number, (db: IDBPDatabase) => void> = {
  1: (old) => {
    old.createObjectStore('accounts', { keyPath: 'id' });
    old.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true }).createIndex('byAccount', 'accountId');
    old.createObjectStore('events', { keyPath: 'id' }).createIndex('byAccount', 'accountId');
    old.createObjectStore('settings');
  },
  2: (old) => {
    FROZEN_SCHEMAS[1]!(old);
    old.createObjectStore('reminders', { keyPath: 'id' });
    old.createObjectStore('reminderHistory', { keyPath: 'id', autoIncrement: true }).createIndex('byAt', 'at');
    old.createObjectStore('recoveryRequests', { keyPath: 'id' }).createIndex('byUsername', 'username');
    old.createObjectStore('prompts', { keyPath: 'id' });
  },
  3: (old) => {
    FROZEN_SCHEMAS[2]!(old);
    old.createObjectStore('pendingLogins', { keyPath: 'id' });
  },
  4: (old) => {
    FROZEN_SCHEMAS[3]!(old);
    old.createObjectStore('auditSummary');
  },
  5: (old) => {
    FROZEN_SCHEMAS[4]!(old);
    old.createObjectStore('emailDomains', { keyPath: 'domain' });
  },
};

/** Records as versions 1 to 3 wrote them (hand-written, not produced by today's code). */
const OLD_ACCOUNT = {
  id: 'pypi.org/alice',
  host: 'pypi.org',
  username: 'Alice',
  firstSeenAt: T0 - 10 * DAY,
  lastSeenAt: T0 - DAY,
  pagesSeenAt: { 'account-settings': T0 - DAY },
  emails: { value: [{ address: 'alice@example.org', primary: true, verified: true, status: 'verified' }], seenAt: T0 - DAY },
  twoFactor: { value: { totp: true, securityKeys: [] }, seenAt: T0 - DAY },
};
const OLD_EVENT = {
  id: `pypi.org/alice|${T0 - 2 * DAY}|account:login:success||Berlin, BE, DE|Firefox (Linux)`,
  accountId: 'pypi.org/alice',
  tag: 'account:login:success',
  summary: 'Logged in',
  time: T0 - 2 * DAY,
  location: 'Berlin, BE, DE',
  device: 'Firefox (Linux)',
  firstSeenAt: T0 - DAY,
};

describe('migrations', () => {
  it('the frozen schemas cover every earlier version', () => {
    expect(Object.keys(FROZEN_SCHEMAS).map(Number)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, index) => index + 1));
  });

  it.each(Object.keys(FROZEN_SCHEMAS).map(Number))('a version-%i database with an account and an event upgrades to the current version', async (fromVersion) => {
    const name = `pypi-guard-migration-${fromVersion}-${counter++}`;
    const old = await openDB(name, fromVersion, { upgrade: (oldDb) => FROZEN_SCHEMAS[fromVersion]!(oldDb) });
    await old.put('accounts', OLD_ACCOUNT);
    await old.put('events', OLD_EVENT);
    await old.add('snapshots', { host: 'pypi.org', username: 'Alice', pageKind: 'account-settings', seenAt: T0 - DAY, accountId: 'pypi.org/alice' });
    await old.put('settings', { breachCheck: false }, 'settings');
    old.close();

    const current = await openStore(name);
    try {
      expect(current.version).toBe(DB_VERSION);
      expect([...current.objectStoreNames].sort()).toEqual(ALL_STORES);
      // The indexes came through, on the same key paths.
      const tx = current.transaction(['snapshots', 'events', 'reminderHistory', 'recoveryRequests'], 'readonly');
      expect(tx.objectStore('events').index('byAccount').keyPath).toBe('accountId');
      expect(tx.objectStore('snapshots').index('byAccount').keyPath).toBe('accountId');
      expect(tx.objectStore('reminderHistory').index('byAt').keyPath).toBe('at');
      expect(tx.objectStore('recoveryRequests').index('byUsername').keyPath).toBe('username');
      await tx.done;

      // The old records are read by today's code, through the indexes.
      expect(await getAccount(current, 'pypi.org/alice')).toEqual(OLD_ACCOUNT);
      expect(await getEvents(current, 'pypi.org/alice')).toEqual([OLD_EVENT]);
      expect(await current.getAllFromIndex('snapshots', 'byAccount', 'pypi.org/alice')).toHaveLength(1);
      expect(await current.get('settings', 'settings')).toEqual({ breachCheck: false });

      // And today's code keeps writing into them: a new visit merges, the old row is not doubled.
      await recordSnapshot(current, snapshot({ username: 'alice', seenAt: T0, securityEvents: [login(T0 - 2 * DAY), login(T0 - 3 * 3_600_000)] }));
      expect((await getAccount(current, 'pypi.org/alice'))?.twoFactor).toEqual(OLD_ACCOUNT.twoFactor);
      expect((await getEvents(current, 'pypi.org/alice')).map((event) => event.time)).toEqual([T0 - 3 * 3_600_000, T0 - 2 * DAY]);
      await savePendingLogin(current, { id: '1|pypi.org', host: 'pypi.org', username: 'alice', at: T0 });
      expect(await getPendingLogin(current, '1|pypi.org', T0)).toMatchObject({ username: 'alice' });
      // The history summary the old version never kept: built from the rows, as a tick reads it.
      const [input] = (await readReminderInput(current)).accounts;
      expect(input?.history).toEqual(summariseHistory(await getEvents(current, 'pypi.org/alice'), input?.account.observed));
    } finally {
      current.close();
      await deleteStore(name);
    }
  });

  it('a new database is created at the current version', async () => {
    expect(db.version).toBe(MIGRATIONS.length);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
  });
});

describe('history summaries', () => {
  const failure = (time: number): SecurityEventFact => ({ tag: 'account:login:failure', summary: 'Login failed', time, location: 'Lagos, LA, NG', device: 'Chrome' });
  const storedSummary = async () => (await db.get('historySummaries', 'pypi.org/alice'))?.summary;
  const fromRows = async () => summariseHistory(await getEvents(db, 'pypi.org/alice'), (await getAccount(db, 'pypi.org/alice'))?.observed);

  it('follow every visit that adds rows: always what the rows say, written with them', async () => {
    await recordSnapshot(db, snapshot({ seenAt: T0, securityEvents: [login(T0 - 3 * DAY), failure(T0 - 2 * DAY)] }));
    expect(await storedSummary()).toEqual(await fromRows());
    await recordSnapshot(db, snapshot({ seenAt: T0 + DAY, securityEvents: [failure(T0 + DAY - 3_000), failure(T0 + DAY - 2_000), failure(T0 + DAY - 1_000)] }));
    const summary = await storedSummary();
    expect(summary).toEqual(await fromRows());
    expect(summary?.unacknowledged.suspicious).toEqual([{ reason: 'login-failure', count: 4 }]);
    expect(summary?.evidence.failedLoginBurst).toMatchObject({ count: 3 });
  });

  it('follow an acknowledgement or a password change in the same write', async () => {
    await recordSnapshot(db, snapshot({ securityEvents: [failure(T0 - 2_000), failure(T0 - 1_000)] }));
    await updateObserved(db, 'pypi.org/alice', (observed) => ({ ...observed, eventsAcknowledgedAt: T0 + 1 }));
    expect((await storedSummary())?.unacknowledged.suspicious).toEqual([]);
    expect(await storedSummary()).toEqual(await fromRows());
    await updateObserved(db, 'pypi.org/alice', (observed) => ({ ...observed, passwordChangedAt: T0 + 2 }));
    expect((await storedSummary())?.basis).toEqual({ acknowledgedAt: T0 + 1, passwordChangedAt: T0 + 2 });
  });

  it('are what a tick reads: it reads no rows while the summaries are there', async () => {
    await recordSnapshot(db, snapshot({ securityEvents: [failure(T0 - 2_000), failure(T0 - 1_000)] }));
    const before = (await readReminderInput(db)).accounts[0]?.history;
    // Rows gone behind the store's back: a tick that read them would see a different history.
    await db.clear('events');
    expect((await readReminderInput(db)).accounts[0]?.history).toEqual(before);
    expect(before?.unacknowledged.suspicious).toEqual([{ reason: 'login-failure', count: 2 }]);
  });

  it('are built again from the rows when missing (an import clears them) or stale', async () => {
    await recordSnapshot(db, snapshot({ securityEvents: [failure(T0 - 2_000)] }));
    await db.clear('historySummaries');
    expect((await readReminderInput(db)).accounts[0]?.history).toEqual(await fromRows());
    expect(await storedSummary()).toEqual(await fromRows());
    // An account record written without going through updateObserved (an import) is caught too.
    const account = (await getAccount(db, 'pypi.org/alice'))!;
    await db.put('accounts', { ...account, observed: { eventsAcknowledgedAt: T0 } });
    expect((await readReminderInput(db)).accounts[0]?.history.unacknowledged.suspicious).toEqual([]);
  });

  it('go with the account when it is forgotten', async () => {
    await recordSnapshot(db, snapshot({ securityEvents: [failure(T0 - 2_000)] }));
    await forgetAccountEverywhere(db, 'pypi.org/alice');
    expect(await db.getAll('historySummaries')).toEqual([]);
  });
});
