import type { PypiHost } from '../pypi/hosts';
import type { PageKind } from '../pypi/page-kinds';
import type {
  AccountSnapshot,
  ApiTokenFact,
  EmailFact,
  LoginMethodsFact,
  ReadableFact,
  ReaderMiss,
  RecoveryCodesFact,
  SecurityEventFact,
  TwoFactorFact,
} from '../pypi/snapshot';

/** `host/username`, the username lower-cased: PyPI matches usernames without regard to case. */
export type AccountId = `${PypiHost}/${string}`;

export function accountIdOf(host: PypiHost, username: string): AccountId {
  return `${host}/${username.toLowerCase()}`;
}

/** A fact and when PyPI Guard last saw it on a PyPI page. */
export interface Seen<T> {
  value: T;
  seenAt: number;
}

/** The merged, latest known state of one account: each fact keeps the newest value ever seen. */
export interface AccountRecord {
  id: AccountId;
  host: PypiHost;
  /** As PyPI displays it. */
  username: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** When each kind of page was last seen for this account. */
  pagesSeenAt: Partial<Record<PageKind, number>>;
  locale?: string;
  displayName?: Seen<string>;
  dateJoined?: Seen<number>;
  emails?: Seen<EmailFact[]>;
  twoFactor?: Seen<TwoFactorFact>;
  recoveryCodes?: Seen<RecoveryCodesFact>;
  apiTokens?: Seen<ApiTokenFact[]>;
  projects?: Seen<string[]>;
  loginMethods?: Seen<LoginMethodsFact>;
  recoveryCodesShown?: Seen<{ count: number }>;
  /** Public source repositories of the account's projects (PyPI JSON API `info.project_urls`). */
  projectSources?: Seen<ProjectSource[]>;
  /**
   * The time of the newest security-history row stored from a read in English: every row up to
   * it is stored. The next visit reads only the rows after it (the history's cursor).
   */
  historyReadUpTo?: number;
  /**
   * Facts whose newest reading failed: PyPI showed the section but not in a shape PyPI Guard
   * understands. Each stays until a later page reads the fact again; the value above (if any) is
   * older than it and no longer vouched for.
   */
  unreadable?: Partial<Record<ReadableFact, UnreadableFact>>;
  /** What PyPI Guard itself observed or the user told it — never read from PyPI's page text. */
  observed?: ObservedFacts;
}

/** A reader problem, as kept for the popup and for a bug report: no page text, no secret. */
export interface UnreadableFact {
  missing: ReaderMiss;
  /** The page it was met on. */
  pageKind: PageKind;
  seenAt: number;
  /** The version of PyPI Guard whose reader did not understand the page. */
  version: string;
}

export interface ProjectSource {
  project: string;
  /** The project's public source repository URL, or null when its metadata names none. */
  repositoryUrl: string | null;
}

export type ZxcvbnScore = 0 | 1 | 2 | 3 | 4;

/** Facts PyPI Guard learns itself. Each is something a user could safely lose; none is a secret. */
export interface ObservedFacts {
  /** zxcvbn score of the password in use, scored in memory on a PyPI password form. */
  passwordScore?: Seen<ZxcvbnScore>;
  /** When a password change or reset was seen to succeed. */
  passwordChangedAt?: number;
  /** When Have I Been Pwned reported the password in use as breached (cleared by a change). */
  breachFoundAt?: number;
  /** Security events up to this time were acknowledged by the user ("It was me"). */
  eventsAcknowledgedAt?: number;
  /** Recovery-code drill: salted PBKDF2 hashes of the codes PyPI showed, never the codes. */
  recoveryDrill?: RecoveryDrill;
}

export interface RecoveryDrill {
  /** Base64 salt shared by the hashes of one generation of codes. */
  salt: string;
  iterations: number;
  /** Base64 PBKDF2-SHA-256 hashes, one per code shown. */
  hashes: string[];
  codesShownAt: number;
  lastDrillAt?: number;
  lastDrillPassed?: boolean;
}

/** The facts of AccountRecord that a snapshot can carry, merged field by field. */
export const MERGED_FACTS = [
  'displayName',
  'dateJoined',
  'emails',
  'twoFactor',
  'recoveryCodes',
  'apiTokens',
  'projects',
  'loginMethods',
  'recoveryCodesShown',
] as const satisfies readonly (keyof AccountSnapshot & keyof AccountRecord)[];

/** A security-history row, kept beyond PyPI's 90-day window. */
export interface StoredEvent extends SecurityEventFact {
  /** De-duplication key: the same row seen on many visits is stored once. */
  id: string;
  accountId: AccountId;
  firstSeenAt: number;
}

/** A snapshot as received, without its events (those live in the events store). */
export interface StoredSnapshot extends Omit<AccountSnapshot, 'securityEvents'> {
  id?: number;
  accountId: AccountId;
  /** Rows this page view read (only those after the history's cursor); present whenever it read the history. */
  eventCount?: number;
}

/** Per reminder (kind + account): what happened to it, so a reminder fires once per due period. */
export interface ReminderState {
  /** `<kind>|<accountId>` (accountId empty for global reminders). */
  id: string;
  /** The due period the reminder last fired for (e.g. the due time it was computed from). */
  firedForPeriod?: string;
  lastFiredAt?: number;
  snoozedUntil?: number;
  /** The period the snooze was given for: it holds only that period (absent in older data: the period last fired). */
  snoozedForPeriod?: string;
  /** The user said "Done" for this period. */
  doneForPeriod?: string;
}

/** A line in the reminder history shown in options: what fired when and what the user did. */
export interface ReminderHistoryEntry {
  id?: number;
  reminderId: string;
  kind: string;
  accountId?: AccountId;
  at: number;
  action: 'fired' | 'opened' | 'snoozed' | 'done' | 'dismissed';
}

export type RecoveryRequestStatus = 'drafted' | 'submitted' | 'answered' | 'resolved';

/** An account-recovery request to PyPI support, tracked by the recovery assistant. */
export interface RecoveryRequest {
  id: string;
  host: PypiHost;
  /** The account it is about, as typed or known (a locked-out user may have no stored account). */
  username: string;
  status: RecoveryRequestStatus;
  createdAt: number;
  submittedAt?: number;
  /** The GitHub issue URL the user pasted after submitting. */
  issueUrl?: string;
  updatedAt: number;
}

/**
 * The username just submitted on PyPI's login form in one tab, so the two-factor page that follows
 * (which names nobody) can be attributed. Not a secret; the password is never kept.
 */
export interface PendingLogin {
  /** `<tabId>|<host>`. */
  id: string;
  host: PypiHost;
  /** As typed: used only to find the account record (case-insensitively), never displayed. */
  username: string;
  at: number;
}

/** An in-page prompt the user dismissed or snoozed, per account (`<accountId>|<promptId>`). */
export interface PromptState {
  id: string;
  dismissedAt?: number;
  snoozedUntil?: number;
}
