import { browser } from 'wxt/browser';
import type { HistoryCursorMessage, HistoryCursorReply, LoginAttemptMessage, SnapshotMessage } from '../messages';
import type { TrustedSender } from '../sender';
import type { PypiGuardDb } from '../store/schema';
import {
  accountIdOf,
  getAccount,
  getPendingLogin,
  isFreshPendingLogin,
  openStore,
  recordAttributedSnapshot,
  recordSnapshot,
  savePendingLogin,
  type AccountRecord,
  type PendingLogin,
} from '../store';
import { refreshProjectSources } from './project-sources';

type ContentScriptSender = Extract<TrustedSender, { kind: 'content-script' }>;

/**
 * Per tab: the username last submitted on PyPI's login form (not a secret). Kept in IndexedDB,
 * because Chrome may stop the service worker between the login form and the two-factor page;
 * this map only spares a database read while the worker lives.
 */
const recentLogins = new Map<string, PendingLogin>();
const tabKey = (from: ContentScriptSender) => `${from.tabId ?? -1}|${from.host}`;

/**
 * The sender's tab's pending login: this worker's copy while it is fresh (no database read), else
 * the stored one, through `db` or a connection of its own.
 */
async function findPendingLogin(from: ContentScriptSender, now: number, db?: PypiGuardDb): Promise<PendingLogin | undefined> {
  const memory = recentLogins.get(tabKey(from));
  if (memory && isFreshPendingLogin(memory, now)) return memory;
  if (db) return getPendingLogin(db, tabKey(from), now);
  const own = await openStore();
  try {
    return await getPendingLogin(own, tabKey(from), now);
  } finally {
    own.close();
  }
}

export async function rememberLoginAttempt(message: LoginAttemptMessage, from: ContentScriptSender, now = Date.now()): Promise<void> {
  const login: PendingLogin = { id: tabKey(from), host: from.host, username: message.username, at: now };
  recentLogins.set(login.id, login);
  // The router does not wait for this: a failed write must not surface as an unhandled rejection
  // (the copy in memory still serves while this worker lives).
  try {
    const db = await openStore();
    try {
      await savePendingLogin(db, login);
    } finally {
      db.close();
    }
  } catch {
    // nothing else to do: the two-factor page may then go unattributed after a restart
  }
}

/** The username of the login pending in the sender's tab (the sign-in steps belong to it), or null. */
export async function pendingLoginUsername(from: ContentScriptSender, now = Date.now()): Promise<string | null> {
  try {
    return (await findPendingLogin(from, now))?.username ?? null;
  } catch {
    return null;
  }
}

/**
 * Stores a snapshot from a content script. The host is the sender's, not the message's: a page on
 * pypi.org cannot write into a test.pypi.org account. A snapshot without a username (the
 * two-factor page) is attributed to the login just submitted in the same tab — the typed name
 * only finds the stored account, whose displayed username it never changes — or dropped.
 */
export async function handleSnapshotMessage(message: SnapshotMessage, from: ContentScriptSender, now = Date.now()): Promise<AccountRecord | null> {
  const { snapshot } = message;
  if (snapshot.host !== from.host) return null;
  const db = await openStore();
  let record: AccountRecord | null;
  try {
    // The reader that sent this is this very extension: its version goes with any fact it could not read.
    const readerVersion = browser.runtime.getManifest().version;
    if (snapshot.username) {
      record = await recordSnapshot(db, { ...snapshot, username: snapshot.username }, readerVersion);
    } else {
      const pending = await findPendingLogin(from, now, db);
      record = pending ? await recordAttributedSnapshot(db, snapshot, pending.username, readerVersion) : null;
    }
    if (record) await refreshProjectSources(db, record, (url, init) => fetch(url, init), now).catch(() => undefined);
  } finally {
    db.close();
  }
  // Reminders and the badge follow in the router, once the password outcome is stored too.
  return record;
}

/**
 * Up to when the sender's account history is stored, so its content script reads only newer rows.
 * Only the sender's own host is answered; a content script learns a time it could read on the page.
 */
export async function handleHistoryCursorMessage(message: HistoryCursorMessage, from: ContentScriptSender): Promise<HistoryCursorReply> {
  const db = await openStore();
  try {
    const record = await getAccount(db, accountIdOf(from.host, message.username));
    return { storedUpTo: record?.historyReadUpTo ?? null };
  } finally {
    db.close();
  }
}
