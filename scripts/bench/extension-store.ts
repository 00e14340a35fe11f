import type { Worker } from '@playwright/test';

/*
 * The bench's access to the extension's IndexedDB, from its service worker. Strings, not
 * functions: tsx names inner functions with a helper the worker does not have.
 */

const OPEN_DB = `new Promise((resolve, reject) => {
  const open = indexedDB.open('pypi-guard');
  open.onsuccess = () => resolve(open.result);
  open.onerror = () => reject(open.error);
})`;

/** Forgets every account (records, history, snapshots, everything derived); settings stay. */
export async function clearAccounts(worker: Worker): Promise<void> {
  await worker.evaluate(`(async () => {
    const db = await ${OPEN_DB};
    const names = [...db.objectStoreNames].filter((name) => name !== 'settings');
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) tx.objectStore(name).clear();
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  })()`);
}

/**
 * Waits until the background stored a visit of `pageKind` made after `since` (epoch ms) for
 * `accountId`, and the reminders tick that follows a write has run (the popup's summary is newer):
 * the extension is done with that page view. Resolves with when that was seen (epoch ms).
 */
export async function waitForStoredVisit(worker: Worker, accountId: string, pageKind: string, since: number, timeoutMs = 60_000): Promise<number> {
  return worker.evaluate(`(async () => {
    const deadline = Date.now() + ${timeoutMs};
    for (;;) {
      const db = await ${OPEN_DB};
      const read = (store, key) => new Promise((resolve) => {
        const get = db.transaction(store).objectStore(store).get(key);
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => resolve(undefined);
      });
      const account = await read('accounts', ${JSON.stringify(accountId)});
      const summary = await read('auditSummary', 'latest');
      db.close();
      const seenAt = account?.pagesSeenAt?.[${JSON.stringify(pageKind)}];
      if (seenAt >= ${since} && summary?.computedAt >= seenAt) return Date.now();
      if (Date.now() > deadline) throw new Error('the extension did not store the visit of ' + ${JSON.stringify(`${accountId} ${pageKind}`)});
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })()`);
}

/**
 * Stores `count` accounts with `eventsPerAccount` security-history rows each straight into the
 * extension's IndexedDB, as many visits would have left them: a busy history (sign-ins, failed
 * sign-ins, new devices, token changes, e-mails) from a few places, all first read a day ago.
 */
export async function seedAccounts(worker: Worker, count: number, eventsPerAccount: number): Promise<void> {
  await worker.evaluate(`(async () => {
    const count = ${count}, perAccount = ${eventsPerAccount}, day = 86400000;
    const db = await ${OPEN_DB};
    const tx = db.transaction(['accounts', 'events'], 'readwrite');
    const now = Date.now();
    const seen = (value) => ({ value, seenAt: now - day });
    const tags = ['account:login:success', 'account:login:failure', 'account:email:sent', 'account:api_token:added', 'account:login:new_device'];
    const places = ['Berlin, BE, DE', 'Lyon, ARA, FR', 'Osaka, 27, JP'];
    for (let index = 0; index < count; index++) {
      const host = index % 2 ? 'test.pypi.org' : 'pypi.org';
      const id = host + '/user' + index;
      tx.objectStore('accounts').put({
        id, host, username: 'user' + index, firstSeenAt: now - 400 * day, lastSeenAt: now - index * 3600000,
        pagesSeenAt: { 'account-settings': now - index * 3600000 },
        emails: seen([{ address: 'user' + index + '@example.org', primary: true, verified: true, status: 'verified' }]),
        twoFactor: seen({ totp: index % 3 !== 0, securityKeys: index % 2 ? ['key'] : [] }),
        recoveryCodes: seen({ generated: true, unused: index % 8, generatedAt: now - 100 * day }),
        apiTokens: seen([{ name: 'ci', scope: { kind: 'account' }, createdAt: now - 200 * day, lastUsedAt: now - day }]),
        projects: seen(['project-' + index]),
        historyReadUpTo: now - day,
        observed: { passwordScore: seen(index % 5), passwordChangedAt: now - (index % 9) * 30 * day },
      });
      for (let row = 0; row < perAccount; row++) {
        const time = now - day - row * 60000;
        const tag = tags[row % tags.length];
        tx.objectStore('events').put({ id: id + '|' + time + '|' + tag, accountId: id, firstSeenAt: now - day, tag, summary: tag, time, location: places[row % places.length], device: 'Firefox' });
      }
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  })()`);
}

/** Runs a reminders tick (any `reminders:` alarm does) and waits until it wrote the popup's summary. */
export async function tickAndWaitForSummary(worker: Worker, accounts: number, timeoutMs = 120_000): Promise<void> {
  const before = Date.now();
  await worker.evaluate(`chrome.alarms.create('reminders:refresh', { when: Date.now() })`);
  await worker.evaluate(`(async () => {
    const deadline = Date.now() + ${timeoutMs};
    for (;;) {
      const db = await ${OPEN_DB};
      const summary = await new Promise((resolve) => {
        const get = db.transaction('auditSummary').objectStore('auditSummary').get('latest');
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => resolve(undefined);
      });
      db.close();
      if (summary && summary.computedAt >= ${before} && summary.entries.length >= ${accounts}) return;
      if (Date.now() > deadline) throw new Error('the background did not write the audit summary');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })()`);
}
