import { isPypiHost } from './hosts';
import type { PageKind } from './page-kinds';
import type { PageDefinition } from './pages/define';
import { login } from './pages/login';
import { twoFactor } from './pages/two-factor';
import { recoveryCodeLogin } from './pages/recovery-code-login';
import { register } from './pages/register';
import { requestPasswordReset } from './pages/request-password-reset';
import { resetPassword } from './pages/reset-password';
import { reauthenticate } from './pages/reauthenticate';
import { confirmLogin } from './pages/confirm-login';
import { accountSettings } from './pages/account-settings';
import { twoFactorSettings } from './pages/two-factor-settings';
import { totpProvision } from './pages/totp-provision';
import { webauthnProvision } from './pages/webauthn-provision';
import { recoveryCodes } from './pages/recovery-codes';
import { recoveryCodesBurn } from './pages/recovery-codes-burn';
import { unverifiedAccount } from './pages/unverified-account';
import { apiToken } from './pages/api-token';
import { projects } from './pages/projects';
import { profile } from './pages/profile';

export type { PageKind } from './page-kinds';

/**
 * In the order they are tried. `reauthenticate` comes first: PyPI shows its password prompt in
 * place of sensitive pages, at their URL. It is a candidate on four URLs only, so on every other
 * page (the long /manage/account/ among them) detection costs a path compare and an id lookup.
 */
export const PAGE_DEFINITIONS: readonly PageDefinition[] = [
  reauthenticate,
  login,
  twoFactor,
  recoveryCodeLogin,
  register,
  requestPasswordReset,
  resetPassword,
  confirmLogin,
  accountSettings,
  twoFactorSettings,
  totpProvision,
  webauthnProvision,
  recoveryCodes,
  recoveryCodesBurn,
  unverifiedAccount,
  apiToken,
  projects,
  profile,
];

/** The kinds a URL could be, before looking at the document. */
export function candidateKinds(url: URL): PageDefinition[] {
  if (url.protocol !== 'https:' || !isPypiHost(url.hostname)) return [];
  return PAGE_DEFINITIONS.filter((definition) => definition.matchesPath(url.pathname));
}

/**
 * A PyPI page's own fingerprint, the same in every locale (pypi-facts.md, site-wide markers): the
 * meta that lists PyPI's languages, or the header PyPI renders on every page.
 */
export function looksLikePypiDocument(doc: Document): boolean {
  return doc.querySelector('meta[name="availableLanguages"]') !== null || doc.querySelector('header.site-header') !== null;
}

/** Which PyPI page this is: URL first, then a DOM marker to confirm. Never throws. */
export function detectPage(url: URL, doc: Document): PageKind {
  try {
    const candidates = candidateKinds(url);
    if (candidates.length === 0 || !looksLikePypiDocument(doc)) return 'other';
    return candidates.find((definition) => definition.confirm(doc))?.kind ?? 'other';
  } catch {
    return 'other';
  }
}
