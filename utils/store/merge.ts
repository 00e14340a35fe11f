import { READABLE_FACTS, type AccountSnapshot, type SecurityEventFact } from '../pypi/snapshot';
import { MERGED_FACTS, accountIdOf, type AccountId, type AccountRecord, type Seen, type StoredEvent } from './types';

/**
 * Folds a snapshot into an account record. A fact the snapshot carries replaces the stored one
 * only if the snapshot is not older; a fact it does not carry is kept (the projects page does not
 * erase what /manage/account/ said about 2FA). A fact it could not read is marked unreadable, with
 * `readerVersion`, until a later page reads it. Pure: returns a new record.
 */
export function mergeSnapshot(existing: AccountRecord | undefined, snapshot: AccountSnapshot & { username: string }, readerVersion = 'unknown'): AccountRecord {
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
  merged.unreadable = mergeUnreadable(merged, snapshot, readerVersion);
  if (!merged.unreadable) delete merged.unreadable;
  // The history's cursor moves only with rows read in English (they got their tags): rows read in
  // another language are read again next time, so a later English copy can still map them.
  if (snapshot.historyReadInEnglish && snapshot.securityEvents?.length) {
    const newestRead = snapshot.securityEvents.reduce((newest, event) => Math.max(newest, event.time), -Infinity);
    merged.historyReadUpTo = Math.max(merged.historyReadUpTo ?? -Infinity, newestRead);
  }
  return merged;
}

/**
 * The reading problems after this snapshot: a fact it read clears an older problem with that fact;
 * a fact it could not read becomes a problem unless a newer page already read it. Undefined when
 * none is left.
 */
function mergeUnreadable(merged: AccountRecord, snapshot: AccountSnapshot, version: string): AccountRecord['unreadable'] {
  const unreadable = { ...merged.unreadable };
  for (const fact of READABLE_FACTS) {
    const problem = unreadable[fact];
    if (snapshot[fact] !== undefined && problem && problem.seenAt <= snapshot.seenAt) delete unreadable[fact];
  }
  for (const { fact, missing } of snapshot.unreadable ?? []) {
    const readAt = fact === 'securityEvents' ? undefined : merged[fact]?.seenAt;
    const newerProblem = (unreadable[fact]?.seenAt ?? -Infinity) > snapshot.seenAt;
    const newerValue = readAt !== undefined && readAt > snapshot.seenAt;
    if (!newerProblem && !newerValue) unreadable[fact] = { missing, pageKind: snapshot.pageKind, seenAt: snapshot.seenAt, version };
  }
  return Object.keys(unreadable).length > 0 ? unreadable : undefined;
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
