import { deleteDB, openDB, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import type { AccountSnapshot } from '../pypi/snapshot';
import { DB_NAME, DB_VERSION, TRANSIENT_STORES, upgrade, type PypiGuardDb, type PypiGuardSchema } from './schema';
import { refreshHistorySummary } from './history-summaries';
import { mergeSnapshot, toStoredEvent } from './merge';
import { accountIdOf, type AccountId, type AccountRecord, type StoredEvent, type StoredSnapshot } from './types';

export * from './types';
export { DB_NAME, DB_VERSION } from './schema';

/** Raw snapshots kept per account, newest first; older ones are dropped (the merged record stays). */
export const SNAPSHOTS_KEPT_PER_ACCOUNT = 20;

export function openStore(name = DB_NAME): Promise<PypiGuardDb> {
  return openDB<PypiGuardSchema>(name, DB_VERSION, {
    upgrade: (db, oldVersion, newVersion, tx) => upgrade(db, oldVersion, newVersion ?? DB_VERSION, tx),
  });
}

/**
 * Stores what one page showed, from a page that names the user itself (account settings, the
 * user menu, the user's own profile): merges the account record, adds unseen security events,
 * keeps the snapshot. One transaction, so a visit is recorded whole or not at all. `readerVersion`
 * (PyPI Guard's version) is kept with any fact the page could not read, for a bug report.
 */
export async function recordSnapshot(db: PypiGuardDb, snapshot: AccountSnapshot & { username: string }, readerVersion?: string): Promise<AccountRecord> {
  const tx = db.transaction(['accounts', 'snapshots', 'events', 'historySummaries'], 'readwrite');
  const previous = await tx.objectStore('accounts').get(accountIdOf(snapshot.host, snapshot.username));
  const record = await writeSnapshot(tx, previous, snapshot, readerVersion);
  await tx.done;
  return record;
}

/**
 * Stores a page that names nobody (the two-factor login step) for the account the user typed at
 * login. The typed name only finds the record, case-insensitively: it never becomes the displayed
 * username, and it creates no account (a typo would otherwise become one). Null when no account
 * has that name yet.
 */
export async function recordAttributedSnapshot(db: PypiGuardDb, snapshot: AccountSnapshot, typedUsername: string, readerVersion?: string): Promise<AccountRecord | null> {
  const tx = db.transaction(['accounts', 'snapshots', 'events', 'historySummaries'], 'readwrite');
  const previous = await tx.objectStore('accounts').get(accountIdOf(snapshot.host, typedUsername));
  const record = previous ? await writeSnapshot(tx, previous, { ...snapshot, username: previous.username }, readerVersion) : null;
  await tx.done;
  return record;
}

type SnapshotTransaction = IDBPTransaction<PypiGuardSchema, ('accounts' | 'snapshots' | 'events' | 'historySummaries')[], 'readwrite'>;

async function writeSnapshot(
  tx: SnapshotTransaction,
  previous: AccountRecord | undefined,
  snapshot: AccountSnapshot & { username: string },
  readerVersion?: string,
): Promise<AccountRecord> {
  const accountId = accountIdOf(snapshot.host, snapshot.username);
  const record = mergeSnapshot(previous, snapshot, readerVersion);
  await tx.objectStore('accounts').put(record);

  const events = tx.objectStore('events');
  const replacedTwins = new Set<string>();
  let rowsAdded = 0;
  for (const event of snapshot.securityEvents ?? []) {
    const stored = toStoredEvent(accountId, event, snapshot.seenAt);
    if (await events.get(stored.id)) continue;
    rowsAdded++;
    // A later visit may map a row that an earlier one could not (a page in another language whose
    // English copy failed). Its id differs, as the id holds the tag or, unmapped, the translated
    // summary: replace the unmapped twin and keep its first-seen time.
    const twin = previous && stored.tag !== 'unknown' ? await unmappedTwinOf(events, stored, replacedTwins) : undefined;
    if (twin) {
      replacedTwins.add(twin.id);
      await events.delete(twin.id);
    }
    await events.put(twin ? { ...stored, firstSeenAt: twin.firstSeenAt } : stored);
  }

  // New rows change what the history says (and a first visit has no summary yet).
  if (rowsAdded > 0 || !(await tx.objectStore('historySummaries').getKey(accountId))) await refreshHistorySummary(tx, record);

  const { securityEvents, ...withoutEvents } = snapshot;
  const snapshots = tx.objectStore('snapshots');
  const stored: StoredSnapshot = { ...withoutEvents, accountId, eventCount: securityEvents?.length };
  await snapshots.add(stored);
  const keys = await snapshots.index('byAccount').getAllKeys(accountId);
  for (const key of keys.slice(0, Math.max(0, keys.length - SNAPSHOTS_KEPT_PER_ACCOUNT))) await snapshots.delete(key);
  return record;
}

/**
 * A stored unmapped row for the same moment, place and device as `mapped`: what an earlier visit
 * stored for this row before it could be mapped. Rows are keyed `account|time|…`, so one key range
 * reads the rows of that second only.
 */
async function unmappedTwinOf(
  events: IDBPObjectStore<PypiGuardSchema, ('accounts' | 'snapshots' | 'events' | 'historySummaries')[], 'events', 'readwrite'>,
  mapped: StoredEvent,
  alreadyReplaced: Set<string>,
): Promise<StoredEvent | undefined> {
  const prefix = `${mapped.accountId}|${mapped.time}|`;
  const sameSecond = await events.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  return sameSecond.find(
    (row) => row.tag === 'unknown' && !alreadyReplaced.has(row.id) && (row.location ?? '') === (mapped.location ?? '') && (row.device ?? '') === (mapped.device ?? ''),
  );
}

export async function getAccounts(db: PypiGuardDb): Promise<AccountRecord[]> {
  return db.getAll('accounts');
}

export async function getAccount(db: PypiGuardDb, id: AccountId): Promise<AccountRecord | undefined> {
  return db.get('accounts', id);
}

/** Every stored security event of an account, newest first. */
export async function getEvents(db: PypiGuardDb, id: AccountId): Promise<StoredEvent[]> {
  const events = await db.getAllFromIndex('events', 'byAccount', id);
  return events.sort((a, b) => b.time - a.time);
}

export const EXPORT_FORMAT = 'pypi-guard-export';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  stores: Record<string, { key: IDBValidKey; value: unknown }[]>;
}

export interface ExportOptions {
  /**
   * Keep the recovery-code drill's salted hashes in the file (default). Without them the file
   * cannot be used to guess recovery codes offline, and after an import the drill waits for the
   * next set of codes.
   */
  drillHashes?: boolean;
}

/** Every record of every store (bar short-lived working state), with its key, as one JSON-ready object. */
export async function exportAll(db: PypiGuardDb, now: Date, { drillHashes = true }: ExportOptions = {}): Promise<ExportFile> {
  const stores: ExportFile['stores'] = {};
  const names = [...db.objectStoreNames].filter((name) => !(TRANSIENT_STORES as readonly string[]).includes(name));
  const tx = db.transaction(names, 'readonly');
  for (const name of names) {
    const rows: { key: IDBValidKey; value: unknown }[] = [];
    for (let cursor = await tx.objectStore(name).openCursor(); cursor; cursor = await cursor.continue()) {
      rows.push({ key: cursor.key, value: name === 'accounts' && !drillHashes ? withoutDrillHashes(cursor.value as AccountRecord) : cursor.value });
    }
    stores[name] = rows;
  }
  await tx.done;
  return { format: EXPORT_FORMAT, schemaVersion: db.version, exportedAt: now.toISOString(), stores };
}

function withoutDrillHashes(account: AccountRecord): AccountRecord {
  if (!account.observed?.recoveryDrill) return account;
  const { recoveryDrill: _left, ...observed } = account.observed;
  return { ...account, observed };
}

/** Empties every store (the database itself stays, at its current version). */
export async function wipeAll(db: PypiGuardDb): Promise<void> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readwrite');
  await Promise.all(names.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}

/** For tests: drops the whole database. */
export function deleteStore(name = DB_NAME): Promise<void> {
  return deleteDB(name);
}

export { getSettings, saveSettings } from './settings';
export { updateObserved } from './observed';
export * from './reminders';
export { getPromptStates, savePromptState } from './prompts';
export { getPendingLogin, isFreshPendingLogin, savePendingLogin, PENDING_LOGIN_TTL_MS } from './pending-logins';
export { readAuditSummary, saveAuditSummary } from './summary';
export { getEmailDomainRecords, replaceEmailDomainRecords } from './email-domains';
