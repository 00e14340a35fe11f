import type { EmailDomainRecord } from '../email-domain/types';
import type { Settings } from '../settings';
import type { HistorySummary } from '../events/history-summary';
import type { AccountRecord } from '../store/types';
import { t } from '../text/messages';

export const CHECK_IDS = [
  'two-factor',
  'second-factor-method',
  'recovery-codes',
  'recovery-codes-remaining',
  'verified-email',
  'recovery-readiness',
  'password-strength',
  'password-age',
  'api-tokens',
  'security-events',
  'data-freshness',
  'email-domain',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
/**
 * `unknown`: PyPI Guard has not seen the page that tells yet. `unreadable`: it saw the page but not
 * in a shape it understands (PyPI changed it), so it says so instead of guessing.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unreadable' | 'unknown';

/** What a check knows about one account. */
export interface AuditState {
  account: AccountRecord;
  /** What the account's stored security history says (utils/events/history-summary.ts). */
  history: HistorySummary;
  settings: Settings;
  /** The email domains' last RDAP answers, shared by all accounts (absent: none looked up). */
  emailDomains?: readonly EmailDomainRecord[];
}

/**
 * Where a fix happens: an exact PyPI page, or a page of the extension (resolved by the UI with
 * `browser.runtime.getURL`, so pure checks never touch browser APIs).
 */
export type FixTarget = { kind: 'pypi'; url: string } | { kind: 'extension'; path: string };

export interface CheckOutcome {
  status: CheckStatus;
  /** One line: what is true, or what to open to find out. */
  detail: string;
  fix: FixTarget;
  /** The fix button's words. */
  fixLabel: string;
  /**
   * Present when acknowledging the security history (marking every row read up to now as seen by
   * the user) would change this outcome; its words for the button. The UI offers it exactly then.
   */
  acknowledgeLabel?: string;
}

export interface CheckResult extends CheckOutcome {
  id: CheckId;
  title: string;
  /** The account pages are old: this result may no longer hold. */
  stale: boolean;
}

/** One audit check: a pure function of the account's state and the time. */
export interface Check {
  id: CheckId;
  title: string;
  /** Share of the score (see utils/audit/index.ts). */
  weight: number;
  /** An opt-in check runs (and shows) only while this says so; the others always run. */
  isOn?(settings: Settings): boolean;
  run(state: AuditState, now: number): CheckOutcome;
}

export const DAY_MS = 86_400_000;

/** An exact page on the account's own PyPI (pypi.org or test.pypi.org). */
export const pypiPage = (state: AuditState, path: string): FixTarget => ({ kind: 'pypi', url: `https://${state.account.host}${path}` });

/** What a check waits to see on /manage/account/; each has its whole sentence (`needs_settings_<what>`). */
export type SettingsSubject = 'tokens' | 'email_addresses' | 'emails' | 'recovery_codes' | 'security_history' | 'primary_verified' | 'two_factor_methods' | 'two_factor';

/** The honest answer before /manage/account/ was seen: unknown, and the page that tells. */
export function needsAccountSettings(state: AuditState, what: SettingsSubject): CheckOutcome {
  return {
    status: 'unknown',
    detail: t(`needs_settings_${what}`),
    fix: pypiPage(state, '/manage/account/'),
    fixLabel: t('fix_open_account_settings'),
  };
}
