import type { PageKind } from '../pypi/page-kinds';
import type { ReadableFact } from '../pypi/snapshot';
import type { AccountRecord, UnreadableFact } from '../store/types';
import { pypiPage, type AuditState, type CheckOutcome } from './types';

/** What each fact is, in the words of "PyPI Guard could not read your …" and of a problem report. */
export const FACT_NAMES: Record<ReadableFact, string> = {
  twoFactor: '2FA methods',
  recoveryCodes: 'recovery codes',
  emails: 'email addresses',
  apiTokens: 'API tokens',
  securityEvents: 'security history',
  loginMethods: '2FA methods (login page)',
};

/** The PyPI page to open to see the fact again, and its name. */
function pageOf(pageKind: PageKind, fact: ReadableFact): { name: string; path: string } {
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
      return { name: 'account settings page', path: `/manage/account/${anchor[fact]}` };
    }
    case 'unverified-account':
      return { name: 'account page', path: '/manage/unverified-account/' };
    case 'two-factor':
      // The login's 2FA step cannot be opened at will; the 2FA settings show the same methods.
      return { name: 'two-factor login page', path: '/manage/account/two-factor/' };
    case 'recovery-codes':
      return { name: 'recovery codes page', path: '/manage/account/two-factor/' };
    default:
      return { name: 'two-factor page', path: '/manage/account/two-factor/' };
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
    detail: `PyPI Guard could not read your ${FACT_NAMES[current.fact].replace(' (login page)', '')} on PyPI's ${page.name}; PyPI may have changed it. Check there yourself.`,
    fix: pypiPage(state, page.path),
    fixLabel: `Open the ${page.name}`,
  };
}
