import type { PypiGuardDb } from './schema';
import type { PromptState } from './types';

/** The stored dismissal or snooze of each key that has one (keys without a record are omitted). */
export async function getPromptStates(db: PypiGuardDb, keys: readonly string[]): Promise<PromptState[]> {
  const tx = db.transaction('prompts', 'readonly');
  const states = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  return states.filter((state): state is PromptState => state !== undefined);
}

export async function savePromptState(db: PypiGuardDb, state: PromptState): Promise<void> {
  await db.put('prompts', state);
}
