import { browser, type Browser } from 'wxt/browser';
import { t, type MessageId } from '../text/messages';
import { pypiHostOf } from '../pypi/hosts';
import { due, outstanding, REMINDER_KINDS, systemClock, toFire, wakeUps, type LocalClock, type Reminder } from '../reminders';
import { DAY_MS } from '../reminders/types';
import {
  claimReminderFiring,
  getSettings,
  openStore,
  readReminderInput,
  recordReminderAction,
  saveAuditSummary,
  type ReminderRef,
  type ReminderUserAction,
} from '../store';
import type { PypiGuardDb } from '../store/schema';
import { refreshBadge } from './badge';
import { auditEveryAccount, problemsOf } from '../audit/summary';
import type { EmailDomainRecord } from '../email-domain/types';
import type { Settings } from '../settings';
import type { AccountRecord } from '../store/types';

/**
 * Binds the pure `due` (utils/reminders) to the browser: alarms wake the worker, notifications
 * tell the user, the badge (utils/background/badge.ts) counts what is outstanding with the failing
 * audit checks. Nothing here decides what is due.
 *
 * Alarms (every name starts with `reminders:`, and any of them runs a tick):
 * - `reminders:tick` — periodic, every 60 minutes: the safety net that catches everything.
 * - `reminders:at:<reminder id>` — one-off, at the exact time a reminder may fire next (end of a
 *   snooze, quiet hours or pause; a due date).
 * Tests fire a tick from the service worker with any such name, e.g.
 * `chrome.alarms.create('reminders:refresh', { when: Date.now() })`.
 *
 * A change made on an extension page (options, popup, recovery, drill) does not go through an
 * alarm: Chrome delays alarms of a packed extension to at least 30 s. The page sends
 * `{ type: 'data-changed' }` and the router runs `requestReminderTick` at once (router.ts).
 */

export const ALARM_PREFIX = 'reminders:';
export const TICK_ALARM = 'reminders:tick';
export const ONE_OFF_ALARM_PREFIX = 'reminders:at:';
export const TICK_PERIOD_MINUTES = 60;
export const SNOOZE_MS = 7 * DAY_MS;

/** Chrome shows at most two buttons; the notification's body opens the page ("Open PyPI"). */
/** The notification's buttons, in the order their index reports a click: the popup's own words. */
export const NOTIFICATION_BUTTONS = ['reminder_snooze', 'reminder_done'] as const satisfies readonly MessageId[];
const BUTTON_ACTIONS: ReminderUserAction[] = ['snoozed', 'done'];

export interface ReminderDeps {
  openDb(): Promise<PypiGuardDb>;
  now(): number;
  clock: LocalClock;
  /**
   * Brings the email domains' RDAP answers up to date and returns them (utils/background/email-domains.ts).
   * Set by the background entry point only: it carries the public-suffix list and IANA's file,
   * which the pages that import this module (popup, options) must not load. Without it, a tick
   * uses the stored answers.
   */
  refreshEmailDomains?(db: PypiGuardDb, accounts: AccountRecord[], settings: Settings, now: number, stored: readonly EmailDomainRecord[]): Promise<EmailDomainRecord[]>;
}

export const defaultReminderDeps: ReminderDeps = { openDb: () => openStore(), now: () => Date.now(), clock: systemClock };

/**
 * Registers the listeners (synchronously: a Manifest V3 worker woken by an alarm or a click only
 * delivers it to listeners added during its first run) and makes sure the periodic alarm exists.
 */
export function setupReminders(deps: ReminderDeps = defaultReminderDeps): void {
  // Listeners return their promise: the browser ignores it, tests can await it.
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name.startsWith(ALARM_PREFIX) ? runReminderTick(deps) : undefined));
  const restoreAndTick = () => ensureAlarms().then(() => runReminderTick(deps));
  browser.runtime.onInstalled.addListener(restoreAndTick);
  browser.runtime.onStartup.addListener(restoreAndTick);
  browser.notifications.onClicked.addListener((notificationId) => handleNotificationAction(notificationId, 'opened', deps));
  browser.notifications.onButtonClicked?.addListener((notificationId, buttonIndex) => {
    const action = BUTTON_ACTIONS[buttonIndex];
    return action ? handleNotificationAction(notificationId, action, deps) : undefined;
  });
  browser.notifications.onClosed.addListener((notificationId, byUser) =>
    byUser ? handleNotificationAction(notificationId, 'dismissed', deps) : undefined,
  );
  void ensureAlarms();
}

/** Creates the periodic alarm unless it already exists as it should: restarts never reset its schedule. */
export async function ensureAlarms(): Promise<void> {
  const existing = await browser.alarms.get(TICK_ALARM);
  if (existing?.periodInMinutes === TICK_PERIOD_MINUTES) return;
  browser.alarms.create(TICK_ALARM, { delayInMinutes: 1, periodInMinutes: TICK_PERIOD_MINUTES });
}

// One tick at a time: an alarm and a click arriving together must not both decide from the same
// state (and the store's claim makes sure that even then only one notifies).
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
}

// The tick that was asked for after a write and has not started yet.
let waitingTick: { deps: ReminderDeps; result: Promise<TickResult> } | null = null;

/**
 * A tick after stored data changed (a write by an extension page or by a content script's
 * message). Debounced without a timer: a request that arrives while such a tick waits its turn
 * joins it — that tick has not read the store yet, so it sees this write too. A burst of changes
 * costs the tick running now and one more, and each change is followed by a tick that read it.
 * Serialized with the alarm-driven ticks.
 */
export function requestReminderTick(deps: ReminderDeps = defaultReminderDeps): Promise<TickResult> {
  if (waitingTick?.deps === deps) return waitingTick.result;
  const result = serially(() => {
    if (waitingTick?.result === result) waitingTick = null;
    return tick(deps);
  });
  waitingTick = { deps, result };
  return result;
}

export interface TickResult {
  reminders: Reminder[];
  /** Reminders notified in this tick. */
  fired: Reminder[];
}

/**
 * Reads the store, runs `due`, notifies what is new, and brings the badge, the popup's audit
 * summary and the alarms up to date.
 */
export function runReminderTick(deps: ReminderDeps = defaultReminderDeps): Promise<TickResult> {
  return serially(() => tick(deps));
}

async function tick(deps: ReminderDeps): Promise<TickResult> {
  const db = await deps.openDb();
  try {
    const now = deps.now();
    const [settings, stored] = await Promise.all([getSettings(db), readReminderInput(db)]);
    // Before anything reads them: the email domains due for a lookup are looked up (opt-in).
    // A failure there must not cost the reminders: the stored answers stand.
    const accounts = stored.accounts.map(({ account }) => account);
    const emailDomains = deps.refreshEmailDomains
      ? await deps.refreshEmailDomains(db, accounts, settings, now, stored.emailDomains).catch(() => stored.emailDomains)
      : stored.emailDomains;
    const input = { ...stored, emailDomains };
    const reminders = due(input, settings, now, deps.clock);
    const states = new Map(input.reminderStates.map((state) => [state.id, state]));
    const fired: Reminder[] = [];
    for (const reminder of toFire(reminders)) {
      if (!(await claimReminderFiring(db, reminder, states.get(reminder.id), now))) continue;
      await showNotification(reminder);
      fired.push(reminder);
    }
    // One read of the store feeds the notifications, the badge and the popup's summary.
    const entries = auditEveryAccount(input.accounts, settings, now, emailDomains);
    const shown = outstanding(reminders);
    // Independent of each other: the store, the toolbar and the alarms are brought up to date together.
    await Promise.all([
      saveAuditSummary(db, { computedAt: now, entries, reminders: shown }),
      refreshBadge({ problems: problemsOf(entries), outstandingReminders: shown.length }),
      scheduleWakeUps(wakeUps(reminders, now)).then(ensureAlarms),
    ]);
    return { reminders, fired };
  } finally {
    db.close();
  }
}

/** The notification id: the reminder id and its period, so a new period is a new notification. */
export function notificationIdOf(reminder: Pick<Reminder, 'id' | 'period'>): string {
  return `${reminder.id}@${reminder.period}`;
}

/** The reminder a notification id names, or null for a notification that is not a reminder's. */
export function parseNotificationId(notificationId: string): { id: string; kind: Reminder['kind']; period: string } | null {
  const at = notificationId.lastIndexOf('@');
  if (at < 0) return null;
  const id = notificationId.slice(0, at);
  const period = notificationId.slice(at + 1);
  const kind = REMINDER_KINDS.find((module) => id.startsWith(`${module.kind}|`))?.kind;
  return kind && period ? { id, kind, period } : null;
}

// Learned on first use: Chrome takes `buttons`; Firefox supports only type, title, message and iconUrl.
let buttonsSupported: boolean | undefined;

type NotificationOptions = Browser.notifications.NotificationCreateOptions;

async function showNotification(reminder: Reminder): Promise<void> {
  const id = notificationIdOf(reminder);
  const basic = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png'), title: reminder.title, message: reminder.message };
  if (buttonsSupported !== false) {
    const withButtons: NotificationOptions = {
      ...basic,
      contextMessage: t('notification_click_to_open', { target: describeTarget(reminder.openUrl) }),
      buttons: NOTIFICATION_BUTTONS.map((id) => ({ title: t(id) })),
    };
    try {
      await browser.notifications.create(id, withButtons);
      buttonsSupported = true;
      return;
    } catch {
      buttonsSupported = false;
    }
  }
  // No buttons: a click opens the page; snooze and "Done" live on the options page.
  await browser.notifications.create(id, { ...basic, message: t('notification_message_click', { message: reminder.message, target: describeTarget(reminder.openUrl) }) });
}

function describeTarget(openUrl: string): string {
  const host = pypiHostOf(openUrl);
  return host ? host : t('extension_name');
}

/** For tests: forget what was learned about notification buttons. */
export function resetNotificationSupport(): void {
  buttonsSupported = undefined;
}

/** One one-off alarm per reminder that changes state later; stale ones are cleared. */
async function scheduleWakeUps(times: Map<string, number>): Promise<void> {
  const existing = new Map(
    (await browser.alarms.getAll()).filter((alarm) => alarm.name.startsWith(ONE_OFF_ALARM_PREFIX)).map((alarm) => [alarm.name, alarm.scheduledTime]),
  );
  for (const [id, when] of times) {
    const name = ONE_OFF_ALARM_PREFIX + id;
    if (existing.get(name) !== when) browser.alarms.create(name, { when });
    existing.delete(name);
  }
  for (const name of existing.keys()) await browser.alarms.clear(name);
}

/**
 * A click on a reminder's notification or one of its buttons: records what the user did, clears
 * the notification, opens the page for "open", and runs a tick so the badge and alarms follow.
 */
export function handleNotificationAction(notificationId: string, action: ReminderUserAction, deps: ReminderDeps = defaultReminderDeps): Promise<void> {
  const parsed = parseNotificationId(notificationId);
  if (!parsed) return Promise.resolve();
  return applyReminderAction(parsed, action, deps, notificationId);
}

/**
 * Applies a user's action on a reminder (from a notification or the options page) and refreshes
 * the badge and alarms.
 */
export async function applyReminderAction(
  target: { id: string; kind: Reminder['kind']; period: string },
  action: ReminderUserAction,
  deps: ReminderDeps = defaultReminderDeps,
  notificationId = notificationIdOf(target),
): Promise<void> {
  await serially(async () => {
    const db = await deps.openDb();
    try {
      const now = deps.now();
      const reminder = await currentReminder(db, target.id, deps, now);
      const ref: ReminderRef = { id: target.id, kind: target.kind, period: target.period, accountId: reminder?.accountId };
      await recordReminderAction(db, ref, action, now, action === 'snoozed' ? now + SNOOZE_MS : undefined);
      if (action === 'opened') await browser.tabs.create({ url: resolveOpenUrl(reminder?.openUrl ?? fallbackOpenUrl(target.id)) });
    } finally {
      db.close();
    }
  });
  if (action !== 'dismissed') await browser.notifications.clear(notificationId);
  await runReminderTick(deps);
}

async function currentReminder(db: PypiGuardDb, id: string, deps: ReminderDeps, now: number): Promise<Reminder | undefined> {
  const [settings, input] = await Promise.all([getSettings(db), readReminderInput(db)]);
  return due(input, settings, now, deps.clock).find((reminder) => reminder.id === id);
}

/** A reminder that resolved itself meanwhile still opens somewhere useful. */
function fallbackOpenUrl(reminderId: string): string {
  const subject = reminderId.slice(reminderId.indexOf('|') + 1);
  const host = subject.split('/')[0] ?? '';
  return reminderId.startsWith('recovery-follow-up|') || !pypiHostOf(`https://${host}/`) ? 'recovery.html' : `https://${host}/manage/account/`;
}

/** PyPI URLs stay as they are; anything else is a page of the extension itself. */
export function resolveOpenUrl(openUrl: string): string {
  if (pypiHostOf(openUrl)) return openUrl;
  return browser.runtime.getURL(`/${openUrl.replace(/^\/+/, '')}` as '/');
}
