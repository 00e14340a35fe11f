import type { PypiGuardDb } from '../store/schema';

/** Opens the store through `deps`, runs `work`, and closes it again whatever happens. */
export async function withDb<T>(deps: { openDb(): Promise<PypiGuardDb> }, work: (db: PypiGuardDb) => Promise<T>): Promise<T> {
  const db = await deps.openDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
