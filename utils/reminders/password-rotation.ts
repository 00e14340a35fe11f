import type { Settings } from '../settings';
import type { AccountRecord } from '../store/types';
import type { HistorySummary } from '../events/history-summary';
import { periodOf } from './period';
import { formatDate } from '../text/format';
import { accountLabel, daysBetween, plural, siteName } from './text';
import { DAY_MS, type ReminderCandidate, type ReminderKindModule, type ReminderTrigger } from './types';

/** zxcvbn scores below this are "easy to guess" (PyPI itself refuses below 2; 3 is the usual bar). */
export const WEAK_PASSWORD_SCORE_BELOW = 3;

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
export function lastPasswordChange(account: AccountRecord, history: Pick<HistorySummary, 'newestPasswordChangeAt'>): LastPasswordChange | null {
  const observedAt = account.observed?.passwordChangedAt;
  const rowAt = history.newestPasswordChangeAt;
  if (rowAt !== undefined && (observedAt === undefined || rowAt > observedAt)) return { at: rowAt, source: 'security-history' };
  return observedAt !== undefined ? { at: observedAt, source: 'observed' } : null;
}

export type PasswordSchedule =
  | { status: 'scheduled'; lastChange: LastPasswordChange; dueAt: number }
  | { status: 'off'; lastChange: LastPasswordChange | null }
  | { status: 'unknown'; explanation: string };

/**
 * When the calendar says the password should next change. The options page shows the `unknown`
 * case so the user learns why no schedule reminder will come (evidence reminders still do).
 */
export function passwordSchedule(account: AccountRecord, history: HistorySummary, settings: Settings): PasswordSchedule {
  const lastChange = lastPasswordChange(account, history);
  if (settings.passwordRotationDays === 0) return { status: 'off', lastChange };
  if (!lastChange) {
    return {
      status: 'unknown',
      explanation:
        'PyPI Guard does not know when this password last changed, so no scheduled reminder can be set. It learns the date when you change the password on PyPI, or from the security history on your account page (which covers 90 days).',
    };
  }
  return { status: 'scheduled', lastChange, dueAt: lastChange.at + settings.passwordRotationDays * DAY_MS };
}

/** Something that says the password should change now. */
export interface PasswordEvidence {
  trigger: Extract<ReminderTrigger, 'breach' | 'weak-password' | 'failed-login-burst' | 'unrecognised-sign-in'>;
  /**
   * What this evidence is, as one part of the reminder's period (`<trigger>:<time>`): the same for
   * as long as the evidence holds, however often it is read again, so "Done" keeps it quiet.
   */
  key: string;
  /** When PyPI Guard learned it: a history row read weeks after it happened is news from that read. */
  at: number;
  /** One sentence for the notification. */
  detail: string;
}

/**
 * Evidence that the password may be known to someone else or easy to guess. Security-history
 * evidence counts only if it happened after the last change (older rows are about a password no
 * longer in use) and was first read after the user last said "It was me" (the shared rule of
 * utils/events; the history summary applies both); a breach counts until the password changes; a
 * weak score always (it describes the password in use). Evidence is dated by when PyPI Guard
 * learned it, so a row dated ahead of this computer's clock reminds from its own time.
 */
export function passwordEvidence(account: AccountRecord, history: HistorySummary, now: number): PasswordEvidence[] {
  const lastChange = lastPasswordChange(account, history);
  const observed = account.observed ?? {};
  const evidence: PasswordEvidence[] = [];

  if (observed.breachFoundAt !== undefined && (!lastChange || observed.breachFoundAt > lastChange.at)) {
    evidence.push({
      trigger: 'breach',
      key: `breach:${observed.breachFoundAt}`,
      at: observed.breachFoundAt,
      detail: `Have I Been Pwned lists this password as breached (found ${formatDate(observed.breachFoundAt)}).`,
    });
  }

  const score = observed.passwordScore;
  if (score && score.value < WEAK_PASSWORD_SCORE_BELOW) {
    // The weakness belongs to the password (known since its last change, or our first sight of
    // the account): re-scoring the same password on each login is the same evidence.
    const passwordSince = lastChange?.at ?? account.firstSeenAt;
    evidence.push({
      trigger: 'weak-password',
      key: `weak-password:${passwordSince}`,
      at: Math.min(Math.max(passwordSince, score.seenAt), now),
      detail: `This password scored ${score.value} of 4 for strength: it is easy to guess.`,
    });
  }

  const burst = history.evidence.failedLoginBurst;
  if (burst) {
    evidence.push({
      trigger: 'failed-login-burst',
      key: `failed-login-burst:${burst.at}`,
      at: burst.learnedAt,
      detail: `${plural(burst.count, 'failed login')} within 24 hours (from ${formatDate(burst.startedAt)}). If that was not you, someone may be guessing.`,
    });
  }

  const signIn = history.evidence.unrecognisedSignIn;
  if (signIn) {
    const where = signIn.location ? ` from ${signIn.location}` : '';
    evidence.push({
      trigger: 'unrecognised-sign-in',
      key: `unrecognised-sign-in:${signIn.time}`,
      at: signIn.learnedAt,
      detail: `A login${where} on ${formatDate(signIn.time)} came from a device or place not seen before. If that was not you, change the password.`,
    });
  }
  return evidence;
}

type PasswordTrigger = PasswordEvidence['trigger'] | 'rotation-schedule';

const TITLES: Record<PasswordTrigger, string> = {
  'rotation-schedule': 'Time to change your password',
  breach: 'Change your password: it appears in a breach',
  'weak-password': 'Change your password: it is easy to guess',
  'failed-login-burst': 'Someone tried to log in to your account',
  'unrecognised-sign-in': 'New login to your account',
};

export const passwordRotation: ReminderKindModule = {
  kind: 'password-rotation',
  // No switch of its own: the schedule's "Off" turns off the calendar reminder; evidence always reminds.
  candidates(input, settings, now) {
    const candidates: ReminderCandidate[] = [];
    for (const { account, history } of input.accounts) {
      const schedule = passwordSchedule(account, history, settings);
      const triggers: { trigger: PasswordTrigger; key: string; at: number; detail: string }[] = [...passwordEvidence(account, history, now)];
      if (schedule.status === 'scheduled') {
        triggers.push({
          trigger: 'rotation-schedule',
          key: `rotation-schedule:${schedule.dueAt}`,
          at: schedule.dueAt,
          detail: `Last changed ${plural(daysBetween(schedule.lastChange.at, now), 'day')} ago; your schedule is every ${settings.passwordRotationDays} days.`,
        });
      }
      // One reminder per account. Its period is the set of every trigger due now, so "Done"
      // covers everything known so far and only something new (evidence learned later, whatever
      // its date; the next calendar date) brings it back. Nothing due: the next trigger, upcoming.
      const dueNow = triggers.filter((trigger) => trigger.at <= now).sort(bySeverity);
      const upcoming = triggers.filter((trigger) => trigger.at > now).sort((a, b) => a.at - b.at);
      const parts = dueNow.length > 0 ? dueNow : upcoming.slice(0, 1);
      const headline = parts[0];
      if (!headline) continue;
      candidates.push({
        id: `password-rotation|${account.id}`,
        kind: 'password-rotation',
        accountId: account.id,
        period: periodOf(parts.map((part) => part.key)),
        reason: headline.trigger === 'rotation-schedule' ? 'schedule' : 'evidence',
        trigger: headline.trigger,
        dueAt: Math.max(...parts.map((part) => part.at)),
        title: `${siteName(account.host)}: ${TITLES[headline.trigger]}`,
        message: [`${accountLabel(account.username, account.host)}.`, ...parts.map((part) => part.detail)].join(' '),
        openUrl: `https://${account.host}/manage/account/#change-password`,
      });
    }
    return candidates;
  },
};

/** The most serious trigger heads the notification: evidence before the calendar. */
const SEVERITY: PasswordTrigger[] = ['breach', 'unrecognised-sign-in', 'failed-login-burst', 'weak-password', 'rotation-schedule'];

function bySeverity(a: { trigger: PasswordTrigger }, b: { trigger: PasswordTrigger }): number {
  return SEVERITY.indexOf(a.trigger) - SEVERITY.indexOf(b.trigger);
}
