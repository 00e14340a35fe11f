import type { LoginAttemptMessage, SnapshotMessage } from '../messages';
import type { TrustedSender } from '../sender';
import { openStore, recordSnapshot, type AccountRecord } from '../store';
import { refreshProjectSources } from './project-sources';

type ContentScriptSender = Extract<TrustedSender, { kind: 'content-script' }>;

/** How long a typed username stays attributable to the two-factor page that follows it. */
const LOGIN_ATTEMPT_TTL_MS = 10 * 60_000;

/** Per tab: the username last submitted on PyPI's login form (not a secret), kept in memory only. */
const pendingLogins = new Map<string, { username: string; at: number }>();
const tabKey = (from: ContentScriptSender) => `${from.tabId ?? -1}|${from.host}`;

export function rememberLoginAttempt(message: LoginAttemptMessage, from: ContentScriptSender, now = Date.now()): void {
  pendingLogins.set(tabKey(from), { username: message.username, at: now });
}

/** The username of the login pending in the sender's tab (the sign-in steps belong to it), or null. */
export function pendingLoginUsername(from: ContentScriptSender, now = Date.now()): string | null {
  const pending = pendingLogins.get(tabKey(from));
  return pending && now - pending.at <= LOGIN_ATTEMPT_TTL_MS ? pending.username : null;
}

/**
 * Stores a snapshot from a content script. The host is the sender's, not the message's: a page on
 * pypi.org cannot write into a test.pypi.org account. A snapshot without a username (the
 * two-factor page) is attributed to the login just submitted in the same tab, or dropped.
 */
export async function handleSnapshotMessage(message: SnapshotMessage, from: ContentScriptSender, now = Date.now()): Promise<AccountRecord | null> {
  if (message.snapshot.host !== from.host) return null;
  let username = message.snapshot.username;
  if (!username) {
    const pending = pendingLogins.get(tabKey(from));
    if (!pending || now - pending.at > LOGIN_ATTEMPT_TTL_MS) return null;
    username = pending.username;
  }
  const db = await openStore();
  let record: AccountRecord;
  try {
    record = await recordSnapshot(db, { ...message.snapshot, username });
    await refreshProjectSources(db, record, (url, init) => fetch(url, init), now).catch(() => undefined);
  } finally {
    db.close();
  }
  // Reminders and the badge follow in the router, once the password outcome is stored too.
  return record;
}
