import * as v from 'valibot';
import { AccountSnapshotSchema, SecurityEventSchema } from '../messages';
import { epochMs as time, text } from '../schema-parts';
import { PYPI_HOSTS } from '../pypi/hosts';
import { PAGE_KINDS } from '../pypi/page-kinds';
import type { Settings } from '../settings';
import { EXPORT_FORMAT, type ExportFile } from './index';
import { DB_VERSION, TRANSIENT_STORES, type PypiGuardDb } from './schema';
import type {
  AccountId,
  AccountRecord,
  PromptState,
  RecoveryRequest,
  ReminderHistoryEntry,
  ReminderState,
  StoredEvent,
  StoredSnapshot,
} from './types';

/**
 * Import of a file written by `exportAll`. Nothing in the file is trusted: it is parsed only after
 * a size check, every record is checked against a strict schema of its store (unknown fields are
 * refused, so nothing that could be a secret gets in), and only a file that passes whole replaces
 * the data, in one transaction. On any problem the user gets one sentence to act on and nothing
 * changes.
 */

/** Far above any real export (tens of accounts, thousands of events), far below what hurts. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_RECORDS_PER_STORE = 200_000;

const NOTHING_CHANGED = 'Nothing was changed.';

const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const host = v.picklist(PYPI_HOSTS);
const ACCOUNT_ID = /^(pypi\.org|test\.pypi\.org)\/[^\s/]{1,100}$/;
const accountId = v.custom<AccountId>((value) => typeof value === 'string' && ACCOUNT_ID.test(value), 'Expected an account id like "pypi.org/alice"');
const seen = <T extends v.GenericSchema>(value: T) => v.strictObject({ value, seenAt: time });
const facts = AccountSnapshotSchema.entries;
const base64 = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));

const ObservedSchema = v.strictObject({
  passwordScore: v.optional(seen(v.picklist([0, 1, 2, 3, 4]))),
  passwordChangedAt: v.optional(time),
  breachFoundAt: v.optional(time),
  eventsAcknowledgedAt: v.optional(time),
  recoveryDrill: v.optional(
    v.strictObject({
      salt: base64(128),
      iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)),
      hashes: v.pipe(v.array(base64(128)), v.maxLength(16)),
      codesShownAt: time,
      lastDrillAt: v.optional(time),
      lastDrillPassed: v.optional(v.boolean()),
    }),
  ),
});

const AccountRecordSchema = v.strictObject({
  id: accountId,
  host,
  username: text(100),
  firstSeenAt: time,
  lastSeenAt: time,
  pagesSeenAt: v.record(v.picklist(PAGE_KINDS), time),
  locale: facts.locale,
  displayName: v.optional(seen(v.unwrap(facts.displayName))),
  dateJoined: v.optional(seen(time)),
  emails: v.optional(seen(v.unwrap(facts.emails))),
  twoFactor: v.optional(seen(v.unwrap(facts.twoFactor))),
  recoveryCodes: v.optional(seen(v.unwrap(facts.recoveryCodes))),
  apiTokens: v.optional(seen(v.unwrap(facts.apiTokens))),
  projects: v.optional(seen(v.unwrap(facts.projects))),
  loginMethods: v.optional(seen(v.unwrap(facts.loginMethods))),
  recoveryCodesShown: v.optional(seen(v.unwrap(facts.recoveryCodesShown))),
  projectSources: v.optional(
    seen(v.pipe(v.array(v.strictObject({ project: text(256), repositoryUrl: v.nullable(text(2048)) })), v.maxLength(5000))),
  ),
  historyReadUpTo: v.optional(time),
  observed: v.optional(ObservedSchema),
});

const StoredEventSchema = v.strictObject({
  ...SecurityEventSchema.entries,
  id: text(4096),
  accountId,
  firstSeenAt: time,
});

const StoredSnapshotSchema = v.strictObject({
  ...v.omit(AccountSnapshotSchema, ['securityEvents']).entries,
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  accountId,
  eventCount: v.optional(count(50_000)),
});

const hour = count(23);
const days = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650));
/** Stored settings may predate a setting (defaults fill it), so every key is optional. */
const SettingsSchema = v.partial(
  v.strictObject({
    passwordRotationDays: v.picklist([0, 90, 180, 365]),
    reminders: v.partial(
      v.strictObject({ passwordRotation: v.boolean(), recoveryCodes: v.boolean(), checkUp: v.boolean(), recoveryFollowUp: v.boolean(), emailDomain: v.boolean() }),
    ),
    quietHours: v.nullable(v.strictObject({ startHour: hour, endHour: hour })),
    pausedUntil: v.nullable(time),
    breachCheck: v.boolean(),
    drillIntervalDays: days,
    staleAfterDays: days,
    emailDomainCheck: v.boolean(),
    emailDomainCheckOffered: v.boolean(),
  }),
);

const ReminderStateSchema = v.strictObject({
  id: text(1024),
  firedForPeriod: v.optional(text(256)),
  lastFiredAt: v.optional(time),
  snoozedUntil: v.optional(time),
  snoozedForPeriod: v.optional(text(256)),
  doneForPeriod: v.optional(text(256)),
});

const ReminderHistorySchema = v.strictObject({
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  reminderId: text(1024),
  kind: text(64),
  accountId: v.optional(accountId),
  at: time,
  action: v.picklist(['fired', 'opened', 'snoozed', 'done', 'dismissed']),
});

const RecoveryRequestSchema = v.strictObject({
  id: text(256),
  host,
  username: text(100),
  status: v.picklist(['drafted', 'submitted', 'answered', 'resolved']),
  createdAt: time,
  submittedAt: v.optional(time),
  issueUrl: v.optional(v.pipe(v.string(), v.maxLength(2048), v.url(), v.startsWith('https://'))),
  updatedAt: time,
});

const PromptStateSchema = v.strictObject({ id: text(1024), dismissedAt: v.optional(time), snoozedUntil: v.optional(time) });

// Each schema and its hand-written type must describe the same record.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTypes: [
  Same<v.InferOutput<typeof AccountRecordSchema>, AccountRecord>,
  Same<v.InferOutput<typeof StoredEventSchema>, StoredEvent>,
  Same<v.InferOutput<typeof StoredSnapshotSchema>, StoredSnapshot>,
  Same<v.InferOutput<typeof ReminderStateSchema>, ReminderState>,
  Same<v.InferOutput<typeof ReminderHistorySchema>, ReminderHistoryEntry>,
  Same<v.InferOutput<typeof RecoveryRequestSchema>, RecoveryRequest>,
  Same<v.InferOutput<typeof PromptStateSchema>, PromptState>,
  Same<Required<v.InferOutput<typeof SettingsSchema>>['quietHours'], Settings['quietHours']>,
] = [true, true, true, true, true, true, true, true];
void schemasMatchTypes;

/** How each store keys its records: by the record's `id`, or (settings) by a fixed name. */
const STORES = {
  accounts: { schema: AccountRecordSchema, key: 'id' },
  snapshots: { schema: StoredSnapshotSchema, key: 'id' },
  events: { schema: StoredEventSchema, key: 'id' },
  settings: { schema: SettingsSchema, key: 'settings' },
  reminders: { schema: ReminderStateSchema, key: 'id' },
  reminderHistory: { schema: ReminderHistorySchema, key: 'id' },
  recoveryRequests: { schema: RecoveryRequestSchema, key: 'id' },
  prompts: { schema: PromptStateSchema, key: 'id' },
} as const satisfies Record<string, { schema: v.GenericSchema; key: 'id' | 'settings' }>;

export type StoreName = keyof typeof STORES;
export const STORE_NAMES = Object.keys(STORES) as StoreName[];

/**
 * A field name that can only mean a secret. PyPI Guard has no such field (its `recoveryCodes`,
 * `apiTokens` and `totp` hold counts, names and booleans), so one means a foreign or tampered file.
 */
const SECRET_FIELD =
  /^(password|passwd|pwd|pass|totp_?value|recovery_?code(_?value)?|recovery_codes|codes?|tokens?|token_?value|api_?key|private_?key|session(_?id)?|credentials?)$|secret|cookie|csrf|otpauth/i;
/** Values that look like a secret wherever they sit: a PyPI API token or a TOTP provisioning URI. */
const SECRET_VALUE = /\bpypi-[A-Za-z0-9_-]{40,}|otpauth:\/\//i;

const FieldsSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: text(64),
  stores: v.record(v.string(), v.pipe(v.array(v.strictObject({ key: v.union([v.string(), v.number()]), value: v.unknown() })), v.maxLength(MAX_RECORDS_PER_STORE))),
});

export interface ValidImport {
  schemaVersion: number;
  exportedAt: string;
  stores: { [Name in StoreName]: { key: string | number; value: v.InferOutput<(typeof STORES)[Name]['schema']> }[] };
}

export type ImportCheck = { ok: true; data: ValidImport } | { ok: false; message: string };

/** Checks an export file's text without touching the store. */
export function checkImport(text: string): ImportCheck {
  const refuse = (reason: string): ImportCheck => ({ ok: false, message: `${reason} ${NOTHING_CHANGED}` });
  if (text.length > MAX_IMPORT_BYTES) return refuse(`This file is too large to be a PyPI Guard export (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('This file is not valid JSON: it may be cut short or not be a PyPI Guard export.');
  }

  const secret = findSecret(parsed, '');
  if (secret) return refuse(`This file contains ${secret}, which could hold a secret. PyPI Guard never stores passwords, codes or tokens, so it will not import this file.`);

  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT) return refuse('This is not a PyPI Guard export (its "format" is missing or different).');
  if (typeof parsed.schemaVersion === 'number' && parsed.schemaVersion > DB_VERSION) {
    return refuse(`This file comes from a newer PyPI Guard (data version ${parsed.schemaVersion}; this one reads up to ${DB_VERSION}). Update the extension, then import again.`);
  }
  const fields = v.safeParse(FieldsSchema, parsed);
  if (!fields.success) return refuse(`This export is damaged: ${describeIssue(fields.issues[0])}.`);

  const stores = Object.fromEntries(STORE_NAMES.map((name) => [name, []])) as unknown as ValidImport['stores'];
  for (const [name, rows] of Object.entries(fields.output.stores)) {
    if (!isStoreName(name)) return refuse(`This export has data PyPI Guard does not know ("${name}").`);
    const { schema, key } = STORES[name];
    const seenKeys = new Set<string | number>();
    for (const [index, row] of rows.entries()) {
      const where = `${name} record ${index + 1}`;
      const record = v.safeParse(schema, row.value);
      if (!record.success) return refuse(`This export is damaged: ${where}: ${describeIssue(record.issues[0])}.`);
      const expectedKey = key === 'settings' ? 'settings' : (record.output as { id?: string | number }).id;
      if (row.key !== expectedKey) return refuse(`This export is damaged: ${where} is filed under the wrong key.`);
      if (seenKeys.has(row.key)) return refuse(`This export is damaged: ${where} repeats the key of an earlier record.`);
      seenKeys.add(row.key);
      (stores[name] as { key: string | number; value: unknown }[]).push({ key: row.key, value: record.output });
    }
  }
  return { ok: true, data: { schemaVersion: fields.output.schemaVersion, exportedAt: fields.output.exportedAt, stores } };
}

export type ImportResult = { ok: true; counts: Record<StoreName, number> } | { ok: false; message: string };

/**
 * Replaces all data with the file's, in one transaction: either every store holds exactly the
 * file's records afterwards, or (on any error) the data is as it was.
 */
export async function importAll(db: PypiGuardDb, text: string): Promise<ImportResult> {
  const check = checkImport(text);
  if (!check.ok) return check;
  const names = STORE_NAMES.filter((name) => db.objectStoreNames.contains(name));
  // Working state and what is derived from the old data go too (the next tick rebuilds the summary).
  const transient = TRANSIENT_STORES.filter((name) => db.objectStoreNames.contains(name));
  try {
    const tx = db.transaction([...names, ...transient], 'readwrite');
    const writes: Promise<unknown>[] = transient.map((name) => tx.objectStore(name).clear());
    for (const name of names) {
      const store = tx.objectStore(name);
      writes.push(store.clear());
      for (const row of check.data.stores[name]) {
        // `settings` keeps its key outside the record; every other store reads it from `id`.
        writes.push(name === 'settings' ? tx.objectStore('settings').put(row.value, String(row.key)) : store.put(row.value as never));
      }
    }
    await Promise.all([...writes, tx.done]);
  } catch {
    return { ok: false, message: `The data could not be written (the browser refused it). ${NOTHING_CHANGED}` };
  }
  return { ok: true, counts: Object.fromEntries(names.map((name) => [name, check.data.stores[name].length])) as Record<StoreName, number> };
}

function isStoreName(name: string): name is StoreName {
  return Object.hasOwn(STORES, name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first field or value that looks like a secret, described for the user, or null. */
function findSecret(value: unknown, path: string): string | null {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? `a value that looks like a token or TOTP key${path ? ` (at ${path})` : ''}` : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findSecret(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (!isRecord(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_FIELD.test(key)) return `a field named "${key}"${path ? ` (at ${path})` : ''}`;
    const found = findSecret(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'unknown problem';
  const path = v.getDotPath(issue);
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') return `unexpected field "${path ?? '?'}"`;
  return `${path ? `"${path}": ` : ''}${issue.message}`;
}

export type { ExportFile };
