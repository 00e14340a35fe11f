import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AuditSummary } from '../audit/summary';
import type { EmailDomainRecord } from '../email-domain/types';
import type { StoredHistorySummary } from './history-summaries';
import type {
  AccountRecord,
  PendingLogin,
  PromptState,
  RecoveryRequest,
  ReminderHistoryEntry,
  ReminderState,
  StoredEvent,
  StoredSnapshot,
} from './types';

export const DB_NAME = 'pypi-guard';

export interface PypiGuardSchema extends DBSchema {
  accounts: { key: string; value: AccountRecord };
  snapshots: { key: number; value: StoredSnapshot; indexes: { byAccount: string } };
  events: { key: string; value: StoredEvent; indexes: { byAccount: string } };
  /** One record per key (e.g. "settings"). */
  settings: { key: string; value: unknown };
  reminders: { key: string; value: ReminderState };
  reminderHistory: { key: number; value: ReminderHistoryEntry; indexes: { byAt: number } };
  recoveryRequests: { key: string; value: RecoveryRequest; indexes: { byUsername: string } };
  prompts: { key: string; value: PromptState };
  /** Per tab: who just submitted PyPI's login form, until the two-factor page that follows (minutes). */
  pendingLogins: { key: string; value: PendingLogin };
  /** One record (`latest`): the audit and reminders as of the last reminders tick, for the popup's first paint. */
  auditSummary: { key: string; value: AuditSummary };
  /** Per registrable email domain: the registry's last RDAP answer and when to ask again (opt-in). */
  emailDomains: { key: string; value: EmailDomainRecord };
  /** Per account: what its security history says (derived from `events`, kept as they change). */
  historySummaries: { key: string; value: StoredHistorySummary };
}

export type PypiGuardDb = IDBPDatabase<PypiGuardSchema>;
type UpgradeTransaction = IDBPTransaction<PypiGuardSchema, StoreNames<PypiGuardSchema>[], 'versionchange'>;

/**
 * MIGRATIONS[n] turns a version-n database into version n+1. Append, never edit: every user's
 * database walks the same steps. A test opens a database at each earlier version and upgrades it.
 */
export const MIGRATIONS: ((db: PypiGuardDb, tx: UpgradeTransaction) => void)[] = [
  // 0 → 1: accounts, snapshots, events, settings.
  (db) => {
    db.createObjectStore('accounts', { keyPath: 'id' });
    db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true }).createIndex('byAccount', 'accountId');
    db.createObjectStore('events', { keyPath: 'id' }).createIndex('byAccount', 'accountId');
    db.createObjectStore('settings');
  },
  // 1 → 2: reminder state and history, recovery requests, in-page prompt dismissals.
  (db) => {
    db.createObjectStore('reminders', { keyPath: 'id' });
    db.createObjectStore('reminderHistory', { keyPath: 'id', autoIncrement: true }).createIndex('byAt', 'at');
    db.createObjectStore('recoveryRequests', { keyPath: 'id' }).createIndex('byUsername', 'username');
    db.createObjectStore('prompts', { keyPath: 'id' });
  },
  // 2 → 3: the username typed at login, kept across a service-worker restart (never the password).
  (db) => {
    db.createObjectStore('pendingLogins', { keyPath: 'id' });
  },
  // 3 → 4: the audit summary the background keeps ready for the popup (derived, rebuilt every tick).
  (db) => {
    db.createObjectStore('auditSummary');
  },
  // 4 → 5: the email-domain check's RDAP answers, one record per registrable domain.
  (db) => {
    db.createObjectStore('emailDomains', { keyPath: 'domain' });
  },
  // 5 → 6: each account's history summary, so a reminders tick reads no rows (derived; built again when missing).
  (db) => {
    db.createObjectStore('historySummaries', { keyPath: 'accountId' });
  },
];

/**
 * Stores that hold only short-lived working state, or what is derived from the rest or looked up
 * again (the email domains' RDAP answers): not exported
 * (an import must not bring back a login from another day), cleared by an import and wiped with
 * everything else.
 */
export const TRANSIENT_STORES = ['pendingLogins', 'auditSummary', 'emailDomains', 'historySummaries'] as const satisfies readonly StoreNames<PypiGuardSchema>[];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(db: PypiGuardDb, oldVersion: number, newVersion: number, tx: UpgradeTransaction): void {
  for (let version = oldVersion; version < newVersion; version++) MIGRATIONS[version]?.(db, tx);
}
