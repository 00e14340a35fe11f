import type { PageKind } from '../pypi/page-kinds';
import type { ReadableFact } from '../pypi/snapshot';
import type { AccountRecord, UnreadableFact } from '../store/types';
import { pypiPage, type AuditState, type CheckOutcome } from './types';
import { t, type MessageId } from '../text/messages';

/** What each fact is, in English, in the words of a problem report (it goes to PyPI Guard's issue tracker). */
export const FACT_NAMES: Record<ReadableFact, string> = {
  twoFactor: '2FA methods',
  recoveryCodes: 'recovery codes',
  emails: 'email addresses',
  apiTokens: 'API tokens',
  securityEvents: 'security history',
  loginMethods: '2FA methods (login page)',
};

/** The sentence saying a fact could not be read, per fact: 2FA methods read on the login page are 2FA methods. */
const UNREADABLE_SENTENCE = {
  twoFactor: 'unreadable_two_factor',
  recoveryCodes: 'unreadable_recovery_codes',
  emails: 'unreadable_emails',
  apiTokens: 'unreadable_api_tokens',
  securityEvents: 'unreadable_security_events',
  loginMethods: 'unreadable_two_factor',
} as const satisfies Record<ReadableFact, MessageId>;

/** The PyPI page to open to see the fact again; `name` is its part of the message ids `pypi_page_…` and `unreadable_open_…`. */
function pageOf(pageKind: PageKind, fact: ReadableFact): { name: 'account_settings' | 'unverified_account' | 'two_factor_login' | 'recovery_codes' | 'two_factor'; path: string } {
  switch (pageKind) {
    case 'account-settings': {
      const anchor: Record<ReadableFact, string> = {
        twoFactor: '#two-factor',
        recoveryCodes: '#two-factor',
        emails: '#account-emails',
        apiTokens: '#api-tokens',
        securityEvents: '#account-events',
        loginMethods: '#two-factor',
      };
      return { name: 'account_settings', path: `/manage/account/${anchor[fact]}` };
    }
    case 'unverified-account':
      return { name: 'unverified_account', path: '/manage/unverified-account/' };
    case 'two-factor':
      // The login's 2FA step cannot be opened at will; the 2FA settings show the same methods.
      return { name: 'two_factor_login', path: '/manage/account/two-factor/' };
    case 'recovery-codes':
      return { name: 'recovery_codes', path: '/manage/account/two-factor/' };
    default:
      return { name: 'two_factor', path: '/manage/account/two-factor/' };
  }
}

/**
 * The problem that stands now for what `facts` tell (one fact, or several pages' versions of the
 * same thing, like the 2FA settings and the login's 2FA step for 2FA methods): the newest stored
 * problem, unless one of the facts was read more recently.
 */
export function currentProblem(account: AccountRecord, facts: ReadableFact[]): { fact: ReadableFact; problem: UnreadableFact } | null {
  const newestRead = Math.max(...facts.map((fact) => (fact === 'securityEvents' ? -Infinity : (account[fact]?.seenAt ?? -Infinity))));
  let current: { fact: ReadableFact; problem: UnreadableFact } | null = null;
  for (const fact of facts) {
    const problem = account.unreadable?.[fact];
    if (problem && problem.seenAt >= newestRead && (!current || problem.seenAt > current.problem.seenAt)) current = { fact, problem };
  }
  return current;
}

/**
 * The outcome of a check whose fact PyPI Guard found on a PyPI page but could not read: neither a
 * pass nor "not seen yet", but "could not read", with the page to look at. Null when the newest
 * reading of the fact (from any of `facts`, pages that show the same thing) succeeded.
 */
export function unreadableOutcome(state: AuditState, ...facts: ReadableFact[]): CheckOutcome | null {
  const current = currentProblem(state.account, facts);
  if (!current) return null;
  const page = pageOf(current.problem.pageKind, current.fact);
  return {
    status: 'unreadable',
    detail: t(UNREADABLE_SENTENCE[current.fact], { page: t(`pypi_page_${page.name}`) }),
    fix: pypiPage(state, page.path),
    fixLabel: t(`unreadable_open_${page.name}`),
  };
}
