import { storage } from 'wxt/utils/storage';
import type { PypiHost } from '../pypi/hosts';
import { PYPI_HOSTS } from '../pypi/hosts';
import type { TrustedSender } from '../sender';
import type { AccountId } from '../store/types';

/**
 * Per tab and PyPI host: the account of the last snapshot that tab's page model sent — the
 * account its page showed (an account page, the user menu, or the two-factor step of the login
 * submitted in that tab). The prompts' messages that act on an account (acknowledge-events,
 * recovery-codes-shown, recovery-drill-forget, account-audit, prompt-dismiss) may name only this
 * one: a page that makes a prompt name another account gets nothing done and nothing read.
 *
 * Kept in the browser's session storage: it survives a service-worker restart (Chrome stops an
 * idle worker after 30 s, and a user reads a page longer than that), is never written to disk,
 * is out of content scripts' reach, and goes when the tab closes or the browser quits.
 */

type ContentScriptSender = Extract<TrustedSender, { kind: 'content-script' }>;

const keyOf = (tabId: number, host: PypiHost) => `session:tabAccount:${tabId}|${host}` as const;

/** Records the account a tab's page showed (its snapshot, once stored). */
export async function bindTabAccount(from: ContentScriptSender, accountId: AccountId): Promise<void> {
  if (from.tabId === undefined) return;
  await storage.setItem<AccountId>(keyOf(from.tabId, from.host), accountId);
}

/** The account the sender's tab last showed on its host, or null. */
export async function tabAccount(from: ContentScriptSender): Promise<AccountId | null> {
  if (from.tabId === undefined) return null;
  return storage.getItem<AccountId>(keyOf(from.tabId, from.host));
}

/** Forgets a closed tab. */
export async function forgetTabAccounts(tabId: number): Promise<void> {
  await storage.removeItems(PYPI_HOSTS.map((host) => keyOf(tabId, host)));
}
