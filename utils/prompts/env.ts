import { pypiHostOf } from '../pypi/hosts';
import { detectPage, type PageKind } from '../pypi/pages';
import { asUsername, signedInUsername } from '../pypi/parse/dom';
import { parseAccountDetails } from '../pypi/parse/account-details';
import { waitFor } from '../dom/wait-for';
import type { PasswordForm } from './password/form';
import { sendToBackground } from './send';
import type { PromptEnv } from './types';

/** The header's user menu is a late client-side include (pypi-facts.md §2b). */
const USER_MENU = '#user-indicator a[href^="/user/"]';
export const USER_MENU_WAIT_MS = 5_000;

/**
 * The sign-in steps after the password: they name no account, but the login just submitted in
 * this tab does (the background keeps its username).
 */
const SIGN_IN_STEPS: readonly PageKind[] = ['two-factor', 'recovery-code-login'];

/** Signed-in pages that name the account only in the late user menu. */
const NAMED_BY_USER_MENU: readonly PageKind[] = ['two-factor-settings', 'totp-provision', 'webauthn-provision', 'recovery-codes', 'recovery-codes-burn', 'api-token', 'projects'];

/**
 * What prompts know about this page: its kind, host and — where the page says — whose account
 * it is. Waits for the user menu only on pages that need it.
 */
export async function buildPromptEnv(url: URL, doc: Document, signal: AbortSignal, kind: PageKind = detectPage(url, doc)): Promise<PromptEnv> {
  const host = pypiHostOf(url);
  let username: string | null = null;
  if (host && kind === 'account-settings') username = parseAccountDetails(doc).username ?? null;
  if (host && !username && NAMED_BY_USER_MENU.includes(kind)) {
    const link = await waitFor(USER_MENU, { timeout: USER_MENU_WAIT_MS, signal, root: doc });
    username = link ? (signedInUsername(doc) ?? null) : null;
  }
  const account = username ? (asUsername(username) ?? null) : null;
  return {
    url,
    doc,
    host,
    pageKind: kind,
    username: account,
    dismissalAccount: () => (account ? { username: account } : SIGN_IN_STEPS.includes(kind) ? { signingIn: true } : {}),
    signal,
    now: () => Date.now(),
    send: host ? sendToBackground : async () => null,
  };
}

/**
 * On the login and register pages, which name no account: dismissals belong to the username typed
 * in the form, read at each use and followed as it changes (the whole host until one is typed).
 */
export function withTypedAccount(env: PromptEnv, passwordForm: Pick<PasswordForm, 'username' | 'usernameField'>): PromptEnv {
  return {
    ...env,
    dismissalAccount: () => {
      const username = passwordForm.username();
      return username ? { username } : {};
    },
    watchDismissalAccount: (onChange) => passwordForm.usernameField?.addEventListener('change', onChange, { signal: env.signal }),
  };
}
