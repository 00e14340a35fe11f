import type { PageKind } from '@/utils/pypi/pages';
import { parsePypiTime } from '@/utils/pypi/parse/dom';
import type { AccountSnapshot, ApiTokenFact, EmailFact, RecoveryCodesFact, SecurityEventFact } from '@/utils/pypi/snapshot';
import type { ExpectedEvent, ExpectedPage, ExpectedTwoFactor } from '../../support/real-pypi';
import { detailFactsOf, expectedDetailFacts, type DetailFacts } from '../../support/event-facts';

/** The facts a corpus page must yield, in the page model's shapes, from expected.json. */

/** Which page kind each of PyPI's routes in the corpus is (expected.json names the route). */
export const KIND_OF_ROUTE: Record<string, PageKind> = {
  'includes.current-user-indicator': 'other', // a fragment fetched into the header, not a page
  'manage.account': 'account-settings',
  'manage.account.two-factor': 'two-factor-settings',
  'manage.unverified-account': 'unverified-account',
  'accounts.login': 'login',
  'accounts.two-factor': 'two-factor',
  'manage.account.recovery-codes.generate': 'recovery-codes',
  'manage.account.totp-provision': 'totp-provision',
};

export const time = (iso: string): number => {
  const parsed = parsePypiTime(iso);
  if (parsed === undefined) throw new Error(`expected.json time not in PyPI's format: ${iso}`);
  return parsed;
};

function expectedEmails(page: ExpectedPage): EmailFact[] | undefined {
  return page.emails?.map((email) => ({ address: email.email, primary: email.primary, verified: email.verified, status: email.verified ? 'verified' : 'unverified' }));
}

/** PyPI lists the codes (with their date and count) only while one is unused (`enabled`). */
function expectedRecoveryCodes(twoFactor: ExpectedTwoFactor): RecoveryCodesFact {
  const codes = twoFactor.recovery_codes;
  return codes.enabled ? { generated: true, generatedAt: time(codes.generated!), unused: codes.unused } : { generated: false, unused: 0 };
}

function expectedTokens(page: ExpectedPage): ApiTokenFact[] | undefined {
  return page.api_tokens?.map((token) => ({
    name: token.name,
    scope: token.account_wide ? { kind: 'account' } : { kind: 'projects', projects: token.projects },
    createdAt: time(token.created),
    lastUsedAt: token.never_used ? null : time(token.last_used!),
  }));
}

export type EventFacts = Pick<SecurityEventFact, 'tag' | 'summary' | 'time' | 'location' | 'device'> & DetailFacts;

export function expectedEvent(event: ExpectedEvent): EventFacts {
  return { tag: event.tag as EventFacts['tag'], summary: event.summary_en, time: time(event.time), location: event.location, device: event.device, ...expectedDetailFacts(event.tag, event.additional) };
}

export const eventFactsOf = (event: SecurityEventFact): EventFacts => ({ tag: event.tag, summary: event.summary, time: event.time, location: event.location, device: event.device, ...detailFactsOf(event) });

/** The snapshot's facts for one page, in the shape the page model stores. */
export function expectedSnapshot(page: ExpectedPage, username: string, kind: PageKind): Partial<AccountSnapshot> | null {
  switch (kind) {
    case 'account-settings':
      return {
        username: page.username,
        displayName: page.name,
        dateJoined: time(page.date_joined!),
        emails: expectedEmails(page),
        twoFactor: { totp: page.two_factor!.totp, securityKeys: page.two_factor!.security_keys },
        recoveryCodes: expectedRecoveryCodes(page.two_factor!),
        apiTokens: expectedTokens(page),
      };
    case 'two-factor-settings':
      return { username, twoFactor: { totp: page.two_factor!.totp, securityKeys: page.two_factor!.security_keys }, recoveryCodes: expectedRecoveryCodes(page.two_factor!) };
    case 'unverified-account':
      return { username, emails: expectedEmails(page) };
    case 'two-factor':
      return { loginMethods: { totp: page.offers!.totp, webauthn: page.offers!.webauthn, recoveryCodes: page.offers!.recovery_code } };
    case 'recovery-codes':
      // A fresh set: all unused, generated when the download's file name says.
      return {
        username,
        recoveryCodesShown: { count: page.recovery_code_count! },
        recoveryCodes: { generated: true, unused: page.recovery_code_count!, generatedAt: time(page.recovery_codes_generated!) },
      };
    case 'totp-provision':
      return { username };
    default:
      return null; // the login form and the header fragment say nothing about an account
  }
}

export const FACT_KEYS = ['username', 'displayName', 'dateJoined', 'emails', 'twoFactor', 'recoveryCodes', 'apiTokens', 'loginMethods', 'recoveryCodesShown'] as const;
