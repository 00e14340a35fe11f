import { READABLE_FACTS, type AccountSnapshot, type ApiTokenFact, type EmailFact, type SecurityEventFact } from '../pypi/snapshot';
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
  // Inside the lists too, a row keeps what the newer page did not show about it.
  if (snapshot.emails && merged.emails?.seenAt === snapshot.seenAt && existing?.emails) {
    merged.emails = { ...merged.emails, value: keepUnseenEmailFlags(snapshot.emails, existing.emails.value) };
  }
  if (snapshot.apiTokens && merged.apiTokens?.seenAt === snapshot.seenAt && existing?.apiTokens) {
    merged.apiTokens = { ...merged.apiTokens, value: keepUnseenTokenFields(snapshot.apiTokens, existing.apiTokens.value) };
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

/** An email row without badges keeps the stored primary/verified/status of the same address. */
function keepUnseenEmailFlags(emails: EmailFact[], stored: EmailFact[]): EmailFact[] {
  return emails.map((email) => {
    const before = stored.find((candidate) => candidate.address.toLowerCase() === email.address.toLowerCase());
    if (!before) return email;
    return {
      ...email,
      ...(email.primary === undefined && before.primary !== undefined && { primary: before.primary }),
      ...(email.status === undefined && before.status !== undefined && { status: before.status, verified: before.verified ?? before.status.startsWith('verified') }),
    };
  });
}

/**
 * A token row keeps the stored scope, creation and last use the page could not read. Tokens
 * have no id on the page: the same name and creation time (or a name unique on both sides) is
 * the same token.
 */
function keepUnseenTokenFields(tokens: ApiTokenFact[], stored: ApiTokenFact[]): ApiTokenFact[] {
  const unique = (list: ApiTokenFact[], name: string) => list.filter((token) => token.name === name).length === 1;
  return tokens.map((token) => {
    const before =
      stored.find((candidate) => candidate.name === token.name && candidate.createdAt !== undefined && candidate.createdAt === token.createdAt) ??
      (unique(tokens, token.name) && unique(stored, token.name) ? stored.find((candidate) => candidate.name === token.name) : undefined);
    if (!before) return token;
    return {
      ...token,
      ...(token.scope === undefined && before.scope !== undefined && { scope: before.scope }),
      ...(token.createdAt === undefined && before.createdAt !== undefined && { createdAt: before.createdAt }),
      ...(token.lastUsedAt === undefined && before.lastUsedAt !== undefined && { lastUsedAt: before.lastUsedAt }),
    };
  });
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
