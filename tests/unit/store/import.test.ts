import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedEverything } from './seed';
import {
  DB_VERSION,
  deleteStore,
  EXPORT_FORMAT,
  exportAll,
  getSettings,
  openStore,
  readAuditSummary,
  saveAuditSummary,
  saveSettings,
  wipeAll,
  type ExportFile,
} from '@/utils/store';
import { checkImport, importAll, MAX_IMPORT_BYTES, STORE_NAMES } from '@/utils/store/import';
import type { PypiGuardDb } from '@/utils/store/schema';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const T0 = Date.UTC(2026, 10, 1);
let dbName: string;
let db: PypiGuardDb;
let counter = 0;

beforeEach(async () => {
  dbName = `pypi-guard-import-${counter++}`;
  db = await openStore(dbName);
});
afterEach(async () => {
  db.close();
  await deleteStore(dbName);
});

const storesOf = async () => (await exportAll(db, new Date(T0))).stores;
const exportText = async () => JSON.stringify(await exportAll(db, new Date(T0)));
/** A valid export of the seeded store, to corrupt one way or another. */
const validFile = async (): Promise<ExportFile> => JSON.parse(await exportText()) as ExportFile;

describe('export → wipe → import', () => {
  it('gives back identical data in every store', async () => {
    await seedEverything(db, T0);
    const before = await storesOf();
    for (const name of STORE_NAMES) expect(before[name]?.length, name).toBeGreaterThan(0);

    const file = await exportText();
    await wipeAll(db);
    expect(Object.values(await storesOf()).every((rows) => rows.length === 0)).toBe(true);

    const result = await importAll(db, file);
    expect(result).toEqual({ ok: true, counts: Object.fromEntries(STORE_NAMES.map((name) => [name, before[name]!.length])) });
    expect(await storesOf()).toEqual(before);
  });

  it('replaces existing data rather than merging into it', async () => {
    await seedEverything(db, T0);
    const file = await exportText();
    await saveSettings(db, { passwordRotationDays: 365 });
    await db.put('prompts', { id: 'pypi.org/alice|added-after-export', dismissedAt: T0 });
    await importAll(db, file);
    expect((await getSettings(db)).passwordRotationDays).toBe(90);
    expect(await db.get('prompts', 'pypi.org/alice|added-after-export')).toBeUndefined();
  });

  it('drops the popup’s summary of the old data (the next tick builds it from the imported data)', async () => {
    await seedEverything(db, T0);
    const file = await exportText();
    await saveAuditSummary(db, { computedAt: T0, entries: [], reminders: [] });
    await importAll(db, file);
    expect(await readAuditSummary(db)).toBeUndefined();
  });

  it('reads an export from data version 1 (before reminders existed)', async () => {
    await seedEverything(db, T0);
    const file = await validFile();
    const v1: ExportFile = {
      ...file,
      schemaVersion: 1,
      stores: { accounts: file.stores.accounts!, snapshots: file.stores.snapshots!, events: file.stores.events!, settings: file.stores.settings! },
    };
    expect(await importAll(db, JSON.stringify(v1))).toMatchObject({ ok: true });
    expect(await db.count('reminders')).toBe(0);
    expect(await db.count('accounts')).toBe(1);
  });
});

/** JSON text of arrays inside arrays, `depth` levels deep (too deep for JSON.stringify to write). */
function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('a bad file is refused with a message and nothing changes', () => {
  type Case = [name: string, corrupt: (file: ExportFile, text: string) => string, message: RegExp];
  const cases: Case[] = [
    ['truncated JSON', (_file, text) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON: it may be cut short/],
    ['empty file', () => '', /not valid JSON/],
    ['another format', (file) => JSON.stringify({ ...file, format: 'bitwarden' }), /not a PyPI Guard export/],
    ['not an object', () => '[1, 2, 3]', /not a PyPI Guard export/],
    ['a future data version', (file) => JSON.stringify({ ...file, schemaVersion: DB_VERSION + 1 }), new RegExp(`newer PyPI Guard \\(data version ${DB_VERSION + 1}; this one reads up to ${DB_VERSION}\\)\\. Update the extension`)],
    ['an unknown store', (file) => JSON.stringify({ ...file, stores: { ...file.stores, vault: [] } }), /does not know \(“vault”\)/],
    [
      'a wrong type',
      (file) => {
        (file.stores.accounts![0]!.value as { firstSeenAt: unknown }).firstSeenAt = 'yesterday';
        return JSON.stringify(file);
      },
      /accounts record 1: "firstSeenAt"/,
    ],
    [
      'a field that could hold a secret',
      (file) => {
        (file.stores.accounts![0]!.value as { observed: Record<string, unknown> }).observed.password = 'hunter2';
        return JSON.stringify(file);
      },
      /contains a field named “password” \(at stores\.accounts\[0\]\.value\.observed\)/,
    ],
    [
      'a recovery code list',
      (file) => JSON.stringify({ ...file, recovery_codes: ['0123456789abcdef'] }),
      /field named “recovery_codes”/,
    ],
    [
      'a token value hidden in a token name',
      (file) => {
        const account = file.stores.accounts![0]!.value as { apiTokens: { value: { name: string }[] } };
        account.apiTokens.value[0]!.name = `pypi-${'AgEIcHlwaS5vcmc'.repeat(5)}`;
        return JSON.stringify(file);
      },
      /looks like a token or TOTP key/,
    ],
    [
      'an unexpected field',
      (file) => {
        (file.stores.reminders![0]!.value as Record<string, unknown>).colour = 'red';
        return JSON.stringify(file);
      },
      /reminders record 1: unexpected field "colour"/,
    ],
    [
      'a record under the wrong key',
      (file) => {
        file.stores.accounts![0]!.key = 'pypi.org/mallory';
        return JSON.stringify(file);
      },
      /accounts record 1 is filed under the wrong key/,
    ],
    [
      'a repeated key',
      (file) => JSON.stringify({ ...file, stores: { ...file.stores, prompts: [...file.stores.prompts!, ...file.stores.prompts!] } }),
      /prompts record 2 repeats the key/,
    ],
    [
      'an impossible setting',
      (file) => {
        (file.stores.settings![0]!.value as Record<string, unknown>).passwordRotationDays = 30;
        return JSON.stringify(file);
      },
      /settings record 1: "passwordRotationDays"/,
    ],
    ['an oversized file', () => `{"format":"${EXPORT_FORMAT}","pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`, /too large/],
    // The rules the extension's own writes follow, one case each.
    [
      'a username PyPI would not allow',
      (file) => {
        const account = file.stores.accounts![0]!.value as { username: string };
        account.username = 'alice smith';
        return JSON.stringify(file);
      },
      /accounts record 1: "username": Expected a PyPI username/,
    ],
    [
      'an account whose id is not its host and username',
      (file) => {
        const account = file.stores.accounts![0]!.value as { username: string };
        account.username = 'mallory'; // still filed as pypi.org/alice
        return JSON.stringify(file);
      },
      /accounts record 1: its id is not its host and username/,
    ],
    [
      'an account id that breaks the username rule',
      (file) => {
        const event = file.stores.events![0]!.value as { accountId: string };
        event.accountId = 'pypi.org/../../etc';
        return JSON.stringify(file);
      },
      /events record 1: "accountId": Expected an account id/,
    ],
    [
      'a snapshot filed under another account than it names',
      (file) => {
        const snapshot = file.stores.snapshots![0]!.value as { accountId: string };
        snapshot.accountId = 'test.pypi.org/alice';
        return JSON.stringify(file);
      },
      /snapshots record 1: its account id is not its host and username/,
    ],
    [
      'a recovery request for a username PyPI would not allow',
      (file) => {
        (file.stores.recoveryRequests![0]!.value as { username: string }).username = '<script>';
        return JSON.stringify(file);
      },
      /recoveryRequests record 1: "username": Expected a PyPI username/,
    ],
    [
      'an issue address outside PyPI’s support tracker',
      (file) => {
        (file.stores.recoveryRequests![0]!.value as { issueUrl: string }).issueUrl = 'https://evil.example/pypi/support/issues/1234';
        return JSON.stringify(file);
      },
      /recoveryRequests record 1: "issueUrl": Expected the address of an issue in PyPI’s support tracker/,
    ],
    [
      'an issue address that is not one issue',
      (file) => {
        (file.stores.recoveryRequests![0]!.value as { issueUrl: string }).issueUrl = 'https://github.com/pypi/support/issues/1234?redirect=https://evil.example';
        return JSON.stringify(file);
      },
      /"issueUrl": Expected the address of an issue/,
    ],
    [
      'drill hashes with too few PBKDF2 rounds',
      (file) => {
        (file.stores.accounts![0]!.value as { observed: { recoveryDrill: { iterations: number } } }).observed.recoveryDrill.iterations = 1;
        return JSON.stringify(file);
      },
      /accounts record 1: "observed\.recoveryDrill\.iterations": Invalid value: Expected >=100000/,
    ],
    [
      'a file nested far deeper than any export (the check walks it without recursion)',
      (file) => JSON.stringify({ ...file, stores: { ...file.stores, settings: [{ key: 'settings', value: 'DEEP' }] } }).replace('"DEEP"', nested(100_000)),
      /nested deeper than any PyPI Guard export \(over 32 levels\)/,
    ],
  ];

  it.each(cases)('%s', async (_name, corrupt, message) => {
    await seedEverything(db, T0);
    const before = await storesOf();
    const text = corrupt(await validFile(), await exportText());
    const result = await importAll(db, text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/Nothing was changed\.$/);
    }
    expect(await storesOf()).toEqual(before);
  });

  it('checks without writing', () => {
    expect(checkImport('{}')).toMatchObject({ ok: false });
  });
});

describe('export', () => {
  it('leaves the drill’s hashes out when asked, and the file still imports', async () => {
    await seedEverything(db, T0);
    const withHashes = await exportAll(db, new Date(T0));
    const without = await exportAll(db, new Date(T0), { drillHashes: false });
    expect(JSON.stringify(withHashes)).toContain('recoveryDrill');
    expect(JSON.stringify(without)).not.toContain('recoveryDrill');
    expect(JSON.stringify(without)).not.toContain('aGFzaA==');
    // Everything else is the same.
    expect(without.stores.events).toEqual(withHashes.stores.events);
    expect(await importAll(db, JSON.stringify(without))).toMatchObject({ ok: true });
    expect((await db.get('accounts', 'pypi.org/alice'))?.observed).toMatchObject({ passwordScore: { value: 4 } });
    expect((await db.get('accounts', 'pypi.org/alice'))?.observed?.recoveryDrill).toBeUndefined();
  });
});

describe('settings', () => {
  it('saves a change and loads it with defaults for everything else', async () => {
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await saveSettings(db, { passwordRotationDays: 0, quietHours: { startHour: 22, endHour: 7 } });
    await saveSettings(db, { reminders: { ...DEFAULT_SETTINGS.reminders, checkUp: false } });
    expect(await getSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      passwordRotationDays: 0,
      quietHours: { startHour: 22, endHour: 7 },
      reminders: { ...DEFAULT_SETTINGS.reminders, checkUp: false },
    });
  });

  it('fills settings an older version did not store', async () => {
    await db.put('settings', { passwordRotationDays: 365, reminders: { checkUp: false } }, 'settings');
    const loaded = await getSettings(db);
    expect(loaded.passwordRotationDays).toBe(365);
    expect(loaded.reminders).toEqual({ ...DEFAULT_SETTINGS.reminders, checkUp: false });
    expect(loaded.drillIntervalDays).toBe(60);
  });
});
