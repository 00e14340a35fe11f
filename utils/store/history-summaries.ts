import type { IDBPTransaction, StoreNames } from 'idb';
import { isSummaryFor, summariseHistory, type HistorySummary } from '../events/history-summary';
import type { PypiGuardSchema } from './schema';
import type { AccountId, AccountRecord } from './types';

/*
 * Each account's history summary (utils/events/history-summary.ts), kept beside its rows: written
 * in the same transaction as the rows or the facts it depends on (a snapshot, an acknowledgement,
 * a password change), so a reminders tick reads one small record per account instead of every
 * row. Derived data: not exported, cleared by an import, built again from the rows when missing.
 */

/** Bumped whenever HistorySummary changes shape: a summary of another shape is derived again. */
export const HISTORY_SUMMARY_FORMAT = 1;

export interface StoredHistorySummary {
  accountId: AccountId;
  format: number;
  summary: HistorySummary;
}

/** A read-write transaction over (at least) the rows and the summaries. */
export type SummaryTransaction = IDBPTransaction<PypiGuardSchema, StoreNames<PypiGuardSchema>[], 'readwrite'>;

/** Derives the account's summary from all its stored rows and keeps it, in the caller's transaction. */
export async function refreshHistorySummary(tx: SummaryTransaction, account: AccountRecord): Promise<HistorySummary> {
  const rows = await tx.objectStore('events').index('byAccount').getAll(account.id);
  const summary = summariseHistory(rows, account.observed);
  await tx.objectStore('historySummaries').put({ accountId: account.id, format: HISTORY_SUMMARY_FORMAT, summary });
  return summary;
}

/** The stored summary when it still describes the account as it is (same shape, same facts), else undefined. */
export function currentSummary(stored: StoredHistorySummary | undefined, account: AccountRecord): HistorySummary | undefined {
  return stored?.format === HISTORY_SUMMARY_FORMAT && isSummaryFor(stored.summary, account.observed) ? stored.summary : undefined;
}
