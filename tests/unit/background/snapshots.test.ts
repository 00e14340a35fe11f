import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleSnapshotMessage, rememberLoginAttempt } from '@/utils/background/snapshots';
import { deleteStore, getAccounts, openStore } from '@/utils/store';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';
import type { SnapshotMessage } from '@/utils/messages';

const NOW = Date.UTC(2026, 10, 25, 12);
const fromPypi = { kind: 'content-script', host: 'pypi.org', tabId: 7 } as const;

function message(overrides: Partial<AccountSnapshot>): SnapshotMessage {
  return { type: 'snapshot', snapshot: { host: 'pypi.org', pageKind: 'account-settings', seenAt: NOW, username: 'alice', ...overrides } } as SnapshotMessage;
}

async function storedAccountIds(): Promise<string[]> {
  const db = await openStore();
  try {
    return (await getAccounts(db)).map((account) => account.id).sort();
  } finally {
    db.close();
  }
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => deleteStore());

describe('handleSnapshotMessage', () => {
  it('stores a snapshot whose host is the sender’s', async () => {
    expect(await handleSnapshotMessage(message({}), fromPypi, NOW)).toMatchObject({ id: 'pypi.org/alice' });
    expect(await storedAccountIds()).toEqual(['pypi.org/alice']);
  });

  it('drops a snapshot that claims another host than the page that sent it', async () => {
    expect(await handleSnapshotMessage(message({ host: 'test.pypi.org' }), fromPypi, NOW)).toBeNull();
    expect(await storedAccountIds()).toEqual([]);
  });

  it('attributes a page without a username to the login just submitted in the same tab, for ten minutes', async () => {
    const twoFactorPage = message({ pageKind: 'two-factor', username: undefined });
    expect(await handleSnapshotMessage(twoFactorPage, fromPypi, NOW)).toBeNull();

    rememberLoginAttempt({ type: 'login-attempt', username: 'bob' }, fromPypi, NOW);
    expect(await handleSnapshotMessage(twoFactorPage, { ...fromPypi, tabId: 8 }, NOW)).toBeNull(); // another tab
    expect(await handleSnapshotMessage(twoFactorPage, fromPypi, NOW + 11 * 60_000)).toBeNull(); // too late
    expect(await handleSnapshotMessage(twoFactorPage, fromPypi, NOW + 60_000)).toMatchObject({ id: 'pypi.org/bob' });
    expect(await storedAccountIds()).toEqual(['pypi.org/bob']);
  });
});
