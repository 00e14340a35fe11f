import type { EmailDomainRecord } from '../email-domain/types';
import type { PypiGuardDb } from './schema';

export async function getEmailDomainRecords(db: PypiGuardDb): Promise<EmailDomainRecord[]> {
  return db.getAll('emailDomains');
}

/**
 * Makes the store hold exactly `records`, in one transaction: a domain no stored account uses any
 * more (an address removed, an account forgotten, the check turned off) leaves nothing behind.
 */
export async function replaceEmailDomainRecords(db: PypiGuardDb, records: readonly EmailDomainRecord[]): Promise<void> {
  const tx = db.transaction('emailDomains', 'readwrite');
  const kept = new Set(records.map((record) => record.domain));
  for (const key of await tx.store.getAllKeys()) if (!kept.has(key)) await tx.store.delete(key);
  for (const record of records) await tx.store.put(record);
  await tx.done;
}
