import type { PypiGuardDb } from './schema';
import type { PendingLogin } from './types';

/**
 * How long a typed username stays attributable to the two-factor page that follows it: a few
 * minutes, the time to find one's phone or security key.
 */
export const PENDING_LOGIN_TTL_MS = 5 * 60_000;

/** Typed within the last few minutes (and not in the future: a clock set back is not trusted). */
export const isFreshPendingLogin = (login: PendingLogin, now: number) => now >= login.at && now - login.at <= PENDING_LOGIN_TTL_MS;

/** Keeps the login just submitted in a tab, replacing that tab's previous one; drops expired ones. */
export async function savePendingLogin(db: PypiGuardDb, login: PendingLogin): Promise<void> {
  const tx = db.transaction('pendingLogins', 'readwrite');
  for (const stale of await tx.store.getAll()) {
    if (stale.id !== login.id && !isFreshPendingLogin(stale, login.at)) await tx.store.delete(stale.id);
  }
  await tx.store.put(login);
  await tx.done;
}

/** The tab's pending login if it is still fresh at `now`; an expired one is deleted. */
export async function getPendingLogin(db: PypiGuardDb, id: string, now: number): Promise<PendingLogin | undefined> {
  const tx = db.transaction('pendingLogins', 'readwrite');
  const login = await tx.store.get(id);
  if (login && !isFreshPendingLogin(login, now)) await tx.store.delete(id);
  await tx.done;
  return login && isFreshPendingLogin(login, now) ? login : undefined;
}

