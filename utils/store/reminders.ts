import type { HistorySummary } from '../events/history-summary';
import { periodCovers } from '../reminders/period';
import type { EmailDomainRecord } from '../email-domain/types';
import { currentSummary, refreshHistorySummary } from './history-summaries';
import type { PypiGuardDb } from './schema';
import { accountIdOf, type AccountId, type AccountRecord, type RecoveryRequest, type ReminderHistoryEntry, type ReminderState } from './types';

/** Everything the reminder logic reads, taken in one transaction so it is one consistent moment. */
export interface ReminderStoreInput {
  /** Each account with its history summary: the rows themselves are not read (a tick costs the same with 10 or 10,000). */
  accounts: { account: AccountRecord; history: HistorySummary }[];
  reminderStates: ReminderState[];
  recoveryRequests: RecoveryRequest[];
  /** The email domains' last RDAP answers (empty while the email-domain check is off). */
  emailDomains: EmailDomainRecord[];
}

export async function readReminderInput(db: PypiGuardDb): Promise<ReminderStoreInput> {
  const tx = db.transaction(['accounts', 'historySummaries', 'reminders', 'recoveryRequests', 'emailDomains'], 'readonly');
  const [accounts, summaries, reminderStates, recoveryRequests, emailDomains] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('historySummaries').getAll(),
    tx.objectStore('reminders').getAll(),
    tx.objectStore('recoveryRequests').getAll(),
    tx.objectStore('emailDomains').getAll(),
  ]);
  await tx.done;
  const stored = new Map(summaries.map((summary) => [summary.accountId, summary]));
  const withHistory: ReminderStoreInput['accounts'] = [];
  for (const account of accounts) {
    // Missing after an upgrade or an import: derived from the rows once, then kept.
    const history = currentSummary(stored.get(account.id), account) ?? (await summaryFromRows(db, account.id));
    if (history) withHistory.push({ account, history });
  }
  return { accounts: withHistory, reminderStates, recoveryRequests, emailDomains };
}

/** Derives an account's summary from its rows and keeps it; undefined when the account is gone meanwhile. */
async function summaryFromRows(db: PypiGuardDb, id: AccountId): Promise<HistorySummary | undefined> {
  const tx = db.transaction(['accounts', 'events', 'historySummaries'], 'readwrite');
  const account = await tx.objectStore('accounts').get(id);
  const history = account ? await refreshHistorySummary(tx, account) : undefined;
  await tx.done;
  return history;
}

export async function getReminderStates(db: PypiGuardDb): Promise<ReminderState[]> {
  return db.getAll('reminders');
}

export async function getReminderState(db: PypiGuardDb, id: string): Promise<ReminderState | undefined> {
  return db.get('reminders', id);
}

/** The fields that decide whether a reminder fires: a claim succeeds only if none changed meanwhile. */
function sameDecision(a: ReminderState | undefined, b: ReminderState | undefined): boolean {
  return (
    a?.firedForPeriod === b?.firedForPeriod &&
    a?.lastFiredAt === b?.lastFiredAt &&
    a?.snoozedUntil === b?.snoozedUntil &&
    a?.snoozedForPeriod === b?.snoozedForPeriod &&
    a?.doneForPeriod === b?.doneForPeriod
  );
}

export interface ReminderRef {
  id: string;
  kind: string;
  accountId?: AccountId;
  period: string;
}

/**
 * Records that a reminder fires for its period, with its history line, in one transaction — but
 * only if its state is still the one the decision was made from. Two ticks racing (the periodic
 * alarm and a one-off alarm at the same minute) therefore notify once: the second claim fails.
 */
export async function claimReminderFiring(db: PypiGuardDb, reminder: ReminderRef, decidedFrom: ReminderState | undefined, now: number): Promise<boolean> {
  const tx = db.transaction(['reminders', 'reminderHistory'], 'readwrite');
  const current = await tx.objectStore('reminders').get(reminder.id);
  if (!sameDecision(current, decidedFrom)) {
    await tx.done;
    return false;
  }
  const next: ReminderState = { ...current, id: reminder.id, firedForPeriod: reminder.period, lastFiredAt: now };
  // A snooze belongs to the period it was given for: a new period starts unsnoozed, and the old
  // snooze must not hold (or, when it ends, re-notify) the period that fires now.
  if (!periodCovers(next.snoozedForPeriod, reminder.period)) {
    delete next.snoozedUntil;
    delete next.snoozedForPeriod;
  }
  await tx.objectStore('reminders').put(next);
  await tx.objectStore('reminderHistory').add(historyEntry(reminder, 'fired', now));
  await tx.done;
  return true;
}

export type ReminderUserAction = Exclude<ReminderHistoryEntry['action'], 'fired'>;

/**
 * What the user did with a reminder, with its history line, in one transaction. Snooze holds the
 * reminder's period until `snoozeUntil`, whether or not it has fired yet (quiet hours may be
 * holding it); Done silences this period; opening the page or dismissing the notification changes
 * nothing but the history (the reminder stays on the badge until dealt with).
 */
export async function recordReminderAction(
  db: PypiGuardDb,
  reminder: ReminderRef,
  action: ReminderUserAction,
  now: number,
  snoozeUntil?: number,
): Promise<ReminderState> {
  const tx = db.transaction(['reminders', 'reminderHistory'], 'readwrite');
  const current: ReminderState = (await tx.objectStore('reminders').get(reminder.id)) ?? { id: reminder.id };
  const next: ReminderState = { ...current };
  if (action === 'snoozed') {
    next.snoozedUntil = snoozeUntil ?? now;
    next.snoozedForPeriod = reminder.period;
  }
  if (action === 'done') next.doneForPeriod = reminder.period;
  if (action === 'snoozed' || action === 'done') await tx.objectStore('reminders').put(next);
  await tx.objectStore('reminderHistory').add(historyEntry(reminder, action, now));
  await tx.done;
  return next;
}

function historyEntry(reminder: ReminderRef, action: ReminderHistoryEntry['action'], at: number): ReminderHistoryEntry {
  const entry: ReminderHistoryEntry = { reminderId: reminder.id, kind: reminder.kind, at, action };
  if (reminder.accountId) entry.accountId = reminder.accountId;
  return entry;
}

/** The reminder history, newest first. */
export async function getReminderHistory(db: PypiGuardDb, limit = 200): Promise<ReminderHistoryEntry[]> {
  const entries: ReminderHistoryEntry[] = [];
  const tx = db.transaction('reminderHistory', 'readonly');
  for (let cursor = await tx.store.index('byAt').openCursor(null, 'prev'); cursor && entries.length < limit; cursor = await cursor.continue()) {
    entries.push(cursor.value);
  }
  await tx.done;
  return entries;
}

/**
 * Forgets one account everywhere, in one transaction: its record, snapshots and security history,
 * its reminder states and history, the recovery requests about it (with their follow-up reminder
 * states and history) and its in-page prompt choices. Nothing keyed to it is left behind, so no
 * reminder about it can fire again and its username stays nowhere in the store. Settings are the
 * user's, not the account's, and host-wide prompt choices (`pypi.org|…`) belong to no account.
 */
export async function forgetAccountEverywhere(db: PypiGuardDb, accountId: AccountId): Promise<void> {
  const tx = db.transaction(
    ['accounts', 'snapshots', 'events', 'historySummaries', 'reminders', 'reminderHistory', 'recoveryRequests', 'prompts', 'pendingLogins', 'auditSummary'],
    'readwrite',
  );
  await tx.objectStore('accounts').delete(accountId);
  await tx.objectStore('historySummaries').delete(accountId);
  // The summary holds the account too; the next reminders tick builds it again without it.
  await tx.objectStore('auditSummary').clear();
  for (const store of ['snapshots', 'events'] as const) {
    const byAccount = tx.objectStore(store).index('byAccount');
    for (const key of await byAccount.getAllKeys(accountId)) await tx.objectStore(store).delete(key);
  }

  // Requests carry host and username (a locked-out user may have no stored account): match the id.
  const requests = tx.objectStore('recoveryRequests');
  const reminderIds = new Set<string>();
  for (const request of await requests.getAll()) {
    if (accountIdOf(request.host, request.username) !== accountId) continue;
    await requests.delete(request.id);
    reminderIds.add(`recovery-follow-up|${request.id}`);
  }

  const states = tx.objectStore('reminders');
  for (const key of await states.getAllKeys()) {
    if (key.endsWith(`|${accountId}`) || reminderIds.has(key)) await states.delete(key);
  }
  const history = tx.objectStore('reminderHistory');
  for (let cursor = await history.openCursor(); cursor; cursor = await cursor.continue()) {
    const entry = cursor.value;
    if (entry.accountId === accountId || entry.reminderId.endsWith(`|${accountId}`) || reminderIds.has(entry.reminderId)) await cursor.delete();
  }

  // Prompt choices are keyed `<accountId>|<promptId>` (utils/prompts/ids.ts).
  const prompts = tx.objectStore('prompts');
  for (const key of await prompts.getAllKeys()) {
    if (key.startsWith(`${accountId}|`)) await prompts.delete(key);
  }
  // A sign-in under way for the account: its username as typed, matched as PyPI does (any case).
  const pendingLogins = tx.objectStore('pendingLogins');
  for (const login of await pendingLogins.getAll()) {
    if (accountIdOf(login.host, login.username) === accountId) await pendingLogins.delete(login.id);
  }
  await tx.done;
}
