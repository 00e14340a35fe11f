import type { AuditSummary } from '../audit/summary';
import type { PypiGuardDb } from './schema';

const KEY = 'latest';
/** Bumped whenever AuditSummary changes shape: a summary written by another version is not painted. */
export const AUDIT_SUMMARY_FORMAT = 1;

interface StoredSummary extends AuditSummary {
  format: number;
}

/**
 * Keeps the tick's summary, without any account removed since the tick read the store (a forget,
 * wipe or import in between must not bring a name back): checked in the same transaction.
 */
export async function saveAuditSummary(db: PypiGuardDb, summary: AuditSummary): Promise<void> {
  const tx = db.transaction(['accounts', 'auditSummary'], 'readwrite');
  const stillStored = new Set(await tx.objectStore('accounts').getAllKeys());
  const entries = summary.entries.filter((entry) => stillStored.has(entry.account.id));
  const stored: StoredSummary = { ...summary, entries, format: AUDIT_SUMMARY_FORMAT };
  await tx.objectStore('auditSummary').put(stored, KEY);
  await tx.done;
}

/** The last tick's summary, or undefined (a new install, just wiped or imported, another version's). */
export async function readAuditSummary(db: PypiGuardDb): Promise<AuditSummary | undefined> {
  const stored = (await db.get('auditSummary', KEY)) as Partial<StoredSummary> | undefined;
  if (!stored || stored.format !== AUDIT_SUMMARY_FORMAT) return undefined;
  const { format: _format, ...summary } = stored as StoredSummary;
  return summary;
}
