import type { Settings } from '../settings';
import type { AccountRecord, StoredEvent } from '../store/types';
import { isUnfamiliarSignIn } from '../events/suspicious';
import { accountLabel, daysBetween, isoDate, plural, siteName } from './text';
import { DAY_MS, type ReminderCandidate, type ReminderKindModule, type ReminderTrigger } from './types';

/** Three or more failed logins within this window are a burst (someone is guessing). */
export const FAILED_LOGIN_BURST_COUNT = 3;
export const FAILED_LOGIN_BURST_WINDOW_MS = DAY_MS;
/** zxcvbn scores below this are "easy to guess" (PyPI itself refuses below 2; 3 is the usual bar). */
export const WEAK_PASSWORD_SCORE_BELOW = 3;

const PASSWORD_CHANGE_TAGS = new Set(['account:password:change', 'account:password:reset']);

export interface LastPasswordChange {
  at: number;
  /** `observed`: PyPI Guard saw the change succeed; `security-history`: a row in PyPI's security history. */
  source: 'observed' | 'security-history';
}

/**
 * The last known password change: PyPI Guard's own observation or the newest change/reset row in
 * the security history, whichever is newer. Null when neither exists (PyPI shows only 90 days of
 * history, so an older change is invisible).
 */
export function lastPasswordChange(account: AccountRecord, events: StoredEvent[]): LastPasswordChange | null {
  let newest: LastPasswordChange | null =
    account.observed?.passwordChangedAt !== undefined ? { at: account.observed.passwordChangedAt, source: 'observed' } : null;
  for (const event of events) {
    if (PASSWORD_CHANGE_TAGS.has(event.tag) && (!newest || event.time > newest.at)) newest = { at: event.time, source: 'security-history' };
  }
  return newest;
}

export type PasswordSchedule =
  | { status: 'scheduled'; lastChange: LastPasswordChange; dueAt: number }
  | { status: 'off'; lastChange: LastPasswordChange | null }
  | { status: 'unknown'; explanation: string };

/**
 * When the calendar says the password should next change. The options page shows the `unknown`
 * case so the user learns why no schedule reminder will come (evidence reminders still do).
 */
export function passwordSchedule(account: AccountRecord, events: StoredEvent[], settings: Settings): PasswordSchedule {
  const lastChange = lastPasswordChange(account, events);
  if (settings.passwordRotationDays === 0 || !settings.reminders.passwordRotation) return { status: 'off', lastChange };
  if (!lastChange) {
    return {
      status: 'unknown',
      explanation:
        'PyPI Guard does not know when this password last changed, so no scheduled reminder can be set. It learns the date when you change the password on PyPI, or from the security history on your account page (which covers 90 days).',
    };
  }
  return { status: 'scheduled', lastChange, dueAt: lastChange.at + settings.passwordRotationDays * DAY_MS };
}

/** Something that says the password should change now, with the time it appeared. */
export interface PasswordEvidence {
  trigger: Extract<ReminderTrigger, 'breach' | 'weak-password' | 'failed-login-burst' | 'unrecognised-sign-in'>;
  at: number;
  /** One sentence for the notification. */
  detail: string;
}

/**
 * Evidence that the password may be known to someone else or easy to guess. Security-history
 * evidence counts only after the last change and after the user last said "It was me"; a breach
 * counts until the password changes; a weak score always (it describes the password in use).
 */
export function passwordEvidence(account: AccountRecord, events: StoredEvent[], now: number): PasswordEvidence[] {
  const lastChange = lastPasswordChange(account, events);
  const observed = account.observed ?? {};
  const evidence: PasswordEvidence[] = [];

  if (observed.breachFoundAt !== undefined && (!lastChange || observed.breachFoundAt > lastChange.at)) {
    evidence.push({
      trigger: 'breach',
      at: observed.breachFoundAt,
      detail: `Have I Been Pwned lists this password as breached (found ${isoDate(observed.breachFoundAt)}).`,
    });
  }

  const score = observed.passwordScore;
  if (score && score.value < WEAK_PASSWORD_SCORE_BELOW) {
    // The weakness is as old as the password (or, unknown, as our first sight of the account), so
    // re-scoring on each login does not start a new period and re-notify for the same password.
    evidence.push({
      trigger: 'weak-password',
      at: Math.min(lastChange?.at ?? account.firstSeenAt, now),
      detail: `This password scored ${score.value} of 4 for strength: it is easy to guess.`,
    });
  }

  const cutoff = Math.max(lastChange?.at ?? -Infinity, observed.eventsAcknowledgedAt ?? -Infinity);
  const ascending = [...events].sort((a, b) => a.time - b.time);
  const recent = ascending.filter((event) => event.time > cutoff && event.time <= now);

  const burst = newestFailedLoginBurst(recent);
  if (burst) {
    evidence.push({
      trigger: 'failed-login-burst',
      at: burst.at,
      detail: `${plural(burst.count, 'failed login')} within 24 hours (from ${isoDate(burst.startedAt)}). If that was not you, someone may be guessing.`,
    });
  }

  const signIn = newestUnrecognisedSignIn(ascending, recent);
  if (signIn) {
    const where = signIn.location ? ` from ${signIn.location}` : '';
    evidence.push({
      trigger: 'unrecognised-sign-in',
      at: signIn.time,
      detail: `A sign-in${where} on ${isoDate(signIn.time)} came from a device or place not seen before. If that was not you, change the password.`,
    });
  }
  return evidence;
}

interface FailedLoginBurst {
  /** The failure that made it a burst (the third within 24 hours): the burst's identity. */
  at: number;
  startedAt: number;
  count: number;
}

/**
 * Groups failed logins (ascending) into bursts: a failure completes a burst when it is the third
 * within 24 hours; completing failures less than 24 hours apart belong to one burst, so a long
 * attack is one period, not one per failure.
 */
export function newestFailedLoginBurst(ascendingEvents: StoredEvent[]): FailedLoginBurst | null {
  const failures = ascendingEvents.filter((event) => event.tag === 'account:login:failure').map((event) => event.time);
  let newest: FailedLoginBurst | null = null;
  let lastCompletingAt = -Infinity;
  let windowStart = 0;
  for (let index = 0; index < failures.length; index++) {
    const time = failures[index]!;
    while (time - failures[windowStart]! > FAILED_LOGIN_BURST_WINDOW_MS) windowStart++;
    const inWindow = index - windowStart + 1;
    if (inWindow < FAILED_LOGIN_BURST_COUNT) continue;
    if (newest && time - lastCompletingAt <= FAILED_LOGIN_BURST_WINDOW_MS) {
      newest.count = Math.max(newest.count, inWindow);
    } else {
      newest = { at: time, startedAt: failures[windowStart]!, count: inWindow };
    }
    lastCompletingAt = time;
  }
  return newest;
}

/**
 * The newest sign-in PyPI flagged as from a new device, or a successful login from a location no
 * earlier event of the account shows. The first located event proves nothing (there is nothing to
 * compare with), so a location counts as new only when an earlier location exists.
 */
function newestUnrecognisedSignIn(allAscending: StoredEvent[], recent: StoredEvent[]): StoredEvent | null {
  let newest: StoredEvent | null = null;
  for (const event of recent) {
    const isUnrecognised = event.tag === 'account:login:new_device' || isUnfamiliarSignIn(event, allAscending);
    if (isUnrecognised && (!newest || event.time >= newest.time)) newest = event;
  }
  return newest;
}

type PasswordTrigger = PasswordEvidence['trigger'] | 'rotation-schedule';

const TITLES: Record<PasswordTrigger, string> = {
  'rotation-schedule': 'Time to change your password',
  breach: 'Change your password: it appears in a breach',
  'weak-password': 'Change your password: it is easy to guess',
  'failed-login-burst': 'Someone tried to sign in to your account',
  'unrecognised-sign-in': 'New sign-in to your account',
};

export const passwordRotation: ReminderKindModule = {
  kind: 'password-rotation',
  setting: 'passwordRotation',
  candidates(input, settings, now) {
    const candidates: ReminderCandidate[] = [];
    for (const { account, events } of input.accounts) {
      const schedule = passwordSchedule(account, events, settings);
      const evidence = passwordEvidence(account, events, now);
      // One reminder per account: its period is the newest trigger that is due, so "Done" covers
      // everything known so far and only something newer (fresh evidence, the next calendar date)
      // brings it back.
      const triggers: { trigger: PasswordTrigger; at: number; detail: string }[] = [...evidence];
      if (schedule.status === 'scheduled') {
        triggers.push({
          trigger: 'rotation-schedule',
          at: schedule.dueAt,
          detail: `Last changed ${plural(daysBetween(schedule.lastChange.at, now), 'day')} ago; your schedule is every ${settings.passwordRotationDays} days.`,
        });
      }
      const dueNow = triggers.filter((trigger) => trigger.at <= now).sort((a, b) => b.at - a.at);
      const chosen = dueNow[0] ?? triggers.sort((a, b) => a.at - b.at)[0];
      if (!chosen) continue;
      const also = dueNow.slice(1).map((trigger) => trigger.detail);
      candidates.push({
        id: `password-rotation|${account.id}`,
        kind: 'password-rotation',
        accountId: account.id,
        period: `${chosen.trigger}:${chosen.at}`,
        reason: chosen.trigger === 'rotation-schedule' ? 'schedule' : 'evidence',
        trigger: chosen.trigger,
        dueAt: chosen.at,
        title: `${siteName(account.host)}: ${TITLES[chosen.trigger]}`,
        message: [`${accountLabel(account.username, account.host)}.`, chosen.detail, ...also].join(' '),
        openUrl: `https://${account.host}/manage/account/#change-password`,
      });
    }
    return candidates;
  },
};
