import type { AuditSummary } from '../audit/summary';
import type { PypiGuardDb } from './schema';

const KEY = 'latest';

export async function saveAuditSummary(db: PypiGuardDb, summary: AuditSummary): Promise<void> {
  await db.put('auditSummary', summary, KEY);
}

/** The last tick's summary, or undefined (a new install, just wiped or imported). */
export async function readAuditSummary(db: PypiGuardDb): Promise<AuditSummary | undefined> {
  return db.get('auditSummary', KEY);
}

export async function clearAuditSummary(db: PypiGuardDb): Promise<void> {
  await db.delete('auditSummary', KEY);
}
