import type { Worker } from '@playwright/test';
import { DB_NAME, DB_VERSION } from '../../../utils/store/schema';

/**
 * Waits until the extension has created its database at the current version. Test code must not
 * open it first: opening a missing database creates an empty version 1 that the extension's
 * migrations would then take for a real one.
 */
export async function waitForExtensionDb(serviceWorker: Worker, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = await serviceWorker.evaluate(
      async (name) => (await indexedDB.databases()).find((database) => database.name === name)?.version ?? 0,
      DB_NAME,
    );
    if (version >= DB_VERSION) return;
    if (Date.now() > deadline) throw new Error(`the extension did not create its database ${DB_NAME} v${DB_VERSION} (found v${version})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Every record of every object store of a database, read where it runs: pass it to an
 * `evaluate` inside the extension (it closes over nothing, so it can be serialised).
 */
export function readAllStores(name: string): Promise<Record<string, unknown[]>> {
  return new Promise<Record<string, unknown[]>>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const result: Record<string, unknown[]> = {};
      if (names.length === 0) {
        db.close();
        resolve(result);
        return;
      }
      const tx = db.transaction(names, 'readonly');
      for (const store of names) {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => (result[store] = request.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(result);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Reads every record of every object store of the extension's IndexedDB, from inside the
 * extension (its service worker shares the extension origin with the popup and options page).
 */
export async function readExtensionDb(serviceWorker: Worker): Promise<Record<string, unknown[]>> {
  await waitForExtensionDb(serviceWorker);
  return serviceWorker.evaluate(readAllStores, DB_NAME);
}

/** The stored account record for `host/username`, or undefined. */
export async function storedAccount(serviceWorker: Worker, id: string): Promise<Record<string, unknown> | undefined> {
  const db = await readExtensionDb(serviceWorker);
  return (db.accounts as Record<string, unknown>[] | undefined)?.find((account) => account.id === id);
}

/**
 * Empties every store of the extension's IndexedDB, keeping its schema: a fresh start for the next
 * round of pages within one browser, without the cost of another launch.
 */
export async function clearExtensionDb(serviceWorker: Worker): Promise<void> {
  await waitForExtensionDb(serviceWorker);
  await serviceWorker.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...db.objectStoreNames], 'readwrite');
          for (const store of db.objectStoreNames) tx.objectStore(store).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
}

