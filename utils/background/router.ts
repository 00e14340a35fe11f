import type { Runtime } from 'webextension-polyfill';
import { parseMessage, type ContentMessage, type LoginAttemptMessage, type Message, type SnapshotMessage } from '../messages';
import { classifySender, type TrustedSender } from '../sender';
import { handleSnapshotMessage, rememberLoginAttempt } from './snapshots';
import { runReminderTick } from './reminders';
import { handlePromptMessage, defaultPromptDeps } from './prompts';
import { notePasswordOutcome } from './passwords';
import { handlePasswordResetMessage } from './password-reset';

type ContentScriptSender = Extract<TrustedSender, { kind: 'content-script' }>;
type PasswordResetMessage = Extract<Message, { type: 'expect-password-reset' | 'password-reset-username' }>;

/** What each accepted message leads to; replaced in tests to see what the router lets through. */
export interface MessageHandlers {
  snapshot(message: SnapshotMessage, from: ContentScriptSender): Promise<unknown>;
  loginAttempt(message: LoginAttemptMessage, from: ContentScriptSender): void;
  dataChanged(): Promise<unknown>;
  prompt(message: ContentMessage, from: ContentScriptSender): Promise<unknown>;
  passwordReset(message: PasswordResetMessage, from: TrustedSender): Promise<unknown> | undefined;
}

export const defaultHandlers: MessageHandlers = {
  snapshot: (message, from) =>
    handleSnapshotMessage(message, from).then(async (record) => {
      // A password submitted in this tab is settled by the page that follows it.
      await notePasswordOutcome(message.snapshot, from, record, defaultPromptDeps, Date.now());
      return record;
    }),
  loginAttempt: rememberLoginAttempt,
  dataChanged: () => runReminderTick(),
  prompt: (message, from) => handlePromptMessage(message, from),
  passwordReset: (message, from) => handlePasswordResetMessage(message, from),
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
 * else gets no answer. Returns the reply, or undefined for "no reply".
 */
export function routeMessage(raw: unknown, sender: Pick<Runtime.MessageSender, 'id' | 'url' | 'tab'>, own: OwnExtension, handlers: MessageHandlers = defaultHandlers): Promise<unknown> | undefined {
  const from = classifySender(sender, own.id, own.origin);
  const message = parseMessage(raw);
  if (!from || !message) return undefined; // foreign or malformed: ignore silently

  switch (message.type) {
    case 'snapshot':
      return from.kind === 'content-script' ? handlers.snapshot(message, from) : undefined;
    case 'login-attempt':
      if (from.kind === 'content-script') handlers.loginAttempt(message, from);
      return undefined;
    case 'data-changed':
      return from.kind === 'extension-page' ? handlers.dataChanged().then(() => undefined) : undefined;
    // In-page prompts: only PyPI Guard's own content scripts on pypi.org / test.pypi.org.
    case 'prompt-states':
    case 'prompt-dismiss':
    case 'hibp-range':
    case 'password-submitted':
    case 'password-reset-landed':
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
