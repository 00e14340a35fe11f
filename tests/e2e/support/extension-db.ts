import type { Worker } from '@playwright/test';

/**
 * Reads every record of every object store of the extension's IndexedDB, from inside the
 * extension (its service worker shares the extension origin with the popup and options page).
 */
export async function readExtensionDb(serviceWorker: Worker): Promise<Record<string, unknown[]>> {
  return serviceWorker.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('pypi-guard');
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
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (result[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The stored account record for `host/username`, or undefined. */
export async function storedAccount(serviceWorker: Worker, id: string): Promise<Record<string, unknown> | undefined> {
  const db = await readExtensionDb(serviceWorker);
  return (db.accounts as Record<string, unknown>[] | undefined)?.find((account) => account.id === id);
}
