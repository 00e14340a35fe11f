import { isSummaryFor } from '../events/history-summary';
import { refreshHistorySummary } from './history-summaries';
import type { PypiGuardDb } from './schema';
import type { AccountId, AccountRecord, ObservedFacts } from './types';

/**
 * Updates what PyPI Guard observed itself about an account (password score, acknowledgements,
 * drill hashes…). Creates nothing: an account is only born from a PyPI page. Returns the new
 * record, or undefined when the account is unknown.
 */
export async function updateObserved(
  db: PypiGuardDb,
  id: AccountId,
  update: (observed: ObservedFacts) => ObservedFacts,
): Promise<AccountRecord | undefined> {
  const tx = db.transaction(['accounts', 'events', 'historySummaries'], 'readwrite');
  const accounts = tx.objectStore('accounts');
  const record = await accounts.get(id);
  if (!record) {
    await tx.done;
    return undefined;
  }
  const next: AccountRecord = { ...record, observed: update({ ...record.observed }) };
  await accounts.put(next);
  // An acknowledgement or a password change changes what the history says: its summary follows.
  const stored = await tx.objectStore('historySummaries').get(id);
  if (!stored || !isSummaryFor(stored.summary, next.observed)) await refreshHistorySummary(tx, next);
  await tx.done;
  return next;
}
