import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, loadFixturePage, type FixturePage } from '../../fixtures/pypi/fixture-pages';
import type { FakeAccount, FakeEmail, LocaleId } from '../../fixtures/pypi/types';
import { detectPage, type PageKind } from '@/utils/pypi/pages';
import { detailFactsOf, expectedDetailFacts } from '../../support/event-facts';
import { parsePage } from '@/utils/pypi/parse';
import type { AccountSnapshot, ApiTokenFact, EmailFact, EmailStatus, SecurityEventFact } from '@/utils/pypi/snapshot';

/*
 * Every fixture state (FIXTURE_PAGES: each scenario's account and 2FA pages, the signed-out forms,
 * the re-auth form, the token and codes pages…) parsed in every locale, as the content script
 * reads it: with the late user menu in place and, for a page in another language, its English
 * copy. What the parser must find is computed from the fake's own account model, not from the
 * page, so a parser that misreads any state fails here.
 */

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
const LOCALES: LocaleId[] = ['en', 'de', 'ja'];
const NINETY_DAYS = 90 * 86_400_000;

const STATUS: Record<FakeEmail['status'], EmailStatus> = {
  verified: 'verified',
  bouncing: 'verified-with-bounces',
  unverified: 'unverified',
  blocked: 'unverified-blocked',
};

function expectedEmails(account: FakeAccount): EmailFact[] {
  return account.emails.map((email) => ({ address: email.address, primary: email.primary, verified: STATUS[email.status].startsWith('verified'), status: STATUS[email.status] }));
}

function expectedTwoFactor(account: FakeAccount) {
  const unused = account.recoveryCodes?.burned.filter((burned) => !burned).length ?? 0;
  return {
    twoFactor: { totp: account.totpSecret !== null, securityKeys: account.securityKeys },
    recoveryCodes: unused > 0 ? { generated: true, unused, generatedAt: account.recoveryCodes!.generatedAt.getTime() } : { generated: false, unused: 0 },
  };
}

function expectedTokens(account: FakeAccount): ApiTokenFact[] {
  return account.tokens.map((token) => ({
    name: token.name,
    scope: token.projects === null ? { kind: 'account' } : { kind: 'projects', projects: token.projects },
    createdAt: token.createdAt.getTime(),
    lastUsedAt: token.lastUsedAt?.getTime() ?? null,
  }));
}

/** The history rows PyPI shows: the last 90 days, newest first. */
function expectedEvents(account: FakeAccount) {
  return account.events
    .filter((event) => NOW.getTime() - event.time.getTime() <= NINETY_DAYS)
    .sort((a, b) => b.time.getTime() - a.time.getTime());
}

const byAddress = (emails: EmailFact[] | undefined) => [...(emails ?? [])].sort((a, b) => a.address.localeCompare(b.address));

/** A signed-in page as the content script sees it once the header's user menu has arrived. */
function read(fixture: FixturePage, locale: LocaleId): { kind: PageKind; snapshot: AccountSnapshot | null; account: FakeAccount } {
  const { body, url, fake } = loadFixturePage(fixture, locale, NOW);
  const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  const doc = load(body);
  const include = doc.querySelector('[data-html-include="/_includes/authed/current-user-indicator/"]');
  const menu = load(fake.handle({ method: 'GET', url: `https://pypi.org/_includes/authed/current-user-indicator/`, headers: {} }).body).body;
  include?.replaceChildren(...menu.childNodes);
  const parsedUrl = new URL(url);
  const kind = detectPage(parsedUrl, doc);
  const needsEnglish = locale !== 'en' && (kind === 'account-settings' || kind === 'unverified-account');
  const englishDoc = needsEnglish ? load(fake.handle({ method: 'GET', url: `${parsedUrl.origin}${parsedUrl.pathname}?_LOCALE_=en`, headers: {} }).body) : undefined;
  return { kind, snapshot: parsePage(kind, doc, { host: 'pypi.org', seenAt: NOW.getTime(), englishDoc }), account: fake.account };
}

function expectEvents(events: SecurityEventFact[] | undefined, account: FakeAccount): void {
  const expected = expectedEvents(account);
  expect(events?.map((event) => event.time)).toEqual(expected.map((event) => event.time.getTime()));
  for (const [index, event] of (events ?? []).entries()) {
    const fixtureEvent = expected[index]!;
    expect(event.tag).toBe(fixtureEvent.tag);
    expect(detailFactsOf(event), fixtureEvent.tag).toEqual(expectedDetailFacts(fixtureEvent.tag, fixtureEvent.additional));
    expect(event.device).toBe(fixtureEvent.device);
    expect(event.location).toBe(fixtureEvent.location ?? 'Redacted');
  }
}

describe.each(LOCALES)('every fixture state parsed in %s', (locale) => {
  it.each(FIXTURE_PAGES)('$label', (fixture) => {
    const { kind, snapshot, account } = read(fixture, locale);
    expect(kind).toBe(fixture.kind);
    const visitOnly = { host: 'pypi.org', pageKind: kind, seenAt: NOW.getTime(), locale, username: account.username };

    switch (fixture.kind) {
      case 'login':
      case 'register':
      case 'request-password-reset':
      case 'reset-password':
      case 'confirm-login':
      case 'recovery-code-login':
        // Signed out, nobody named: nothing to attribute.
        expect(snapshot).toBeNull();
        return;
      case 'two-factor': {
        const unused = account.recoveryCodes?.burned.filter((burned) => !burned).length ?? 0;
        expect(snapshot).toEqual({
          host: 'pypi.org',
          pageKind: 'two-factor',
          seenAt: NOW.getTime(),
          locale,
          loginMethods: { totp: account.totpSecret !== null, webauthn: account.securityKeys.length > 0, recoveryCodes: unused > 0 },
        });
        return;
      }
      case 'reauthenticate':
      case 'totp-provision':
      case 'webauthn-provision':
      case 'recovery-codes-burn':
        // Pages that show a secret or nothing of the account: the visit only.
        expect(snapshot).toEqual(visitOnly);
        return;
      case 'recovery-codes': {
        const justMade = account.recoveryCodes?.generatedAt.getTime() === NOW.getTime();
        expect(snapshot).toEqual(
          justMade ? { ...visitOnly, recoveryCodesShown: { count: 8 }, recoveryCodes: { generated: true, unused: 8, generatedAt: NOW.getTime() } } : visitOnly,
        );
        return;
      }
      case 'account-settings': {
        const { securityEvents, emails, historyReadInEnglish, ...rest } = snapshot ?? {};
        // Read through the English copy (or the page itself in English): the history's cursor may move.
        expect(historyReadInEnglish).toBe(securityEvents === undefined ? undefined : true);
        expect(rest).toEqual({
          ...visitOnly,
          displayName: account.fullName,
          dateJoined: account.dateJoined.getTime(),
          ...expectedTwoFactor(account),
          apiTokens: expectedTokens(account),
        });
        expect(byAddress(emails)).toEqual(byAddress(expectedEmails(account)));
        expectEvents(securityEvents, account);
        return;
      }
      case 'unverified-account': {
        const { securityEvents, emails, historyReadInEnglish, ...rest } = snapshot ?? {};
        expect(historyReadInEnglish).toBe(securityEvents === undefined ? undefined : true);
        expect(rest).toEqual(visitOnly);
        expect(byAddress(emails)).toEqual(byAddress(expectedEmails(account)));
        expectEvents(securityEvents, account);
        return;
      }
      case 'two-factor-settings':
        expect(snapshot).toEqual({ ...visitOnly, ...expectedTwoFactor(account) });
        return;
      case 'api-token':
        // The form offers every project as a scope; the one-time display of a new token shows none.
        expect(snapshot).toEqual(fixture.post ? visitOnly : { ...visitOnly, projects: account.projects.map((project) => project.name) });
        return;
      case 'projects':
        expect(snapshot).toEqual({ ...visitOnly, projects: account.projects.map((project) => project.name) });
        return;
      case 'profile':
        expect(snapshot).toEqual({
          ...visitOnly,
          displayName: account.fullName,
          dateJoined: account.dateJoined.getTime(),
          projects: account.projects.map((project) => project.name),
        });
        return;
    }
  });
});

describe.each(LOCALES)('email badges in %s', (locale) => {
  it('reads verified, bouncing (Verified*), unverified and blocked (Unverified*) rows by their classes', () => {
    const emails: FakeEmail[] = [
      { address: 'alice@example.org', primary: true, status: 'verified' },
      { address: 'alice@bouncy.example', primary: false, status: 'bouncing' },
      { address: 'alice@new.example', primary: false, status: 'unverified' },
      { address: 'alice@blocked.example', primary: false, status: 'blocked' },
    ];
    const fixture: FixturePage = {
      label: 'every badge',
      kind: 'account-settings',
      scenario: 'totp-only',
      path: '/manage/account/',
      loggedIn: true,
    };
    const withBadges: FixturePage = { ...fixture, scenario: (now) => ({ ...loadFixturePage(fixture, locale, now).fake.account, emails }) };
    const { snapshot } = read(withBadges, locale);
    expect(byAddress(snapshot?.emails)).toEqual(
      byAddress([
        { address: 'alice@example.org', primary: true, verified: true, status: 'verified' },
        { address: 'alice@bouncy.example', primary: false, verified: true, status: 'verified-with-bounces' },
        { address: 'alice@new.example', primary: false, verified: false, status: 'unverified' },
        { address: 'alice@blocked.example', primary: false, verified: false, status: 'unverified-blocked' },
      ]),
    );
  });

  it('the bouncing primary email of bob on the unverified-account page', () => {
    const { snapshot } = read({ label: 'bob', kind: 'unverified-account', scenario: 'bob-keys-only', path: '/manage/unverified-account/', loggedIn: true }, locale);
    expect(snapshot?.emails).toEqual([{ address: 'bob@builder.example', primary: true, verified: true, status: 'verified-with-bounces' }]);
  });
});
