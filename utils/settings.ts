/**
 * The user's choices. Stored as one record in the `settings` store; missing keys take the
 * defaults below, so a new setting never needs a migration.
 */
export interface Settings {
  /**
   * Calendar reminder to change the password; 0 = off. The one switch for it: evidence (a breach,
   * a weak score, a failed-login burst, an unrecognised login) reminds whatever it says.
   */
  passwordRotationDays: 0 | 90 | 180 | 365;
  /** Reminder kinds the user wants at all (the password's calendar reminder is `passwordRotationDays`). */
  reminders: {
    recoveryCodes: boolean;
    checkUp: boolean;
    recoveryFollowUp: boolean;
    /** An email domain entering the last 45 days before it expires, and again at 14 and 3 days. */
    emailDomain: boolean;
  };
  /** No notifications between these local hours (24h clock, start inclusive, end exclusive); null = none. */
  quietHours: { startHour: number; endHour: number } | null;
  /** All reminders paused until this time (epoch ms); null = not paused. */
  pausedUntil: number | null;
  /** Check typed passwords against Have I Been Pwned (k-anonymity range API). */
  breachCheck: boolean;
  /** Days between recovery-code drills. */
  drillIntervalDays: number;
  /**
   * The audit is "stale" once this many days × 24 hours have elapsed since the account pages were
   * seen (`now − seenAt ≥ staleAfterDays × DAY_MS`, raw milliseconds, not calendar days): the
   * check-up reminder and the audit's freshness check use the same boundary.
   */
  staleAfterDays: number;
  /**
   * Look up when the account's email domains expire (RDAP, only the domain name is sent). Off
   * until the user turns it on: the popup offers it once, the options page keeps the switch.
   */
  emailDomainCheck: boolean;
  /** The popup's one-time offer of `emailDomainCheck` was answered (either way): not offered again. */
  emailDomainCheckOffered: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  passwordRotationDays: 180,
  reminders: { recoveryCodes: true, checkUp: true, recoveryFollowUp: true, emailDomain: true },
  quietHours: null,
  pausedUntil: null,
  breachCheck: true,
  drillIntervalDays: 60,
  staleAfterDays: 30,
  emailDomainCheck: false,
  emailDomainCheckOffered: false,
};

/**
 * Settings as stored by any version: before 0.2 a second switch, `reminders.passwordRotation`,
 * turned off the same calendar reminder as the schedule's "Off".
 */
export type StoredSettings = Partial<Omit<Settings, 'reminders'>> & { reminders?: Partial<Settings['reminders']> & { passwordRotation?: boolean } };

/**
 * Fills any missing key of a stored (possibly older) settings object with its default. The old
 * password switch, turned off, becomes the schedule's "Off" (what it did), and is dropped.
 */
export function withDefaults(stored: StoredSettings | undefined): Settings {
  const { passwordRotation, ...reminders } = stored?.reminders ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    ...(passwordRotation === false && { passwordRotationDays: 0 }),
    reminders: { ...DEFAULT_SETTINGS.reminders, ...reminders },
  };
}
