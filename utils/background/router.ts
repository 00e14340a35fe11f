import type { Runtime } from 'webextension-polyfill';
import { parseMessage, type ContentMessage, type HistoryCursorMessage, type LoginAttemptMessage, type Message, type PromptReplies, type SnapshotMessage } from '../messages';
import { classifySender, type TrustedSender } from '../sender';
import { handleHistoryCursorMessage, handleSnapshotMessage, rememberLoginAttempt } from './snapshots';
import { requestReminderTick } from './reminders';
import { handlePromptMessage, defaultPromptDeps } from './prompts';
import { notePasswordOutcome } from './passwords';
import { handlePasswordResetMessage } from './password-reset';
import { bindTabAccount } from './tab-accounts';

type ContentScriptSender = Extract<TrustedSender, { kind: 'content-script' }>;
type PasswordResetMessage = Extract<Message, { type: 'expect-password-reset' | 'password-reset-username' }>;

/** What each accepted message leads to; replaced in tests to see what the router lets through. */
export interface MessageHandlers {
  snapshot(message: SnapshotMessage, from: ContentScriptSender): Promise<unknown>;
  historyCursor(message: HistoryCursorMessage, from: ContentScriptSender): Promise<unknown>;
  loginAttempt(message: LoginAttemptMessage, from: ContentScriptSender): void;
  prompt(message: ContentMessage, from: ContentScriptSender): Promise<unknown>;
  passwordReset(message: PasswordResetMessage, from: TrustedSender): Promise<unknown> | undefined;
  /** After a write: reminders, notifications and the badge follow the store (a tick). */
  refresh(): Promise<unknown>;
}

export const defaultHandlers: MessageHandlers = {
  snapshot: (message, from) =>
    handleSnapshotMessage(message, from).then(async (record) => {
      // The tab's prompts may now speak for this account, and for no other (tab-accounts.ts).
      if (record) await bindTabAccount(from, record.id);
      // A password submitted in this tab is settled by the page that follows it.
      await notePasswordOutcome(message.snapshot, from, record, defaultPromptDeps, Date.now());
      return record;
    }),
  historyCursor: handleHistoryCursorMessage,
  loginAttempt: rememberLoginAttempt,
  prompt: (message, from) => handlePromptMessage(message, from),
  passwordReset: (message, from) => handlePasswordResetMessage(message, from),
  refresh: () => requestReminderTick(),
};

/**
 * Whether a message's handler writes to the store. After such a message is handled the router
 * refreshes reminders and the badge — here, once, rather than in each handler, so none can forget
 * it or do it before its last write. Every type must be listed: a new message has to say. A
 * message that writes only sometimes says so with a test of its handler's reply: no tick runs for
 * it when nothing changed. `data-changed` is an extension page saying it wrote (options, popup,
 * recovery, drill pages).
 */
export const WRITES_STORE: Readonly<Record<Message['type'], boolean | ((reply: unknown) => boolean)>> = {
  snapshot: true, // the account, its events, and the password outcome the page settles
  'history-cursor': false,
  'login-attempt': false, // only the pending login (nothing the audit or the reminders read)
  'data-changed': true,
  'prompt-states': false,
  'prompt-dismiss': true,
  'hibp-range': false,
  'password-submitted': false, // memory only: the outcome is stored once the next page settles it
  // Sent on every view of the login page; it stores something only when PyPI's compromised-password
  // error settles a pending sign-in (the breach).
  'login-page-shown': (reply) => (reply as Partial<PromptReplies['login-page-shown']> | undefined)?.breachRecorded === true,
  'recovery-codes-shown': true, // the drill's hashes
  'recovery-drill-forget': true,
  'open-recovery-assistant': false,
  'account-audit': false,
  'acknowledge-events': true,
  'expect-password-reset': false, // memory only
  'password-reset-username': false,
};

/** This extension, as the browser names it: its id and its pages' origin (`chrome-extension://<id>/`). */
export interface OwnExtension {
  id: string;
  origin: string;
}

/**
 * The background's one door. A message is handled only if it comes from this extension's own code
 * (its pages, or its content scripts on pypi.org / test.pypi.org) and matches the protocol's schema;
 * each type is then accepted only from the kind of sender that has a reason to send it. Anything
 * else gets no answer. Returns the reply, or undefined for "no reply". The reply to a message that
 * writes comes once the write is done and reminders and the badge have followed it, so a page
 * that awaits it (the options page) can show the result.
 */
export function routeMessage(raw: unknown, sender: Pick<Runtime.MessageSender, 'id' | 'url' | 'tab'>, own: OwnExtension, handlers: MessageHandlers = defaultHandlers): Promise<unknown> | undefined {
  const from = classifySender(sender, own.id, own.origin);
  const message = parseMessage(raw);
  if (!from || !message) return undefined; // foreign or malformed: ignore silently

  const reply = dispatch(message, from, handlers);
  const writes = WRITES_STORE[message.type];
  if (reply === undefined || writes === false) return reply;
  // Even a handler that failed may have written part of its change.
  const refresh = () => handlers.refresh().catch(() => undefined);
  return reply.then(
    async (value) => {
      if (writes === true || writes(value)) await refresh();
      return value;
    },
    async (error: unknown) => {
      await refresh();
      throw error;
    },
  );
}

/** Hands an accepted message to its handler; undefined when its sender may not send it (or no reply). */
function dispatch(message: Message, from: TrustedSender, handlers: MessageHandlers): Promise<unknown> | undefined {
  switch (message.type) {
    case 'snapshot':
      return from.kind === 'content-script' ? handlers.snapshot(message, from) : undefined;
    case 'history-cursor':
      return from.kind === 'content-script' ? handlers.historyCursor(message, from) : undefined;
    case 'login-attempt':
      if (from.kind === 'content-script') handlers.loginAttempt(message, from);
      return undefined;
    case 'data-changed':
      // Only our own pages: a content script's writes are refreshed after its own message.
      return from.kind === 'extension-page' ? Promise.resolve(undefined) : undefined;
    // In-page prompts: only PyPI Guard's own content scripts on pypi.org / test.pypi.org.
    case 'prompt-states':
    case 'prompt-dismiss':
    case 'hibp-range':
    case 'password-submitted':
    case 'login-page-shown':
    case 'recovery-codes-shown':
    case 'recovery-drill-forget':
    case 'open-recovery-assistant':
    case 'account-audit':
    case 'acknowledge-events':
      return from.kind === 'content-script' ? handlers.prompt(message, from) : undefined;
    // The assistant's username for PyPI's reset page: set by our pages, read by our content script.
    case 'expect-password-reset':
    case 'password-reset-username':
      return handlers.passwordReset(message, from);
  }
}
