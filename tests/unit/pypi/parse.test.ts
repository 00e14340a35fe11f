import { describe, expect, it } from 'vitest';
import { createFakePypi, type LocaleId } from '../../fixtures/pypi/server';
import type { ScenarioId } from '../../fixtures/pypi/accounts';
import { parsePage } from '@/utils/pypi/parse';
import { parseApiTokens } from '@/utils/pypi/parse/api-tokens';
import { parseEmails } from '@/utils/pypi/parse/emails';
import { detectPage } from '@/utils/pypi/pages';
import { RECOVERY_CODES, FIXTURE_SECRETS } from '../../fixtures/pypi/secrets';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
const DAY = 86_400_000;
const LOCALES: LocaleId[] = ['en', 'de', 'ja'];

/** Fetches a fixture page as the content script would see it, once the user menu has arrived. */
function visit(scenario: ScenarioId, path: string, locale: LocaleId, options: { withUserMenu?: boolean; loggedIn?: boolean } = {}) {
  const fake = createFakePypi({ scenario, locale, now: () => NOW, loggedIn: options.loggedIn ?? true });
  const load = (url: string) => new DOMParser().parseFromString(fake.handle({ method: 'GET', url, headers: {} }).body, 'text/html');
  const url = new URL(`https://pypi.org${path}`);
  const doc = load(url.href);
  if (options.withUserMenu !== false) {
    const include = doc.querySelector('[data-html-include="/_includes/authed/current-user-indicator/"]');
    const menu = load('https://pypi.org/_includes/authed/current-user-indicator/').body;
    include?.replaceChildren(...menu.childNodes);
  }
  const englishDoc = locale === 'en' ? undefined : load(`${url.origin}${url.pathname}?_LOCALE_=en`);
  const kind = detectPage(url, doc);
  return { kind, snapshot: parsePage(kind, doc, { host: 'pypi.org', seenAt: NOW.getTime(), englishDoc }), fake };
}

const at = (days: number, hour = 9) => {
  const date = new Date(NOW.getTime() - days * DAY);
  date.setUTCHours(hour, 15, 30, 0);
  return date.getTime();
};

describe.each(LOCALES)('account settings in %s', (locale) => {
  const account = (scenario: ScenarioId) => visit(scenario, '/manage/account/', locale, { withUserMenu: false }).snapshot as AccountSnapshot;

  it('reads username, display name, join date and emails without the user menu', () => {
    const snapshot = account('totp-and-key');
    expect(snapshot.pageKind).toBe('account-settings');
    expect(snapshot.username).toBe('alice');
    expect(snapshot.displayName).toBe('Alice Example');
    expect(snapshot.dateJoined).toBe(at(800));
    expect(snapshot.locale).toBe(locale);
    expect(snapshot.emails).toEqual([
      { address: 'alice@example.org', primary: true, verified: true, status: 'verified' },
      { address: 'alice.backup@mailbox.example.net', primary: false, verified: true, status: 'verified' },
    ]);
  });

  it('reads 2FA methods and recovery codes from section#two-factor', () => {
    expect(account('no-2fa')).toMatchObject({ twoFactor: { totp: false, securityKeys: [] }, recoveryCodes: { generated: false, unused: 0 } });
    expect(account('totp-only')).toMatchObject({ twoFactor: { totp: true, securityKeys: [] }, recoveryCodes: { generated: true, unused: 7, generatedAt: at(60) } });
    expect(account('totp-and-key')).toMatchObject({ twoFactor: { totp: true, securityKeys: ['YubiKey 5C'] }, recoveryCodes: { generated: true, unused: 2, generatedAt: at(400) } });
  });

  it('reads an unverified primary email', () => {
    expect(account('unverified-email').emails).toEqual([{ address: 'alice@example.org', primary: true, verified: false, status: 'unverified' }]);
  });

  it('reads API tokens: scope, created, last used or never', () => {
    expect(account('api-tokens').apiTokens).toEqual([
      { name: 'laptop uploads', scope: { kind: 'account' }, createdAt: at(200), lastUsedAt: at(5) },
      { name: 'ci alice-tools', scope: { kind: 'projects', projects: ['alice-tools'] }, createdAt: at(150), lastUsedAt: at(1) },
      { name: 'old release box', scope: { kind: 'projects', projects: ['tiny-parser'] }, createdAt: at(300), lastUsedAt: at(120) },
      { name: 'never used', scope: { kind: 'projects', projects: ['tiny-parser'] }, createdAt: at(10), lastUsedAt: null },
    ]);
    expect(account('totp-only').apiTokens).toEqual([]);
  });

  it('maps every security-history row to its tag, with reasons, methods, location and device', () => {
    const events = account('suspicious-history').securityEvents!;
    expect(events.every((event) => event.tag !== 'unknown')).toBe(true);
    expect(events.slice(0, 6).map((event) => [event.tag, event.reason ?? event.method ?? null])).toEqual([
      ['account:login:new_device', null],
      ['account:login:success', 'recovery-code'],
      ['account:recovery_codes:used', null],
      ['account:login:failure', 'invalid_totp'],
      ['account:login:failure', 'invalid_password'],
      ['account:login:failure', 'invalid_password'],
    ]);
    expect(events[0]).toMatchObject({ time: at(1, 3), location: 'Lagos, LA, NG', device: 'Chrome (Windows)' });
    expect(events.find((event) => event.tag === 'account:two_factor:method_removed')?.method).toBe('webauthn');
    expect(events.find((event) => event.tag === 'account:password:reset:request')?.location).toBe('Redacted');
    expect(events.find((event) => event.tag === 'account:alternate_repository:add')).toBeDefined();
  });

  it('shows an empty history as no events', () => {
    expect(account('empty-history').securityEvents).toEqual([]);
  });
});

describe('security history without an English copy', () => {
  it('keeps German rows unmapped except raw tags, never guessing', () => {
    const fake = createFakePypi({ scenario: 'suspicious-history', locale: 'de', now: () => NOW });
    const doc = new DOMParser().parseFromString(fake.handle({ method: 'GET', url: 'https://pypi.org/manage/account/', headers: {} }).body, 'text/html');
    const events = parsePage('account-settings', doc, { host: 'pypi.org', seenAt: NOW.getTime() })!.securityEvents!;
    expect(events[0]!.tag).toBe('account:login:new_device');
    for (const event of events) {
      // Mapped only where PyPI prints the raw tag itself.
      expect(event.tag === 'unknown' || event.tag === event.summary).toBe(true);
      expect(event.reason).toBeUndefined();
    }
    expect(events.filter((event) => event.tag !== 'unknown').map((event) => event.tag)).toEqual(['account:login:new_device', 'account:alternate_repository:add']);
    expect(events[1]!.summary).toBe('Angemeldet');
  });
});

describe.each(LOCALES)('other pages in %s', (locale) => {
  it('the 2FA settings page gives methods and codes, attributed by the user menu', () => {
    const { kind, snapshot } = visit('totp-and-key', '/manage/account/two-factor/', locale);
    expect(kind).toBe('two-factor-settings');
    expect(snapshot).toMatchObject({ username: 'alice', twoFactor: { totp: true, securityKeys: ['YubiKey 5C'] }, recoveryCodes: { unused: 2 } });
  });

  it('bob with two keys and every code used', () => {
    const { snapshot } = visit('bob-keys-only', '/manage/account/two-factor/', locale);
    expect(snapshot).toMatchObject({ username: 'bob', twoFactor: { totp: false, securityKeys: ['Titan key', 'Backup key'] }, recoveryCodes: { generated: false, unused: 0 } });
  });

  it('without the user menu a manage page is not attributed', () => {
    expect(visit('totp-only', '/manage/projects/', locale, { withUserMenu: false }).snapshot).toBeNull();
  });

  it('the projects page lists project names', () => {
    expect(visit('totp-only', '/manage/projects/', locale).snapshot).toMatchObject({ username: 'alice', pageKind: 'projects', projects: ['alice-tools', 'tiny-parser'] });
  });

  it('the token page lists projects from the scope select and never the token', () => {
    const { snapshot } = visit('totp-only', '/manage/account/token/', locale);
    expect(snapshot).toMatchObject({ projects: ['alice-tools', 'tiny-parser'] });
  });

  it('the recovery-codes page counts codes and never reads them', () => {
    const { kind, snapshot } = visit('totp-only', '/manage/account/recovery-codes/regenerate', locale);
    expect(kind).toBe('recovery-codes');
    expect(snapshot).toMatchObject({ recoveryCodesShown: { count: 8 }, recoveryCodes: { generated: true, unused: 8, generatedAt: NOW.getTime() } });
    for (const code of RECOVERY_CODES) expect(JSON.stringify(snapshot)).not.toContain(code);
  });

  it('the profile page gives the join date and projects of the signed-in user', () => {
    const { kind, snapshot } = visit('totp-only', '/user/alice/', locale);
    expect(kind).toBe('profile');
    expect(snapshot).toMatchObject({ username: 'alice', displayName: 'Alice Example', dateJoined: at(800), projects: ['alice-tools', 'tiny-parser'] });
  });

  it('the two-factor login page says which methods the account offers, without a username', () => {
    const { snapshot } = visit('totp-and-key', '/account/two-factor/?twofactor-FIXTURE-token.5e6f7a8b', locale, { loggedIn: false, withUserMenu: false });
    expect(snapshot).toMatchObject({ pageKind: 'two-factor', loginMethods: { totp: true, webauthn: true, recoveryCodes: true } });
    expect(snapshot?.username).toBeUndefined();
    const bob = visit('bob-keys-only', '/account/two-factor/?twofactor-FIXTURE-token.5e6f7a8b', locale, { loggedIn: false, withUserMenu: false });
    expect(bob.snapshot?.loginMethods).toEqual({ totp: false, webauthn: true, recoveryCodes: false });
  });

  it('the TOTP set-up page is recorded as a visit only: the key is never read', () => {
    const { kind, snapshot } = visit('totp-only', '/manage/account/totp-provision', locale);
    expect(kind).toBe('totp-provision');
    expect(snapshot).toEqual({ host: 'pypi.org', pageKind: 'totp-provision', seenAt: NOW.getTime(), locale, username: 'alice' });
  });

  it('signed-out pages say nothing about an account', () => {
    for (const path of ['/account/login/', '/account/register/', '/account/request-password-reset/', '/account/reset-password/?token=reset-FIXTURE-token.9f8e7d6c']) {
      expect(visit('totp-only', path, locale, { loggedIn: false, withUserMenu: false }).snapshot).toBeNull();
    }
  });
});

describe('no secret reaches a snapshot', () => {
  it.each(['/manage/account/', '/manage/account/two-factor/', '/manage/account/totp-provision', '/manage/account/recovery-codes/regenerate', '/manage/account/token/', '/manage/projects/'])(
    '%s',
    (path) => {
      const text = JSON.stringify(visit('api-tokens', path, 'en').snapshot);
      for (const secret of FIXTURE_SECRETS) expect(text).not.toContain(secret);
    },
  );
});

describe('a section PyPI Guard does not understand is unreadable, never guessed', () => {
  const page = (body: string, lang = 'en') => new DOMParser().parseFromString(`<html lang="${lang}"><body>${body}</body></html>`, 'text/html');
  const HEADER = '<thead><tr><th scope="col">Name</th><th scope="col">Scope</th><th scope="col">Created</th><th scope="col" colspan="2">Last used</th></tr></thead>';
  const tokenRow = (scope: string, created: string, lastUsed: string) =>
    `<tr><th scope="row"><span class="table__mobile-label">Name</span> ci</th><td><span class="table__mobile-label">Scope</span> ${scope}</td><td><span class="table__mobile-label">Created</span> ${created}</td><td><span class="table__mobile-label">Last used</span> ${lastUsed}</td><td class="table__align-right"><nav class="dropdown"></nav></td></tr>`;
  const tokens = (rows: string, lang = 'en', header = HEADER) =>
    parseApiTokens(page(`<section id="api-tokens"><table class="table table--api-tokens">${header}<tbody>${rows}</tbody></table></section>`, lang));
  const created = '<time datetime="2025-01-02T03:04:05+0000">Jan 2</time>';
  const link = '<a href="/project/x/">x</a>';

  it('"last used": a time, or the word "Never" in any language without one; an unreadable time or an empty cell is not understood', () => {
    expect(tokens(tokenRow(link, created, 'Nie'), 'de')).toEqual({ value: [{ name: 'ci', scope: { kind: 'projects', projects: ['x'] }, createdAt: Date.UTC(2025, 0, 2, 3, 4, 5), lastUsedAt: null }] });
    expect(tokens(tokenRow(link, created, '<time datetime="last tuesday">x</time>'))).toEqual({ missing: 'token-last-used' });
    expect(tokens(tokenRow(link, created, ''))).toEqual({ missing: 'token-last-used' });
  });

  it('an unreadable creation time is not understood', () => {
    expect(tokens(tokenRow(link, '<time datetime="soon">?</time>', 'Never'))).toEqual({ missing: 'token-created' });
  });

  it('scope: project links, or words without a link — "All projects" in any language — for the whole account', () => {
    expect(tokens(tokenRow('All projects', created, 'Never'))).toMatchObject({ value: [{ scope: { kind: 'account' } }] });
    expect(tokens(tokenRow('Alle Projekte', created, 'Nie'), 'de')).toMatchObject({ value: [{ scope: { kind: 'account' } }] });
    // Neither links nor words, or one link that is not a readable project: the reach is not known.
    expect(tokens(tokenRow('', created, 'Never'))).toEqual({ missing: 'token-scope' });
    expect(tokens(tokenRow('<a href="/project/ok/">ok</a> <a href="/project/%E0/">?</a>', created, 'Never'))).toEqual({ missing: 'token-scope' });
    expect(tokens(tokenRow('<a href="/help/">?</a>', created, 'Never'))).toEqual({ missing: 'token-scope' });
  });

  it('a table of another column layout is not understood', () => {
    const withExpiry = HEADER.replace('<th scope="col">Created</th>', '<th scope="col">Created</th><th scope="col">Expires</th>');
    expect(tokens(tokenRow(link, created, 'Never'), 'en', withExpiry)).toEqual({ missing: 'token-columns' });
    expect(tokens(tokenRow(link, created, 'Never').replace('<td class="table__align-right"><nav class="dropdown"></nav></td>', ''))).toEqual({ missing: 'token-columns' });
    expect(tokens(tokenRow(link, created, 'Never'), 'en', '')).toEqual({ missing: 'token-columns' });
    // No table at all is PyPI's way of saying "no tokens".
    expect(parseApiTokens(page('<section id="api-tokens"><p>API tokens provide…</p></section>'))).toEqual({ value: [] });
  });

  it.each(LOCALES)('the fixture in %s reads its account-wide token without an English copy', (locale) => {
    const fake = createFakePypi({ scenario: 'api-tokens', locale, now: () => NOW });
    const doc = new DOMParser().parseFromString(fake.handle({ method: 'GET', url: 'https://pypi.org/manage/account/', headers: {} }).body, 'text/html');
    const laptop = parsePage('account-settings', doc, { host: 'pypi.org', seenAt: NOW.getTime() })!.apiTokens!.find((token) => token.name === 'laptop uploads');
    expect(laptop?.scope).toEqual({ kind: 'account' });
  });

  it('an email row needs its address and its verification badge', () => {
    const emails = (cells: string) => parseEmails(page(`<section id="account-emails"><table><tbody><tr>${cells}</tr></tbody></table></section>`));
    const address = '<td class="table__email">a@example.org</td>';
    const badges = (markup: string) => `<td><span class="table__status-badges">${markup}</span></td>`;
    expect(emails(`${address}${badges('<span class="badge badge--danger"><i class="fa fa-times"></i> Unverified</span>')}`)).toEqual({
      value: [{ address: 'a@example.org', primary: false, verified: false, status: 'unverified' }],
    });
    expect(emails(`${address}${badges('<span class="badge">Primary</span>')}`)).toEqual({ missing: 'email-status' });
    expect(emails(`${address}${badges('')}`)).toEqual({ missing: 'email-status' });
    expect(emails(`<td>a@example.org</td>${badges('<span class="badge badge--success">Verified</span>')}`)).toEqual({ missing: 'email-address' });
    expect(parseEmails(page('<section id="account-emails"><p>no table</p></section>'))).toEqual({ missing: 'emails-table' });
  });
});
