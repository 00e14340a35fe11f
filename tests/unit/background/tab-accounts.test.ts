import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultHandlers } from '@/utils/background/router';
import { rememberLoginAttempt } from '@/utils/background/snapshots';
import { bindTabAccount, forgetTabAccounts, tabAccount } from '@/utils/background/tab-accounts';
import { deleteStore } from '@/utils/store';
import type { SnapshotMessage } from '@/utils/messages';

const NOW = Date.now();
const tab = (tabId: number, host: 'pypi.org' | 'test.pypi.org' = 'pypi.org') => ({ kind: 'content-script', host, tabId }) as const;
const snapshot = (snap: Partial<SnapshotMessage['snapshot']>): SnapshotMessage => ({ type: 'snapshot', snapshot: { host: 'pypi.org', pageKind: 'account-settings', seenAt: NOW, ...snap } });

beforeEach(() => {
  fakeBrowser.reset();
  // A stored snapshot carries the reader's version (for what it could not read); the fake browser has no manifest.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'PyPI Guard', version: '9.8.7' });
});
afterEach(() => deleteStore());

describe('the account each tab’s page showed', () => {
  it('is the account of the tab’s last stored snapshot, per tab and PyPI host', async () => {
    await defaultHandlers.snapshot(snapshot({ username: 'Alice' }), tab(7));
    expect(await tabAccount(tab(7))).toBe('pypi.org/alice');
    expect(await tabAccount(tab(8))).toBeNull();
    expect(await tabAccount(tab(7, 'test.pypi.org'))).toBeNull();
    // The tab moves on to another account's page: now that one.
    await defaultHandlers.snapshot(snapshot({ username: 'bob' }), tab(7));
    expect(await tabAccount(tab(7))).toBe('pypi.org/bob');
  });

  it('on the two-factor step, the login submitted in that tab (once the account is known)', async () => {
    await defaultHandlers.snapshot(snapshot({ username: 'alice' }), tab(7));
    rememberLoginAttempt({ type: 'login-attempt', username: 'ALICE' }, tab(9), NOW);
    await defaultHandlers.snapshot(snapshot({ pageKind: 'two-factor', username: undefined, loginMethods: { totp: true, webauthn: false, recoveryCodes: true } }), tab(9));
    expect(await tabAccount(tab(9))).toBe('pypi.org/alice');
  });

  it('is not set by a snapshot that was not stored (a host the page is not on)', async () => {
    await defaultHandlers.snapshot(snapshot({ host: 'test.pypi.org', username: 'mallory' }), tab(7));
    expect(await tabAccount(tab(7))).toBeNull();
    expect(await tabAccount(tab(7, 'test.pypi.org'))).toBeNull();
  });

  it('lives in session storage, away from disk, and goes with the tab', async () => {
    await bindTabAccount(tab(7), 'pypi.org/alice');
    await bindTabAccount(tab(7, 'test.pypi.org'), 'test.pypi.org/alice');
    await bindTabAccount(tab(8), 'pypi.org/bob');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual(['tabAccount:7|pypi.org', 'tabAccount:7|test.pypi.org', 'tabAccount:8|pypi.org']);
    await forgetTabAccounts(7);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['tabAccount:8|pypi.org']);
  });
});
