import type { PypiGuardDb } from './schema';
import type { AccountId, AccountRecord, RecoveryRequest, ReminderHistoryEntry, ReminderState, StoredEvent } from './types';

/** Everything the reminder logic reads, taken in one transaction so it is one consistent moment. */
export interface ReminderStoreInput {
  accounts: { account: AccountRecord; events: StoredEvent[] }[];
  reminderStates: ReminderState[];
  recoveryRequests: RecoveryRequest[];
}

export async function readReminderInput(db: PypiGuardDb): Promise<ReminderStoreInput> {
  const tx = db.transaction(['accounts', 'events', 'reminders', 'recoveryRequests'], 'readonly');
  const [accounts, events, reminderStates, recoveryRequests] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('events').getAll(),
    tx.objectStore('reminders').getAll(),
    tx.objectStore('recoveryRequests').getAll(),
  ]);
  await tx.done;
  const eventsByAccount = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const list = eventsByAccount.get(event.accountId) ?? [];
    list.push(event);
    eventsByAccount.set(event.accountId, list);
  }
  return {
    accounts: accounts.map((account) => ({ account, events: eventsByAccount.get(account.id) ?? [] })),
    reminderStates,
    recoveryRequests,
  };
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
  await tx.objectStore('reminders').put({ ...current, id: reminder.id, firedForPeriod: reminder.period, lastFiredAt: now });
  await tx.objectStore('reminderHistory').add(historyEntry(reminder, 'fired', now));
  await tx.done;
  return true;
}

export type ReminderUserAction = Exclude<ReminderHistoryEntry['action'], 'fired'>;

/**
 * What the user did with a reminder, with its history line, in one transaction. Snooze holds the
 * reminder until `snoozeUntil`; Done silences this period; opening the page or dismissing the
 * notification changes nothing but the history (the reminder stays on the badge until dealt with).
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
  if (action === 'snoozed') next.snoozedUntil = snoozeUntil ?? now;
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
 * Removes the reminder state and history of one account (used with `forgetAccount`, so a
 * forgotten account leaves no username behind in the reminder stores).
 */
export async function forgetAccountReminders(db: PypiGuardDb, accountId: AccountId): Promise<void> {
  const tx = db.transaction(['reminders', 'reminderHistory'], 'readwrite');
  const states = tx.objectStore('reminders');
  for (const key of await states.getAllKeys()) {
    if (key.endsWith(`|${accountId}`)) await states.delete(key);
  }
  const history = tx.objectStore('reminderHistory');
  for (let cursor = await history.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.accountId === accountId) await cursor.delete();
  }
  await tx.done;
}
