import * as v from 'valibot';
import { AccountSnapshotSchema, drillIterations, ReadableFactSchema, ReaderMissSchema, SecurityEventSchema } from '../messages';
import { checkIssueUrl } from '../recovery/tracker';
import { epochMs as time, pypiUsername, text } from '../schema-parts';
import { PYPI_HOSTS } from '../pypi/hosts';
import { PAGE_KINDS } from '../pypi/page-kinds';
import type { Settings } from '../settings';
import { EXPORT_FORMAT, type ExportFile } from './index';
import { DB_VERSION, TRANSIENT_STORES, type PypiGuardDb } from './schema';
import { accountIdOf } from './types';
import { joinSentences, t } from '../text/messages';
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
 * refused, so nothing that could be a secret gets in), with the same rules as what the extension
 * writes itself: PyPI's username rule, ids that are their host and username, the support tracker's
 * issue addresses, the drill's minimum PBKDF2 rounds. Only a file that passes whole replaces the
 * data, in one transaction. On any problem the user gets one sentence to act on and nothing
 * changes; nothing in a file can make the check itself fail (it walks the file without recursion,
 * and refuses nesting deeper than any export has).
 */

/** Far above any real export (tens of accounts, thousands of events), far below what hurts. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_RECORDS_PER_STORE = 200_000;
/** An export nests about eight levels deep; anything far deeper is not one. */
export const MAX_IMPORT_DEPTH = 32;


const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const host = v.picklist(PYPI_HOSTS);
/** `host/username`, the username by PyPI's rule and lower-cased, as accountIdOf writes it. */
const ACCOUNT_ID = /^(pypi\.org|test\.pypi\.org)\/[a-z0-9](?:[a-z0-9._-]{0,48}[a-z0-9])?$/;
const accountId = v.custom<AccountId>((value) => typeof value === 'string' && ACCOUNT_ID.test(value), 'Expected an account id like "pypi.org/alice"');
/** The tracker's own rule: the canonical address of one issue in pypi/support. */
const issueUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((url) => {
    const checked = checkIssueUrl(url);
    return checked.ok && checked.url === url;
  }, 'Expected the address of an issue in PyPI’s support tracker, like https://github.com/pypi/support/issues/1234'),
);
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
      iterations: drillIterations,
      hashes: v.pipe(v.array(base64(128)), v.maxLength(16)),
      codesShownAt: time,
      lastDrillAt: v.optional(time),
      lastDrillPassed: v.optional(v.boolean()),
    }),
  ),
});

const AccountRecordSchema = v.pipe(
  v.strictObject({
  id: accountId,
  host,
  username: pypiUsername,
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
  unreadable: v.optional(
    v.record(ReadableFactSchema, v.strictObject({ missing: ReaderMissSchema, pageKind: v.picklist(PAGE_KINDS), seenAt: time, version: text(32) })),
  ),
  observed: v.optional(ObservedSchema),
  }),
  v.check((record) => record.id === accountIdOf(record.host, record.username), 'its id is not its host and username'),
);

const StoredEventSchema = v.strictObject({
  ...SecurityEventSchema.entries,
  id: text(4096),
  accountId,
  firstSeenAt: time,
});

const StoredSnapshotSchema = v.pipe(
  v.strictObject({
    ...v.omit(AccountSnapshotSchema, ['securityEvents']).entries,
    id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    accountId,
    eventCount: v.optional(count(50_000)),
  }),
  // Filed under the account it names, on its own host (snapshots of the two-factor step name none).
  v.check(
    (snapshot) => (snapshot.username ? snapshot.accountId === accountIdOf(snapshot.host, snapshot.username) : snapshot.accountId.startsWith(`${snapshot.host}/`)),
    'its account id is not its host and username',
  ),
);

const hour = count(23);
const days = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650));
/**
 * Stored settings may predate a setting (defaults fill it), so every key is optional; and an older
 * export may carry `reminders.passwordRotation`, which getSettings folds into the schedule.
 */
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
  username: pypiUsername,
  status: v.picklist(['drafted', 'submitted', 'answered', 'resolved']),
  createdAt: time,
  submittedAt: v.optional(time),
  issueUrl: v.optional(issueUrl),
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
  const refuse = (reason: string): ImportCheck => ({ ok: false, message: joinSentences([reason, t('import_nothing_changed')]) });
  if (text.length > MAX_IMPORT_BYTES) return refuse(t('import_too_large', { size: MAX_IMPORT_BYTES / 1024 / 1024 }));

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(t('import_not_json'));
  }

  const scan = scanForSecrets(parsed);
  if (scan === 'too-deep') return refuse(t('import_too_deep', { levels: MAX_IMPORT_DEPTH }));
  if (scan) {
    const { field, path } = scan;
    if (field !== undefined) return refuse(path ? t('import_secret_field_at', { field, path }) : t('import_secret_field', { field }));
    return refuse(path ? t('import_secret_value_at', { path }) : t('import_secret_value'));
  }

  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT) return refuse(t('import_not_export'));
  if (typeof parsed.schemaVersion === 'number' && parsed.schemaVersion > DB_VERSION) {
    return refuse(t('import_newer', { found: String(parsed.schemaVersion), known: DB_VERSION }));
  }
  const fields = v.safeParse(FieldsSchema, parsed);
  if (!fields.success) return refuse(t('import_damaged', { detail: describeIssue(fields.issues[0]) }));

  const stores = Object.fromEntries(STORE_NAMES.map((name) => [name, []])) as unknown as ValidImport['stores'];
  for (const [name, rows] of Object.entries(fields.output.stores)) {
    if (!isStoreName(name)) return refuse(t('import_unknown_store', { name }));
    const { schema, key } = STORES[name];
    const seenKeys = new Set<string | number>();
    for (const [index, row] of rows.entries()) {
      const where = `${name} record ${index + 1}`;
      const record = v.safeParse(schema, row.value);
      if (!record.success) return refuse(t('import_damaged_at', { where, detail: describeIssue(record.issues[0]) }));
      const expectedKey = key === 'settings' ? 'settings' : (record.output as { id?: string | number }).id;
      if (row.key !== expectedKey) return refuse(t('import_wrong_key', { where }));
      if (seenKeys.has(row.key)) return refuse(t('import_repeated_key', { where }));
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
    return { ok: false, message: joinSentences([t('import_write_failed'), t('import_nothing_changed')]) };
  }
  return { ok: true, counts: Object.fromEntries(names.map((name) => [name, check.data.stores[name].length])) as Record<StoreName, number> };
}

function isStoreName(name: string): name is StoreName {
  return Object.hasOwn(STORES, name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value still to look at, and how it was reached (the path is spelled out only for a find). */
interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
  depth: number;
}

function pathOf(visit: Visit): string {
  const parts: string[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) parts.unshift(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
  return parts.join('').replace(/^\./, '');
}

/**
 * The first field or value that looks like a secret, described for the user; 'too-deep' for a
 * file nested deeper than any export; or null. Walks with a stack of its own, never recursion, so
 * no file can exhaust the call stack (a recursive walk threw on deep nesting, and the import
 * failed without a word).
 */
/** Where a secret-shaped thing was found: a field's name, or a value (no name); `path` when not at the top. */
interface SecretFound {
  field?: string;
  path?: string;
}

function scanForSecrets(root: unknown): SecretFound | 'too-deep' | null {
  const stack: Visit[] = [{ value: root, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    const where = (): SecretFound => {
      const path = pathOf(visit);
      return path ? { path } : {};
    };
    if (typeof value === 'string') {
      if (SECRET_VALUE.test(value)) return where();
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (visit.depth >= MAX_IMPORT_DEPTH) return 'too-deep';
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key] of entries) {
      if (typeof key === 'string' && SECRET_FIELD.test(key)) return { field: key, ...where() };
    }
    // Reversed onto the stack, so the file is read in its own order (the first secret is named).
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index]!;
      stack.push({ value: item, key, parent: visit, depth: visit.depth + 1 });
    }
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
