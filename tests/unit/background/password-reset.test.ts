import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  handlePasswordResetMessage,
  PASSWORD_RESET_INTENT_TTL_MS,
  PasswordResetIntents,
  type PasswordResetDeps,
} from '@/utils/background/password-reset';
import { parseMessage } from '@/utils/messages';
import { classifySender } from '@/utils/sender';
import { deleteStore, openStore, recordSnapshot } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

const OWN_ID = 'pypi-guard-id';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

// Senders as the browser describes them; classifySender decides who they are, as in background.ts.
const ASSISTANT = { id: OWN_ID, url: `${OWN_ORIGIN}recovery.html?host=pypi.org`, tab: { id: 3 } };
const RESET_PAGE = (host: string) => ({ id: OWN_ID, url: `https://${host}/account/request-password-reset/`, tab: { id: 4 } });

let dbName: string;
let db: PypiGuardDb;
let counter = 0;
let now: number;
let deps: PasswordResetDeps;

beforeEach(async () => {
  dbName = `pypi-guard-password-reset-${counter++}`;
  db = await openStore(dbName);
  now = T0;
  deps = { intents: new PasswordResetIntents(), now: () => now, openDb: () => openStore(dbName) };
});

afterEach(async () => {
  db.close();
  await deleteStore(dbName);
});

/** What background.ts does with a raw message: parse, classify the sender, route. */
function receive(raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }) {
  const message = parseMessage(raw);
  const from = classifySender(sender as Parameters<typeof classifySender>[0], OWN_ID, OWN_ORIGIN);
  if (!message || !from) return undefined;
  if (message.type !== 'expect-password-reset' && message.type !== 'password-reset-username') throw new Error(`unexpected ${message.type}`);
  return handlePasswordResetMessage(message, from, deps);
}

const expectReset = (username: string, host = 'pypi.org') => receive({ type: 'expect-password-reset', host, username }, ASSISTANT);
const askFrom = (host: string) => receive({ type: 'password-reset-username' }, RESET_PAGE(host));

async function storeAccount(host: 'pypi.org' | 'test.pypi.org', username: string) {
  await recordSnapshot(db, { host, username, pageKind: 'account-settings', seenAt: T0 - 86_400_000 });
}

describe('the username chosen in the assistant', () => {
  it('reaches the reset page on the same host', async () => {
    await expect(expectReset('alice')).resolves.toEqual({ noted: true });
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'alice', source: 'assistant' });
  });

  it('is given once: a reload of the page gets nothing more', async () => {
    await expectReset('alice');
    await askFrom('pypi.org');
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
  });

  it('expires after ten minutes', async () => {
    await expectReset('alice');
    now = T0 + PASSWORD_RESET_INTENT_TTL_MS;
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
  });

  it('is still there just before it expires', async () => {
    await expectReset('alice');
    now = T0 + PASSWORD_RESET_INTENT_TTL_MS - 1;
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'alice', source: 'assistant' });
  });

  it('is given only to the host it was chosen for, and a page on the other host does not use it up', async () => {
    await expectReset('alice', 'pypi.org');
    await expect(askFrom('test.pypi.org')).resolves.toEqual({ username: null });
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'alice', source: 'assistant' });
  });

  it('is replaced by a later choice', async () => {
    await expectReset('alice');
    await expectReset('bob');
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'bob', source: 'assistant' });
  });

  it('wins over the stored account', async () => {
    await storeAccount('pypi.org', 'stored-one');
    await expectReset('alice');
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'alice', source: 'assistant' });
  });
});

describe('messages that do not fit the protocol are dropped', () => {
  it.each([
    ['a username PyPI would refuse', { type: 'expect-password-reset', host: 'pypi.org', username: 'has space' }],
    ['a username too long', { type: 'expect-password-reset', host: 'pypi.org', username: 'a'.repeat(51) }],
    ['an empty username', { type: 'expect-password-reset', host: 'pypi.org', username: '' }],
    ['a host that is not PyPI', { type: 'expect-password-reset', host: 'evil.example', username: 'alice' }],
    ['no host', { type: 'expect-password-reset', username: 'alice' }],
    ['an extra field', { type: 'expect-password-reset', host: 'pypi.org', username: 'alice', url: 'https://evil.example/' }],
    ['an extra field on the question', { type: 'password-reset-username', host: 'pypi.org' }],
  ])('%s', (_, raw) => {
    expect(parseMessage(raw)).toBeNull();
    expect(receive(raw, ASSISTANT)).toBeUndefined();
  });
});

describe('only our own code may set or read the username', () => {
  it('ignores a content script trying to set it', async () => {
    expect(receive({ type: 'expect-password-reset', host: 'pypi.org', username: 'mallory' }, RESET_PAGE('pypi.org'))).toBeUndefined();
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
  });

  it('ignores a web page or another extension trying to set it', async () => {
    expect(receive({ type: 'expect-password-reset', host: 'pypi.org', username: 'mallory' }, { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' })).toBeUndefined();
    expect(receive({ type: 'expect-password-reset', host: 'pypi.org', username: 'mallory' }, { id: OWN_ID, url: 'https://evil.example/', tab: { id: 9 } })).toBeUndefined();
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
  });

  it('does not answer, nor use up the choice for, an extension page or a non-PyPI page asking', async () => {
    await expectReset('alice');
    expect(receive({ type: 'password-reset-username' }, ASSISTANT)).toBeUndefined();
    expect(receive({ type: 'password-reset-username' }, RESET_PAGE('pypi.org.evil.example'))).toBeUndefined();
    expect(receive({ type: 'password-reset-username' }, { id: OWN_ID, url: 'http://pypi.org/account/request-password-reset/', tab: { id: 4 } })).toBeUndefined();
    expect(receive({ type: 'password-reset-username' }, { id: 'other-extension', url: 'https://pypi.org/account/request-password-reset/', tab: { id: 4 } })).toBeUndefined();
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'alice', source: 'assistant' });
  });
});

describe('without a choice from the assistant', () => {
  it('offers the only account stored for the host', async () => {
    await storeAccount('pypi.org', 'Alice');
    await storeAccount('test.pypi.org', 'alice-test');
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'Alice', source: 'stored-account' });
    await expect(askFrom('test.pypi.org')).resolves.toEqual({ username: 'alice-test', source: 'stored-account' });
  });

  it('offers nothing when several accounts are stored for the host', async () => {
    await storeAccount('pypi.org', 'alice');
    await storeAccount('pypi.org', 'bob');
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
  });

  it('offers nothing when none is stored, or only on the other host', async () => {
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
    await storeAccount('test.pypi.org', 'alice');
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
  });

  it('offers nothing when the store cannot be opened', async () => {
    deps = { ...deps, openDb: () => Promise.reject(new Error('IndexedDB unavailable')) };
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: null });
  });

  it('falls back to the stored account once the choice is used up or expired', async () => {
    await storeAccount('pypi.org', 'stored-one');
    await expectReset('alice');
    await askFrom('pypi.org');
    await expect(askFrom('pypi.org')).resolves.toEqual({ username: 'stored-one', source: 'stored-account' });
  });
});
