import * as v from 'valibot';
import { PYPI_HOSTS } from './pypi/hosts';
import { EVENT_TAGS } from './pypi/event-tags';
import { PAGE_KINDS } from './pypi/page-kinds';
import { READABLE_FACTS, READER_MISSES, type AccountSnapshot, type ReaderMiss } from './pypi/snapshot';
import { epochMs, pypiUsername, text } from './schema-parts';
import { PROMPT_IDS, type PromptId } from './prompts/ids';
import type { HibpRangeReply } from './prompts/breach/hibp';
import type { AccountAuditReply } from './prompts/account-audit';

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Every message is checked against these schemas on receipt; anything else is dropped.
 * Bounds are generous for real accounts and stop a hostile page from flooding the store.
 */

const time = epochMs;
const username = pypiUsername;

// Flags a page did not show are absent (unknown), so they are optional here.
const EmailSchema = v.strictObject({
  address: text(254),
  primary: v.optional(v.boolean()),
  verified: v.optional(v.boolean()),
  status: v.optional(v.picklist(['verified', 'verified-with-bounces', 'unverified', 'unverified-blocked'])),
});

const TokenSchema = v.strictObject({
  name: text(512),
  scope: v.optional(
    v.variant('kind', [
      v.strictObject({ kind: v.literal('account') }),
      v.strictObject({ kind: v.literal('projects'), projects: v.pipe(v.array(text(256)), v.maxLength(1000)) }),
    ]),
  ),
  createdAt: v.optional(time),
  lastUsedAt: v.optional(v.nullable(time)),
});

export const SecurityEventSchema = v.strictObject({
  tag: v.picklist([...EVENT_TAGS, 'unknown']),
  summary: text(512),
  details: v.optional(text(2048)),
  reason: v.optional(text(64)),
  method: v.optional(text(64)),
  label: v.optional(text(64)),
  authMethod: v.optional(v.literal('basic')),
  time,
  location: v.optional(text(512)),
  device: v.optional(text(512)),
});

const SecurityEventsSchema = v.pipe(v.array(SecurityEventSchema), v.maxLength(50_000));

export const ReadableFactSchema = v.picklist(READABLE_FACTS);
export const ReaderMissSchema = v.picklist(Object.keys(READER_MISSES) as ReaderMiss[]);

export const AccountSnapshotSchema = v.strictObject({
  host: v.picklist(PYPI_HOSTS),
  username: v.optional(username),
  pageKind: v.picklist(PAGE_KINDS),
  seenAt: time,
  locale: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$/))),
  displayName: v.optional(text(100)),
  dateJoined: v.optional(time),
  emails: v.optional(v.pipe(v.array(EmailSchema), v.maxLength(100))),
  twoFactor: v.optional(v.strictObject({ totp: v.boolean(), securityKeys: v.pipe(v.array(text(64)), v.maxLength(100)) })),
  recoveryCodes: v.optional(
    v.strictObject({
      generated: v.boolean(),
      generatedAt: v.optional(time),
      unused: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8))),
    }),
  ),
  apiTokens: v.optional(v.pipe(v.array(TokenSchema), v.maxLength(5000))),
  securityEvents: v.optional(SecurityEventsSchema),
  historyReadInEnglish: v.optional(v.literal(true)),
  projects: v.optional(v.pipe(v.array(text(256)), v.maxLength(5000))),
  loginMethods: v.optional(v.strictObject({ totp: v.boolean(), webauthn: v.boolean(), recoveryCodes: v.boolean() })),
  recoveryCodesShown: v.optional(v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8)) })),
  // Codes from fixed lists, never page text: a problem report can carry nothing the page said.
  unreadable: v.optional(v.pipe(v.array(v.strictObject({ fact: ReadableFactSchema, missing: ReaderMissSchema })), v.minLength(1), v.maxLength(READABLE_FACTS.length))),
});

/**
 * A snapshot from the page model. Its security history may come as JSON text: the page model
 * writes a long history's text in slices (utils/content/history-json.ts), so the browser's own
 * serialisation of the message is one string, not 10,000 objects in one long task on PyPI's page.
 * The text is read back here, and checked by the same schema, before any handler sees it.
 */
export const SnapshotMessageSchema = v.strictObject({
  type: v.literal('snapshot'),
  snapshot: v.strictObject({
    ...AccountSnapshotSchema.entries,
    securityEvents: v.optional(v.union([SecurityEventsSchema, v.pipe(v.string(), v.maxLength(64_000_000), v.parseJson(), SecurityEventsSchema)])),
  }),
});

/**
 * From the page model on a page with a security history, before it reads the rows: up to when
 * this account's history is stored already (`AccountRecord.historyReadUpTo`), so it reads only the
 * rows added since. The host is the sender's.
 */
export const HistoryCursorMessageSchema = v.strictObject({
  type: v.literal('history-cursor'),
  username,
});

/** The answer: the time of the newest row stored (epoch ms; rows up to it are stored), or null. */
export interface HistoryCursorReply {
  storedUpTo: number | null;
}

/** Sent when the login form is submitted, so the two-factor page that follows can be attributed. */
export const LoginAttemptMessageSchema = v.strictObject({
  type: v.literal('login-attempt'),
  username,
});

/**
 * From an extension page (popup, options, recovery, drill) after every write to the store: the
 * background runs a reminders tick at once (notifications, alarms, badge) and answers when it is
 * done. Refused from content scripts: their messages are refreshed after by the router itself.
 */
export const DataChangedMessageSchema = v.strictObject({ type: v.literal('data-changed') });

// ---- In-page prompts (content scripts → background) ------------------------------------------

const promptId = v.picklist(PROMPT_IDS);
const zxcvbnScore = v.picklist([0, 1, 2, 3, 4]);
const base64 = (length: number) => v.pipe(v.string(), v.length(length), v.regex(/^[A-Za-z0-9+/]+={0,2}$/));

/**
 * On PyPI's sign-in steps after the password (two-factor, recovery code), which name no account:
 * the account is the login pending in the sender's tab, which the background knows.
 */
const signingIn = v.optional(v.literal(true));

/** Which prompts the user silenced for this account (or, with neither field, this host). */
export const PromptStatesMessageSchema = v.strictObject({
  type: v.literal('prompt-states'),
  username: v.optional(username),
  signingIn,
});

/** "Don't show again" or "Remind me later" on a prompt, for the same account as prompt-states. */
export const PromptDismissMessageSchema = v.strictObject({
  type: v.literal('prompt-dismiss'),
  username: v.optional(username),
  signingIn,
  promptId,
  action: v.picklist(['dismiss', 'snooze']),
});

/**
 * A Have I Been Pwned range lookup: only the first five hex characters of the password's SHA-1.
 * The rest of the hash never leaves the content script.
 */
export const HibpRangeMessageSchema = v.strictObject({
  type: v.literal('hibp-range'),
  prefix: v.pipe(v.string(), v.regex(/^[0-9A-F]{5}$/)),
});

/**
 * A PyPI password form was submitted: its zxcvbn score (never the password) and, when known,
 * whether Have I Been Pwned lists it. Kept until the next page says whether PyPI accepted it.
 */
export const PasswordSubmittedMessageSchema = v.strictObject({
  type: v.literal('password-submitted'),
  form: v.picklist(['login', 'change', 'reset']),
  username: v.optional(username),
  score: zxcvbnScore,
  breached: v.optional(v.boolean()),
  /** The login page was reached from a successful password reset (see login-page-shown). */
  afterReset: v.optional(v.boolean()),
});

/**
 * A login page's report on itself, sent on every view of it, for the password submit pending in
 * its tab: did PyPI show its success message (after a reset-password submit), and did it refuse a
 * right but breached password with its compromised-password error (after a login submit)?
 */
export const LoginPageShownMessageSchema = v.strictObject({
  type: v.literal('login-page-shown'),
  succeeded: v.boolean(),
  compromisedPassword: v.optional(v.literal(true)),
});

/** PBKDF2 rounds a drill hash must have: fewer would make the stored hashes cheap to guess. */
export const MIN_DRILL_ITERATIONS = 100_000;
export const drillIterations = v.pipe(v.number(), v.integer(), v.minValue(MIN_DRILL_ITERATIONS), v.maxValue(10_000_000));

/** Salted PBKDF2 hashes of the recovery codes PyPI just showed (never the codes). */
export const RecoveryCodesShownMessageSchema = v.strictObject({
  type: v.literal('recovery-codes-shown'),
  username,
  salt: base64(24),
  iterations: drillIterations,
  hashes: v.pipe(v.array(base64(44)), v.minLength(1), v.maxLength(8)),
});

/** The user does not want the drill for this account: forget its hashes. */
export const RecoveryDrillForgetMessageSchema = v.strictObject({
  type: v.literal('recovery-drill-forget'),
  username,
});

/** The audit results and history rows the nudges on an account page act on. */
export const AccountAuditMessageSchema = v.strictObject({
  type: v.literal('account-audit'),
  username,
  /** When the page was loaded: the answer must include this visit. */
  pageSeenAfter: time,
});

/**
 * "It was me" on the security-events prompt, with the ids of the rows the card showed: the
 * background accepts it only when no suspicious row the user did not see is left.
 */
export const AcknowledgeEventsMessageSchema = v.strictObject({
  type: v.literal('acknowledge-events'),
  username,
  shownEventIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(512))), v.maxLength(100)),
});

/** "Can't sign in?": open the extension's recovery assistant for the sender's PyPI host. */
export const OpenRecoveryAssistantMessageSchema = v.strictObject({
  type: v.literal('open-recovery-assistant'),
});

// ---- Code loaded on demand (content scripts → utils/background/load-on-demand.ts) -----------------

/**
 * From a PyPI page, for code it loads only when needed: `prompts` (the in-page prompts, on the
 * signed-out password pages once a password field is used) and `zxcvbn` (the strength estimator,
 * ~800 kB, once a password is typed). It names only which: the background injects it into the
 * sender's own frame, after checking from the browser's sender URL that the page is one it serves.
 * Not part of MessageSchema: the router never sees it as a message of its own.
 */
export const LoadOnDemandMessageSchema = v.strictObject({
  type: v.literal('load-on-demand'),
  script: v.picklist(['prompts', 'zxcvbn']),
});
export type LoadOnDemandMessage = v.InferOutput<typeof LoadOnDemandMessageSchema>;
/** The answer, once the script has run in the frame (or could not be injected). */
export interface LoadOnDemandReply {
  loaded: boolean;
}

// ---- Password reset prefill (pypi-facts.md §2: the reset form's one field, `username_or_email`) ----

/**
 * From the recovery assistant, as the user follows its link to PyPI's password reset: the username
 * they chose, for the content script on that page. Travels through the background, never in the URL,
 * so it stays out of PyPI's logs and no web page can plant one.
 */
export const ExpectPasswordResetMessageSchema = v.strictObject({
  type: v.literal('expect-password-reset'),
  host: v.picklist(PYPI_HOSTS),
  username,
});

/** From the content script on the reset page: which username to fill in, if any (answered once). */
export const PasswordResetUsernameMessageSchema = v.strictObject({
  type: v.literal('password-reset-username'),
});

// ---- Look-alike pages (PyPI Guard's scripts on hosts that imitate PyPI → background) ----------
// They carry nothing but their type: the background reads the page's address from the browser and
// classifies it itself, so a page cannot name another site or tab.

/** From the opt-in probe: this page has a password-like field. The background marks the tab and injects the warning. */
export const LookalikePasswordFormMessageSchema = v.strictObject({ type: v.literal('lookalike-password-form') });
/** From the warning as it starts: mark the tab; the reply says whether the user chose to continue on this site. */
export const LookalikePageMessageSchema = v.strictObject({ type: v.literal('lookalike-page') });
/** The user's deliberate second step on the warning ("Continue to this site"): remembered for the site. */
export const LookalikeContinueMessageSchema = v.strictObject({ type: v.literal('lookalike-continue') });

export const LookalikeMessageSchema = v.variant('type', [LookalikePasswordFormMessageSchema, LookalikePageMessageSchema, LookalikeContinueMessageSchema]);
export type LookalikeMessage = v.InferOutput<typeof LookalikeMessageSchema>;

export interface LookalikeReplies {
  'lookalike-password-form': null;
  'lookalike-page': { continued: boolean };
  'lookalike-continue': { saved: boolean };
}

/** Parses an unknown value into a look-alike page's message, or null. */
export function parseLookalikeMessage(value: unknown): LookalikeMessage | null {
  const result = v.safeParse(LookalikeMessageSchema, value);
  return result.success ? result.output : null;
}

export const MessageSchema = v.variant('type', [
  SnapshotMessageSchema,
  HistoryCursorMessageSchema,
  LoginAttemptMessageSchema,
  PromptStatesMessageSchema,
  PromptDismissMessageSchema,
  HibpRangeMessageSchema,
  PasswordSubmittedMessageSchema,
  LoginPageShownMessageSchema,
  RecoveryCodesShownMessageSchema,
  RecoveryDrillForgetMessageSchema,
  OpenRecoveryAssistantMessageSchema,
  AccountAuditMessageSchema,
  AcknowledgeEventsMessageSchema,
  DataChangedMessageSchema,
  ExpectPasswordResetMessageSchema,
  PasswordResetUsernameMessageSchema,
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type PromptStatesMessage = v.InferOutput<typeof PromptStatesMessageSchema>;
export type PromptDismissMessage = v.InferOutput<typeof PromptDismissMessageSchema>;
export type HibpRangeMessage = v.InferOutput<typeof HibpRangeMessageSchema>;
export type PasswordSubmittedMessage = v.InferOutput<typeof PasswordSubmittedMessageSchema>;
export type LoginPageShownMessage = v.InferOutput<typeof LoginPageShownMessageSchema>;
export type RecoveryCodesShownMessage = v.InferOutput<typeof RecoveryCodesShownMessageSchema>;
export type RecoveryDrillForgetMessage = v.InferOutput<typeof RecoveryDrillForgetMessageSchema>;
export type OpenRecoveryAssistantMessage = v.InferOutput<typeof OpenRecoveryAssistantMessageSchema>;

/** What the background answers to each prompt message. */
export interface PromptReplies {
  'prompt-states': { silenced: PromptId[] };
  'prompt-dismiss': { saved: boolean };
  'hibp-range': HibpRangeReply;
  'password-submitted': { noted: boolean };
  /** `breachRecorded`: this view settled a sign-in refused for a breached password, and the breach was stored. */
  'login-page-shown': { resetConfirmed: boolean; breachRecorded: boolean };
  'recovery-codes-shown': { stored: boolean; drillIntervalDays: number };
  'recovery-drill-forget': { forgotten: boolean };
  'open-recovery-assistant': { opened: boolean };
  'account-audit': AccountAuditReply;
  'acknowledge-events': { acknowledged: boolean };
}

/** Messages in-page prompts send, and the reply each gets. */
export type ContentMessage = Extract<Message, { type: keyof PromptReplies }>;
export type ContentReply<M extends ContentMessage> = PromptReplies[M['type']];
export type SnapshotMessage = v.InferOutput<typeof SnapshotMessageSchema>;
/** What the page model sends: the history may be JSON text (SnapshotMessageSchema). */
export type SnapshotMessageInput = v.InferInput<typeof SnapshotMessageSchema>;
export type LoginAttemptMessage = v.InferOutput<typeof LoginAttemptMessageSchema>;
export type HistoryCursorMessage = v.InferOutput<typeof HistoryCursorMessageSchema>;
export type DataChangedMessage = v.InferOutput<typeof DataChangedMessageSchema>;
export type ExpectPasswordResetMessage = v.InferOutput<typeof ExpectPasswordResetMessageSchema>;
export type PasswordResetUsernameMessage = v.InferOutput<typeof PasswordResetUsernameMessageSchema>;

/**
 * The username for the reset form: the one chosen in the assistant, else the only account stored
 * for the page's host, else none.
 */
export type PasswordResetUsernameReply = { username: string; source: 'assistant' | 'stored-account' } | { username: null };

// The schema and the hand-written snapshot type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const snapshotTypesAgree: Same<v.InferOutput<typeof AccountSnapshotSchema>, AccountSnapshot> = true;
void snapshotTypesAgree;

/** Parses an unknown value into a Message, or returns null when it does not fit the protocol. */
export function parseMessage(value: unknown): Message | null {
  const result = v.safeParse(MessageSchema, value);
  return result.success ? result.output : null;
}
