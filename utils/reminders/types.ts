import type { Settings } from '../settings';
import type { EmailDomainRecord } from '../email-domain/types';
import type { HistorySummary } from '../events/history-summary';
import type { AccountId, AccountRecord, RecoveryRequest, ReminderState } from '../store/types';

/** One id per reminder kind: the file name in utils/reminders/, the prefix of reminder ids, the history's `kind`. */
export type ReminderKind = 'password-rotation' | 'recovery-codes' | 'check-up' | 'recovery-follow-up' | 'email-domain';

/**
 * Why a reminder is due: the user's calendar (`schedule`), something in the account that suggests
 * a compromise (`evidence`), or a state of the account that needs fixing (`state`).
 */
export type ReminderReason = 'schedule' | 'evidence' | 'state';

/** The precise trigger, for messages, history and tests. */
export type ReminderTrigger =
  | 'rotation-schedule'
  | 'breach'
  | 'weak-password'
  | 'failed-login-burst'
  | 'unrecognised-sign-in'
  | 'no-recovery-codes'
  | 'few-recovery-codes'
  | 'drill-due'
  | 'stale-audit'
  | 'no-reply'
  | 'domain-expiring';

/**
 * What the background should do with a reminder:
 * - `fire`: due and not yet shown for this period — notify now.
 * - `shown`: due and already notified for this period (e.g. before a worker restart) — count it on
 *   the badge, do not notify again.
 * - `waiting`: due, but held by quiet hours, a global pause or a snooze until `notBefore`.
 * - `upcoming`: not due yet; it becomes due at `notBefore` (for a one-off alarm).
 * A reminder the user marked "Done" for its period is not returned at all.
 */
export type ReminderStatus = 'fire' | 'shown' | 'waiting' | 'upcoming';

export interface Reminder {
  /** `<kind>|<accountId>` or `<kind>|<requestId>`: the key of its ReminderState. */
  id: string;
  kind: ReminderKind;
  accountId?: AccountId;
  /** For `recovery-follow-up`: the RecoveryRequest it is about. */
  requestId?: string;
  /**
   * Identifies the due period, e.g. `rotation-schedule:<due time>` or, with several triggers at
   * once, `breach:<time found>+rotation-schedule:<due time>` (period.ts). A reminder fires at most
   * once per period; "Done" silences it until a period names something new. Never contains "@"
   * (notification ids use it).
   */
  period: string;
  reason: ReminderReason;
  trigger: ReminderTrigger;
  /** When this period became (or becomes) due, epoch ms: for evidence, when PyPI Guard learned it. */
  dueAt: number;
  title: string;
  message: string;
  /** An absolute https://pypi.org/… or https://test.pypi.org/… URL, or an extension page path such as `recovery.html`. */
  openUrl: string;
  status: ReminderStatus;
  /** Earliest time it may be shown: now for `fire` and `shown`, the end of the hold or the due time otherwise. */
  notBefore: number;
}

/** A reminder as a kind module proposes it, before snooze, done, quiet hours and pause are applied. */
export type ReminderCandidate = Omit<Reminder, 'status' | 'notBefore'>;

/** Everything `due` reads. Pure data: the background fills it from the store. */
export interface ReminderInput {
  /** Each account with the summary of its security history (never the rows themselves). */
  accounts: { account: AccountRecord; history: HistorySummary }[];
  reminderStates: ReminderState[];
  recoveryRequests: RecoveryRequest[];
  /** The email domains' last RDAP answers (absent or empty while the email-domain check is off). */
  emailDomains?: EmailDomainRecord[];
}

/** The user's local time, injected so that tests (and quiet hours) are deterministic. */
export interface LocalClock {
  /** Minutes to add to UTC to get local time at `at` (e.g. +60 in Berlin in winter); may vary with DST. */
  utcOffsetMinutes(at: number): number;
}

export interface ReminderKindModule {
  kind: ReminderKind;
  /**
   * The switch in `settings.reminders` that turns this kind on or off. None for password rotation:
   * its schedule's "Off" turns off the calendar reminder, and evidence always reminds.
   */
  setting?: keyof Settings['reminders'];
  /** Every reminder of this kind that is due or scheduled, whatever the user did with it. */
  candidates(input: ReminderInput, settings: Settings, now: number): ReminderCandidate[];
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
