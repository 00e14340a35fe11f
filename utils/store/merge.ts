import type { AccountSnapshot, SecurityEventFact } from '../pypi/snapshot';
import { MERGED_FACTS, accountIdOf, type AccountId, type AccountRecord, type Seen, type StoredEvent } from './types';

/**
 * Folds a snapshot into an account record. A fact the snapshot carries replaces the stored one
 * only if the snapshot is not older; a fact it does not carry is kept (the projects page does not
 * erase what /manage/account/ said about 2FA). Pure: returns a new record.
 */
export function mergeSnapshot(existing: AccountRecord | undefined, snapshot: AccountSnapshot & { username: string }): AccountRecord {
  const id = accountIdOf(snapshot.host, snapshot.username);
  const merged: AccountRecord = existing
    ? { ...existing, pagesSeenAt: { ...existing.pagesSeenAt } }
    : { id, host: snapshot.host, username: snapshot.username, firstSeenAt: snapshot.seenAt, lastSeenAt: snapshot.seenAt, pagesSeenAt: {} };

  const isNewest = snapshot.seenAt >= merged.lastSeenAt;
  if (isNewest) {
    merged.lastSeenAt = snapshot.seenAt;
    merged.username = snapshot.username;
    if (snapshot.locale) merged.locale = snapshot.locale;
  }
  merged.firstSeenAt = Math.min(merged.firstSeenAt, snapshot.seenAt);
  merged.pagesSeenAt[snapshot.pageKind] = Math.max(merged.pagesSeenAt[snapshot.pageKind] ?? 0, snapshot.seenAt);

  for (const fact of MERGED_FACTS) {
    const value = snapshot[fact];
    if (value === undefined) continue;
    const stored = merged[fact] as Seen<unknown> | undefined;
    if (!stored || stored.seenAt <= snapshot.seenAt) {
      (merged as unknown as Record<string, Seen<unknown>>)[fact] = { value, seenAt: snapshot.seenAt };
    }
  }
  return merged;
}

/**
 * The identity of a security-history row. PyPI gives rows no id; the time (to the second), what
 * happened and where from tell them apart. An unmapped row falls back to its shown summary.
 */
export function eventIdOf(accountId: AccountId, event: SecurityEventFact): string {
  const what = event.tag === 'unknown' ? `summary:${event.summary}` : event.tag;
  return [accountId, event.time, what, event.details ?? '', event.location ?? '', event.device ?? ''].join('|');
}

export function toStoredEvent(accountId: AccountId, event: SecurityEventFact, seenAt: number): StoredEvent {
  return { ...event, id: eventIdOf(accountId, event), accountId, firstSeenAt: seenAt };
}
