import type { Settings } from '../settings';
import type { ReminderState } from '../store/types';
import { checkUp } from './check-up';
import { emailDomain } from './email-domain';
import { passwordRotation } from './password-rotation';
import { recoveryCodes } from './recovery-codes';
import { recoveryFollowUp } from './recovery-follow-up';
import { periodCovers } from './period';
import { DAY_MS, HOUR_MS, type LocalClock, type Reminder, type ReminderCandidate, type ReminderInput, type ReminderKindModule } from './types';

export * from './types';
export { periodCovers, periodOf } from './period';
export { lastPasswordChange, passwordEvidence, passwordSchedule, type PasswordSchedule } from './password-rotation';

/** Every reminder kind, in the order they are listed (options page) and notified. */
export const REMINDER_KINDS: readonly ReminderKindModule[] = [passwordRotation, recoveryCodes, checkUp, recoveryFollowUp, emailDomain];

/** The machine's time zone. Pure code takes the clock as an argument; this is the default for the extension. */
export const systemClock: LocalClock = { utcOffsetMinutes: (at) => -new Date(at).getTimezoneOffset() };

/**
 * The one place that decides which reminders are due. Pure: same input, same answer.
 *
 * Each kind proposes candidates (a kind that is switched off proposes none, except that password
 * rotation keeps its evidence reminders: the switch governs its calendar reminder only); then,
 * per reminder:
 * - "Done" for this period → dropped;
 * - not due yet → `upcoming` at its due time;
 * - snoozed for this period → `waiting` until the snooze ends (whether or not it fired before: a
 *   reminder held by quiet hours can be snoozed too), never a snooze given for another period;
 * - already notified for this period, and no snooze ended since → `shown` (never notified twice,
 *   however often the worker restarts);
 * - otherwise → `fire`, unless the global pause or quiet hours hold it (`waiting` until they end).
 * A period that names several triggers counts as "this period" for a record made for a period
 * that named all of them (see period.ts).
 */
export function due(input: ReminderInput, settings: Settings, now: number, clock: LocalClock = systemClock): Reminder[] {
  const states = new Map(input.reminderStates.map((state) => [state.id, state]));
  const reminders: Reminder[] = [];
  for (const kind of REMINDER_KINDS) {
    if (kind.setting && !settings.reminders[kind.setting]) continue;
    for (const candidate of kind.candidates(input, settings, now)) {
      const reminder = decide(candidate, states.get(candidate.id), settings, now, clock);
      if (reminder) reminders.push(reminder);
    }
  }
  return reminders;
}

function decide(candidate: ReminderCandidate, state: ReminderState | undefined, settings: Settings, now: number, clock: LocalClock): Reminder | null {
  if (periodCovers(state?.doneForPeriod, candidate.period)) return null;
  if (candidate.dueAt > now) return { ...candidate, status: 'upcoming', notBefore: candidate.dueAt };

  const snoozedUntil = snoozeOf(state, candidate.period);
  if (snoozedUntil !== undefined && snoozedUntil > now) return { ...candidate, status: 'waiting', notBefore: snoozedUntil };
  if (periodCovers(state?.firedForPeriod, candidate.period)) {
    // Notified already: once more only if a snooze for this period ended after that notification.
    const snoozeEndedSinceFiring = snoozedUntil !== undefined && (state?.lastFiredAt === undefined || state.lastFiredAt < snoozedUntil);
    if (!snoozeEndedSinceFiring) return { ...candidate, status: 'shown', notBefore: now };
  }

  const heldUntil = holdUntil(now, settings, clock);
  return heldUntil === null ? { ...candidate, status: 'fire', notBefore: now } : { ...candidate, status: 'waiting', notBefore: heldUntil };
}

/**
 * When the snooze given for `period` ends, or undefined when there is none. A snooze belongs to
 * the period it was given for; states stored before that was recorded could only snooze the
 * period they last fired for.
 */
export function snoozeOf(state: ReminderState | undefined, period: string): number | undefined {
  if (state?.snoozedUntil === undefined) return undefined;
  return periodCovers(state.snoozedForPeriod ?? state.firedForPeriod, period) ? state.snoozedUntil : undefined;
}

/** When notifications may be shown again, or null if they may be shown now (pause first, then quiet hours). */
export function holdUntil(now: number, settings: Pick<Settings, 'pausedUntil' | 'quietHours'>, clock: LocalClock): number | null {
  let until: number | null = settings.pausedUntil !== null && settings.pausedUntil > now ? settings.pausedUntil : null;
  const quietEnd = quietUntil(until ?? now, settings.quietHours, clock);
  if (quietEnd !== null) until = quietEnd;
  return until;
}

/**
 * The end of the quiet window `at` falls in, or null when it falls in none. Hours are local, the
 * start inclusive and the end exclusive; a start after the end wraps midnight (22 → 7). Equal
 * start and end make an empty window (the user meant "no quiet hours", not "always quiet").
 */
export function quietUntil(at: number, quietHours: Settings['quietHours'], clock: LocalClock): number | null {
  if (!quietHours || quietHours.startHour === quietHours.endHour) return null;
  const { startHour, endHour } = quietHours;
  const offsetMs = clock.utcOffsetMinutes(at) * 60_000;
  const local = at + offsetMs;
  const sinceLocalMidnight = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  const hour = Math.floor(sinceLocalMidnight / HOUR_MS);
  const isQuiet = startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
  if (!isQuiet) return null;
  let endLocal = local - sinceLocalMidnight + endHour * HOUR_MS;
  if (endLocal <= local) endLocal += DAY_MS;
  const end = endLocal - offsetMs;
  // A daylight-saving change inside the window moves its end by the change; re-read the offset there.
  return endLocal - clock.utcOffsetMinutes(end) * 60_000;
}

/** Reminders to notify now. */
export function toFire(reminders: Reminder[]): Reminder[] {
  return reminders.filter((reminder) => reminder.status === 'fire');
}

/** What the badge counts: due reminders the user has been (or is being) told about and has not dealt with. */
export function outstanding(reminders: Reminder[]): Reminder[] {
  return reminders.filter((reminder) => reminder.status === 'fire' || reminder.status === 'shown');
}

/** Exact future times at which a reminder may change state (for one-off alarms), per reminder id. */
export function wakeUps(reminders: Reminder[], now: number): Map<string, number> {
  const times = new Map<string, number>();
  for (const reminder of reminders) {
    if ((reminder.status === 'waiting' || reminder.status === 'upcoming') && reminder.notBefore > now) times.set(reminder.id, reminder.notBefore);
  }
  return times;
}
