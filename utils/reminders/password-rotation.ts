import type { Settings } from '../settings';
import type { AccountRecord } from '../store/types';
import type { HistorySummary } from '../events/history-summary';
import { periodOf } from './period';
import { formatDate } from '../text/format';
import { joinSentences, keyPart, t } from '../text/messages';
import { accountLabel, daysBetween, siteName } from './text';
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
      explanation: t('reminder_password_unknown'),
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
      detail: t('reminder_password_breach_detail', { date: formatDate(observed.breachFoundAt) }),
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
      detail: t('reminder_password_weak_detail', { score: score.value }),
    });
  }

  const burst = history.evidence.failedLoginBurst;
  if (burst) {
    evidence.push({
      trigger: 'failed-login-burst',
      key: `failed-login-burst:${burst.at}`,
      at: burst.learnedAt,
      detail: t('reminder_password_failed_logins_detail', { count: burst.count, date: formatDate(burst.startedAt) }),
    });
  }

  const signIn = history.evidence.unrecognisedSignIn;
  if (signIn) {
    evidence.push({
      trigger: 'unrecognised-sign-in',
      key: `unrecognised-sign-in:${signIn.time}`,
      at: signIn.learnedAt,
      detail: signIn.location
        ? t('reminder_password_new_login_from_detail', { place: signIn.location, date: formatDate(signIn.time) })
        : t('reminder_password_new_login_detail', { date: formatDate(signIn.time) }),
    });
  }
  return evidence;
}

type PasswordTrigger = PasswordEvidence['trigger'] | 'rotation-schedule';


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
          detail: t('reminder_password_schedule_detail', { count: daysBetween(schedule.lastChange.at, now), every: settings.passwordRotationDays }),
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
        title: t(`reminder_password_title_${keyPart(headline.trigger)}`, { site: siteName(account.host) }),
        // Whole sentences, one after another: who, then each reason.
        message: t('reminder_password_message', { account: accountLabel(account.username, account.host), details: joinSentences(parts.map((part) => part.detail)) }),
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
