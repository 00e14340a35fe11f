import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleHistoryCursorMessage, handleSnapshotMessage, rememberLoginAttempt } from '@/utils/background/snapshots';
import { deleteStore, getAccounts, openStore, PENDING_LOGIN_TTL_MS } from '@/utils/store';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';
import type { SnapshotMessage } from '@/utils/messages';

const NOW = Date.UTC(2026, 10, 25, 12);
const fromPypi = { kind: 'content-script', host: 'pypi.org', tabId: 7 } as const;
const LOGIN_METHODS = { totp: true, webauthn: false, recoveryCodes: true };

function message(overrides: Partial<AccountSnapshot>): SnapshotMessage {
  return { type: 'snapshot', snapshot: { host: 'pypi.org', pageKind: 'account-settings', seenAt: NOW, username: 'alice', ...overrides } } as SnapshotMessage;
}
const twoFactorPage = (seenAt = NOW) => message({ pageKind: 'two-factor', username: undefined, seenAt, loginMethods: LOGIN_METHODS });

async function stored<T>(read: (db: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const db = await openStore();
  try {
    return await read(db);
  } finally {
    db.close();
  }
}
const storedAccountIds = async () => (await stored(getAccounts)).map((account) => account.id).sort();

beforeEach(() => {
  fakeBrowser.reset();
  // The version of the reader goes with what it could not read; the fake browser has no manifest.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'PyPI Guard', version: '9.8.7' });
});
afterEach(() => deleteStore());

describe('handleSnapshotMessage', () => {
  it('stores a snapshot whose host is the sender’s', async () => {
    expect(await handleSnapshotMessage(message({}), fromPypi, NOW)).toMatchObject({ id: 'pypi.org/alice' });
    expect(await storedAccountIds()).toEqual(['pypi.org/alice']);
  });

  it('keeps what the page could not read, with this version of PyPI Guard, until a later page reads it', async () => {
    const unreadable = message({ seenAt: NOW, unreadable: [{ fact: 'recoveryCodes', missing: 'recovery-count' }], twoFactor: { totp: true, securityKeys: [] } });
    expect(await handleSnapshotMessage(unreadable, fromPypi, NOW)).toMatchObject({
      twoFactor: { value: { totp: true } },
      unreadable: { recoveryCodes: { missing: 'recovery-count', pageKind: 'account-settings', seenAt: NOW, version: '9.8.7' } },
    });
    const readAgain = await handleSnapshotMessage(message({ seenAt: NOW + 1, recoveryCodes: { generated: true, unused: 5 } }), fromPypi, NOW + 1);
    expect(readAgain?.unreadable).toBeUndefined();
    expect(readAgain?.recoveryCodes?.value.unused).toBe(5);
  });

  it('drops a snapshot that claims another host than the page that sent it', async () => {
    expect(await handleSnapshotMessage(message({ host: 'test.pypi.org' }), fromPypi, NOW)).toBeNull();
    expect(await storedAccountIds()).toEqual([]);
  });
});

describe('the history cursor', () => {
  const row = (time: number) => ({ tag: 'account:login:success' as const, summary: 'Logged in', time });

  it('is null until a history was read in English, then the newest row stored, for the sender’s host only', async () => {
    const cursor = (username: string, from: { kind: 'content-script'; host: 'pypi.org' | 'test.pypi.org'; tabId: number } = fromPypi) =>
      handleHistoryCursorMessage({ type: 'history-cursor', username }, from);
    expect(await cursor('alice')).toEqual({ storedUpTo: null });
    await handleSnapshotMessage(message({ securityEvents: [row(NOW - 60_000), row(NOW - 3_600_000)], historyReadInEnglish: true }), fromPypi, NOW);
    expect(await cursor('alice')).toEqual({ storedUpTo: NOW - 60_000 });
    expect(await cursor('ALICE')).toEqual({ storedUpTo: NOW - 60_000 }); // PyPI ignores the case of usernames
    expect(await cursor('alice', { kind: 'content-script', host: 'test.pypi.org', tabId: 7 })).toEqual({ storedUpTo: null });
    expect(await cursor('bob')).toEqual({ storedUpTo: null });
  });
});

describe('the two-factor page, which names nobody', () => {
  beforeEach(async () => {
    // alice is known from her account settings page, which names her itself.
    await handleSnapshotMessage(message({ seenAt: NOW - 60_000 }), fromPypi, NOW - 60_000);
  });

  it('is attributed to the login just submitted in the same tab, within a few minutes', async () => {
    expect(await handleSnapshotMessage(twoFactorPage(), fromPypi, NOW)).toBeNull(); // no login typed yet
    await rememberLoginAttempt({ type: 'login-attempt', username: 'alice' }, fromPypi, NOW);
    expect(await handleSnapshotMessage(twoFactorPage(), { ...fromPypi, tabId: 8 }, NOW)).toBeNull(); // another tab
    // In time, in the same tab: the page's login methods go to alice.
    expect(await handleSnapshotMessage(twoFactorPage(NOW + PENDING_LOGIN_TTL_MS), fromPypi, NOW + PENDING_LOGIN_TTL_MS)).toMatchObject({
      id: 'pypi.org/alice',
      loginMethods: { value: LOGIN_METHODS },
    });
    expect(await handleSnapshotMessage(twoFactorPage(NOW + PENDING_LOGIN_TTL_MS + 1), fromPypi, NOW + PENDING_LOGIN_TTL_MS + 1)).toBeNull(); // too late
  });

  it('the name as typed only finds the account: typing "ALICE" keeps "alice" displayed', async () => {
    await rememberLoginAttempt({ type: 'login-attempt', username: 'ALICE' }, fromPypi, NOW);
    const record = await handleSnapshotMessage(twoFactorPage(NOW + 1_000), fromPypi, NOW + 1_000);
    expect(record).toMatchObject({ id: 'pypi.org/alice', username: 'alice', loginMethods: { value: LOGIN_METHODS, seenAt: NOW + 1_000 } });
    const [account] = await stored(getAccounts);
    expect(account?.username).toBe('alice');
    expect(await storedAccountIds()).toEqual(['pypi.org/alice']);
  });

  it('creates no account for a name PyPI Guard has never seen on a page that names its user', async () => {
    await rememberLoginAttempt({ type: 'login-attempt', username: 'bob' }, fromPypi, NOW);
    expect(await handleSnapshotMessage(twoFactorPage(), fromPypi, NOW)).toBeNull();
    expect(await storedAccountIds()).toEqual(['pypi.org/alice']);
  });

  it('a later page that names the user sets the displayed username', async () => {
    await handleSnapshotMessage(message({ username: 'Alice', seenAt: NOW + 5_000 }), fromPypi, NOW + 5_000);
    expect((await stored(getAccounts))[0]?.username).toBe('Alice');
  });
});

describe('a login survives the service worker being stopped', () => {
  beforeEach(async () => {
    await handleSnapshotMessage(message({ seenAt: NOW - 60_000 }), fromPypi, NOW - 60_000);
  });

  /** A fresh copy of the module, as after Chrome restarts the worker: its memory is gone. */
  async function restartedWorker(): Promise<typeof import('@/utils/background/snapshots')> {
    vi.resetModules();
    return import('@/utils/background/snapshots');
  }

  it('keeps the typed username in IndexedDB, never the password', async () => {
    await rememberLoginAttempt({ type: 'login-attempt', username: 'alice' }, fromPypi, NOW);
    expect(await stored((db) => db.getAll('pendingLogins'))).toEqual([{ id: '7|pypi.org', host: 'pypi.org', username: 'alice', at: NOW }]);
  });

  it('attributes the two-factor page after a restart between login and 2FA', async () => {
    await rememberLoginAttempt({ type: 'login-attempt', username: 'alice' }, fromPypi, NOW);
    const worker = await restartedWorker();
    expect(await worker.handleSnapshotMessage(twoFactorPage(NOW + 90_000), fromPypi, NOW + 90_000)).toMatchObject({ id: 'pypi.org/alice', loginMethods: { value: LOGIN_METHODS } });
  });

  it('not once the login has expired, and the expired login is deleted', async () => {
    await rememberLoginAttempt({ type: 'login-attempt', username: 'alice' }, fromPypi, NOW);
    const worker = await restartedWorker();
    const late = NOW + PENDING_LOGIN_TTL_MS + 1;
    expect(await worker.handleSnapshotMessage(twoFactorPage(late), fromPypi, late)).toBeNull();
    expect(await stored((db) => db.getAll('pendingLogins'))).toEqual([]);
    expect((await stored(getAccounts))[0]?.loginMethods).toBeUndefined();
  });

  it('each tab keeps its own login; a new one in a tab replaces the old, and expired ones are swept', async () => {
    await rememberLoginAttempt({ type: 'login-attempt', username: 'alice' }, { ...fromPypi, tabId: 1 }, NOW);
    await rememberLoginAttempt({ type: 'login-attempt', username: 'bob' }, { ...fromPypi, tabId: 2 }, NOW);
    await rememberLoginAttempt({ type: 'login-attempt', username: 'ALICE' }, { ...fromPypi, tabId: 1 }, NOW + 1_000);
    expect((await stored((db) => db.getAll('pendingLogins'))).map((login) => [login.id, login.username])).toEqual([
      ['1|pypi.org', 'ALICE'],
      ['2|pypi.org', 'bob'],
    ]);
    await rememberLoginAttempt({ type: 'login-attempt', username: 'carol' }, { ...fromPypi, tabId: 3 }, NOW + PENDING_LOGIN_TTL_MS + 1_001);
    expect((await stored((db) => db.getAll('pendingLogins'))).map((login) => login.id)).toEqual(['3|pypi.org']);
  });
});
