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
  const tx = db.transaction('accounts', 'readwrite');
  const record = await tx.store.get(id);
  if (!record) {
    await tx.done;
    return undefined;
  }
  const next: AccountRecord = { ...record, observed: update({ ...record.observed }) };
  await tx.store.put(next);
  await tx.done;
  return next;
}
