import type { BrowserContext, Request, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { readExtensionDb, storedAccount } from './support/extension-db';
import { fireReminderTick, holdPeriodicTick, notificationIds, putRecords } from './support/reminders';
import { rdapOrigins } from '../../utils/email-domain/bootstrap';
import { NOT_FOUND_BODY, verisignDomain } from '../unit/email-domain/rdap-answers';

const DAY = 86_400_000;
const HOUR = 3_600_000;

type RdapReply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * Answers every RDAP server IANA lists (any host of the bootstrap file) from `reply`, by the
 * domain in the query, and records each request: no test reaches a registry, and a test can count
 * what the extension sent. Registered after the fake PyPI's catch-all, so it takes precedence.
 */
async function routeRdap(context: BrowserContext, reply: (domain: string) => RdapReply): Promise<Request[]> {
  const hosts = new Set(rdapOrigins().map((origin) => new URL(origin).host));
  const requests: Request[] = [];
  await context.route(
    (url) => hosts.has(url.host),
    async (route) => {
      requests.push(route.request());
      const domain = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
      const { status, body, headers } = reply(domain);
      await route.fulfill({ status, contentType: 'application/rdap+json', headers: { 'access-control-allow-origin': '*', ...headers }, body: JSON.stringify(body) });
    },
  );
  return requests;
}

/** An account record as the page model stores it, with one verified primary address. */
function accountWith(username: string, address: string, now: number) {
  return {
    id: `pypi.org/${username}`,
    host: 'pypi.org',
    username,
    firstSeenAt: now - 100 * DAY,
    lastSeenAt: now,
    pagesSeenAt: { 'account-settings': now },
    emails: { value: [{ address, primary: true, verified: true, status: 'verified' }], seenAt: now },
  };
}

/** Turns the check on in the options page, as a user would; resolves once the page says it is done (after the tick's lookups). */
async function turnOnInOptions(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await OptionsPage.open(context, extensionId);
  const toggle = options.page.locator('[data-setting="email-domain-check"]');
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(options.status).toHaveText('Email domains checked.');
  await options.page.close();
}

test('with the check off nothing is sent to any RDAP server; the popup offers it once, and “Check them” looks the domain up once', async ({ context, extensionId, serviceWorker }) => {
  const requests = await routeRdap(context, (domain) => ({ status: 200, body: verisignDomain(domain, { expiresAt: Date.now() + 300 * DAY }) }));
  // alice@example.org (the fake PyPI's account) is on her own domain: something the check could look up.
  const page = await context.newPage();
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(async () => ((await storedAccount(serviceWorker, 'pypi.org/alice'))?.pagesSeenAt as Record<string, number> | undefined)?.['account-settings']).toBeDefined();
  // The signal that the extension has done all it does with this account: a whole tick ran after it was stored.
  await fireReminderTick(serviceWorker);
  const summary = (await readExtensionDb(serviceWorker)).auditSummary as { entries: { account: { id: string } }[] }[];
  expect(summary[0]?.entries.map((entry) => entry.account.id)).toEqual(['pypi.org/alice']);
  expect(requests).toHaveLength(0);
  expect((await readExtensionDb(serviceWorker)).emailDomains).toEqual([]);

  const popup = await PopupPage.open(context, extensionId);
  const offer = popup.page.locator('[data-offer="email-domain-check"]');
  await expect(offer).toContainText('Check when your email domains expire?');
  await expect(popup.check('pypi.org/alice', 'email-domain')).toHaveCount(0);
  await offer.getByRole('button', { name: 'Check them' }).click();

  await expect(popup.check('pypi.org/alice', 'email-domain')).toHaveAttribute('data-status', 'pass');
  await expect(popup.check('pypi.org/alice', 'email-domain')).toContainText('example.org is registered until');
  await expect(offer).toHaveCount(0);
  expect(requests.map((request) => request.url())).toEqual(['https://rdap.publicinterestregistry.org/rdap/domain/example.org']);
  const headers = await requests[0]!.allHeaders();
  expect(headers.cookie).toBeUndefined();
  expect(headers.referer).toBeUndefined();

  // Another tick within the day sends nothing more, however often it runs.
  await fireReminderTick(serviceWorker);
  expect(requests).toHaveLength(1);
});

test('the popup shows each state for an account whose email domain is in it', async ({ context, extensionId, serviceWorker }) => {
  const now = Date.now();
  const replies: Record<string, RdapReply> = {
    'far-example.com': { status: 200, body: verisignDomain('far-example.com', { expiresAt: now + 300 * DAY }) },
    'soon-example.com': { status: 200, body: verisignDomain('soon-example.com', { expiresAt: now + 20 * DAY }) },
    'lapsed-example.com': { status: 404, body: NOT_FOUND_BODY },
    'busy-example.com': { status: 429, body: { errorCode: 429, title: 'Too Many Requests' }, headers: { 'retry-after': '3600' } },
  };
  const requests = await routeRdap(context, (domain) => replies[domain] ?? { status: 500, body: {} });
  await holdPeriodicTick(serviceWorker);
  await putRecords(serviceWorker, [
    { store: 'accounts', value: accountWith('pat', 'pat@far-example.com', now) },
    { store: 'accounts', value: accountWith('wendy', 'wendy@mail.soon-example.com', now) },
    { store: 'accounts', value: accountWith('fay', 'fay@lapsed-example.com', now) },
    { store: 'accounts', value: accountWith('uma', 'uma@busy-example.com', now) },
  ]);
  await turnOnInOptions(context, extensionId);
  expect(requests.map((request) => new URL(request.url()).pathname).sort()).toEqual(
    ['busy-example.com', 'far-example.com', 'lapsed-example.com', 'soon-example.com'].map((domain) => `/com/v1/domain/${domain}`),
  );

  const popup = await PopupPage.open(context, extensionId);
  const expected = [
    ['pypi.org/pat', 'pass', 'far-example.com is registered until'],
    ['pypi.org/wendy', 'warn', 'soon-example.com expires on'],
    ['pypi.org/fay', 'fail', 'lapsed-example.com is not registered at all'],
    ['pypi.org/uma', 'unknown', 'rdap.verisign.com limits how often it answers (HTTP 429)'],
  ] as const;
  for (const [accountId, status, text] of expected) {
    const check = popup.page.locator(`[data-account="${accountId}"] [data-check="email-domain"][data-status="${status}"]`);
    await expect(check, accountId).toHaveCount(1);
    await expect(check, accountId).toContainText(text);
  }
  await expect(popup.fixButton('pypi.org/fay', 'email-domain')).toHaveAttribute('href', 'https://pypi.org/manage/account/#account-emails');
});

test('a domain 14 days from expiry reminds the user, once', async ({ context, extensionId, serviceWorker }) => {
  // Whole seconds, as RDAP dates are written.
  const expiresAt = Math.floor((Date.now() + 14 * DAY - HOUR) / 1000) * 1000;
  const requests = await routeRdap(context, (domain) => ({ status: 200, body: verisignDomain(domain, { expiresAt }) }));
  await holdPeriodicTick(serviceWorker);
  await putRecords(serviceWorker, [{ store: 'accounts', value: accountWith('alice', 'alice@renew-example.com', Date.now()) }]);
  await turnOnInOptions(context, extensionId);

  const id = `email-domain|renew-example.com@domain-expiring:renew-example.com:${expiresAt}:14d`;
  await expect.poll(() => notificationIds(serviceWorker)).toContain(id);
  // A later tick shows it on the badge's count but does not notify again.
  await expectSingleFiring(serviceWorker, id);
  expect(requests).toHaveLength(1);
});

async function expectSingleFiring(worker: Worker, notificationId: string): Promise<void> {
  await fireReminderTick(worker);
  const history = ((await readExtensionDb(worker)).reminderHistory ?? []) as { reminderId: string; action: string }[];
  expect(history.filter((entry) => entry.reminderId === notificationId.slice(0, notificationId.indexOf('@')) && entry.action === 'fired')).toHaveLength(1);
}
