import type { ExpectPasswordResetMessage, Message, PasswordResetUsernameReply } from '../messages';
import type { PypiHost } from '../pypi/hosts';
import type { TrustedSender } from '../sender';
import { getAccounts, openStore } from '../store';
import type { PypiGuardDb } from '../store/schema';

/**
 * The username the recovery assistant hands to PyPI's password reset page. The assistant tells the
 * background as the user follows its link; the content script on that page asks once. Nothing here
 * is a secret (a username is public on PyPI), but only our own code may set or read it.
 */

/** Long enough to open the page and read it, short enough that an old choice is not filled in later. */
export const PASSWORD_RESET_INTENT_TTL_MS = 10 * 60_000;

/** Per PyPI host, the username chosen in the assistant. In memory only: nothing is written to disk. */
export class PasswordResetIntents {
  private readonly byHost = new Map<PypiHost, { username: string; expiresAt: number }>();

  expect(host: PypiHost, username: string, now: number): void {
    this.byHost.set(host, { username, expiresAt: now + PASSWORD_RESET_INTENT_TTL_MS });
  }

  /** The username for this host, once: a second reset page (or a reload) gets nothing from here. */
  take(host: PypiHost, now: number): string | null {
    const intent = this.byHost.get(host);
    this.byHost.delete(host);
    return intent && now < intent.expiresAt ? intent.username : null;
  }
}

export interface PasswordResetDeps {
  intents: PasswordResetIntents;
  now(): number;
  openDb(): Promise<PypiGuardDb>;
}

export const passwordResetIntents = new PasswordResetIntents();

export const defaultPasswordResetDeps: PasswordResetDeps = {
  intents: passwordResetIntents,
  now: () => Date.now(),
  openDb: () => openStore(),
};

type PasswordResetMessage = Extract<Message, { type: 'expect-password-reset' | 'password-reset-username' }>;

/**
 * Who may send what: only an extension page (the assistant) sets the username; only our content
 * script on a PyPI host reads it, and only for its own host. Anything else gets no answer.
 */
export function handlePasswordResetMessage(
  message: PasswordResetMessage,
  from: TrustedSender,
  deps: PasswordResetDeps = defaultPasswordResetDeps,
): Promise<{ noted: true } | PasswordResetUsernameReply> | undefined {
  if (message.type === 'expect-password-reset') {
    if (from.kind !== 'extension-page') return undefined;
    expectPasswordReset(message, deps);
    return Promise.resolve({ noted: true });
  }
  return from.kind === 'content-script' ? passwordResetUsername(from.host, deps) : undefined;
}

export function expectPasswordReset(message: ExpectPasswordResetMessage, deps: PasswordResetDeps): void {
  deps.intents.expect(message.host, message.username, deps.now());
}

/**
 * The assistant's choice first. Without one, the account stored for this host when there is exactly
 * one: with several, a guess submitted without a look would mail a reset to the wrong account.
 */
export async function passwordResetUsername(host: PypiHost, deps: PasswordResetDeps): Promise<PasswordResetUsernameReply> {
  const chosen = deps.intents.take(host, deps.now());
  if (chosen) return { username: chosen, source: 'assistant' };
  let stored: string[];
  try {
    const db = await deps.openDb();
    try {
      stored = (await getAccounts(db)).filter((account) => account.host === host).map((account) => account.username);
    } finally {
      db.close();
    }
  } catch {
    return { username: null };
  }
  return stored.length === 1 && stored[0] ? { username: stored[0], source: 'stored-account' } : { username: null };
}
