import { test, expect } from './fixtures';
import { readExtensionDb, storedAccount } from './support/extension-db';
import { FIXTURE_SECRETS, PASSWORDS, TWO_FACTOR_TOKEN } from '../fixtures/pypi/secrets';
import { scenarioAccount } from '../fixtures/pypi/accounts';
import { submitPypiLogin } from './pages/pypi-login';

for (const locale of ['en', 'de', 'ja'] as const) {
  test.describe(`in ${locale}`, () => {
    test('visiting account settings, then projects, stores the right account', async ({ context, serviceWorker, pypi }) => {
      pypi['pypi.org'].setScenario('totp-and-key');
      pypi['pypi.org'].setLocale(locale);
      const page = await context.newPage();
      await page.goto('https://pypi.org/manage/account/');
      await expect.poll(() => storedAccount(serviceWorker, 'pypi.org/alice')).toBeDefined();
      const afterAccount = await storedAccount(serviceWorker, 'pypi.org/alice');
      expect(afterAccount).toMatchObject({
        host: 'pypi.org',
        username: 'alice',
        locale,
        twoFactor: { value: { totp: true, securityKeys: ['YubiKey 5C'] } },
        recoveryCodes: { value: { generated: true, unused: 2 } },
        emails: { value: [{ address: 'alice@example.org', primary: true, verified: true }, { address: 'alice.backup@mailbox.example.net', verified: true }] },
      });

      await page.goto('https://pypi.org/manage/projects/');
      await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.projects).toMatchObject({ value: ['alice-tools', 'tiny-parser'] });
      // The projects page did not erase what account settings said.
      expect(await storedAccount(serviceWorker, 'pypi.org/alice')).toMatchObject({ twoFactor: afterAccount!.twoFactor, recoveryCodes: afterAccount!.recoveryCodes });

      const db = await readExtensionDb(serviceWorker);
      const events = db.events as { tag: string }[];
      expect(events.length).toBe(pypi['pypi.org'].account.events.length);
      // In German and Japanese too, every row was mapped to its tag (through the English copy of the page).
      expect(events.filter((event) => event.tag === 'unknown')).toEqual([]);
      if (locale !== 'en') {
        const english = pypi['pypi.org'].requests.filter((request) => request.url.endsWith('/manage/account/?_LOCALE_=en'));
        expect(english).toHaveLength(1);
      }
    });
  });
}

test('events are stored once however often the page is visited', async ({ context, serviceWorker, pypi }) => {
  pypi['pypi.org'].setScenario('suspicious-history');
  const page = await context.newPage();
  for (let visit = 0; visit < 3; visit++) {
    await page.goto('https://pypi.org/manage/account/');
    await expect.poll(async () => ((await readExtensionDb(serviceWorker)).snapshots ?? []).length).toBe(visit + 1);
  }
  const db = await readExtensionDb(serviceWorker);
  expect(db.events).toHaveLength(pypi['pypi.org'].account.events.filter((event) => Date.now() - event.time.getTime() <= 90 * 86_400_000).length);
});

test('a revisit reads only the rows added since: in German, no English copy when nothing is new, one when a row is', async ({ context, serviceWorker, pypi }) => {
  const fake = pypi['pypi.org'];
  // No token whose scope only English words tell: that would need the English copy on every visit.
  fake.setScenario({ ...scenarioAccount('suspicious-history', new Date()), tokens: [] });
  fake.setLocale('de');
  const englishCopies = () => fake.requests.filter((request) => request.url.endsWith('/manage/account/?_LOCALE_=en')).length;
  const snapshotCount = async () => ((await readExtensionDb(serviceWorker)).snapshots ?? []).length;
  const page = await context.newPage();

  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(snapshotCount).toBe(1);
  const firstEvents = ((await readExtensionDb(serviceWorker)).events ?? []).length;
  expect(englishCopies()).toBe(1);
  expect(await storedAccount(serviceWorker, 'pypi.org/alice')).toMatchObject({ historyReadUpTo: Math.max(...fake.account.events.map((event) => Math.floor(event.time.getTime() / 1000) * 1000)) });

  // Nothing new: the page is read, but no row, and PyPI is not asked for the English copy again.
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(snapshotCount).toBe(2);
  expect(englishCopies()).toBe(1);
  expect(((await readExtensionDb(serviceWorker)).snapshots as { eventCount?: number }[]).at(-1)?.eventCount).toBe(0);

  // A new sign-in failure from elsewhere: the one new row is read, through the English copy, and mapped.
  fake.account.events.unshift({ tag: 'account:login:failure', time: new Date(), additional: { reason: 'invalid_password' }, location: 'Lagos, LA, NG', device: 'curl' });
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(snapshotCount).toBe(3);
  expect(englishCopies()).toBe(2);
  const events = (await readExtensionDb(serviceWorker)).events as { tag: string; location?: string }[];
  expect(events).toHaveLength(firstEvents + 1);
  expect(events.filter((event) => event.tag === 'unknown')).toEqual([]);
  expect(events.filter((event) => event.location === 'Lagos, LA, NG' && event.tag === 'account:login:failure').length).toBeGreaterThan(0);
});

test('accounts on pypi.org and test.pypi.org are kept apart', async ({ context, serviceWorker, pypi }) => {
  pypi['test.pypi.org'].setScenario('bob-keys-only');
  const page = await context.newPage();
  const storedIds = async () => ((await readExtensionDb(serviceWorker)).accounts as { id: string }[]).map((account) => account.id).sort();
  await page.goto('https://pypi.org/manage/account/');
  // The page is read after its load and an idle period, and a page left before that stores nothing
  // (#14): wait for pypi.org's account before leaving it.
  await expect.poll(storedIds).toEqual(['pypi.org/alice']);
  await page.goto('https://test.pypi.org/manage/account/');
  await expect.poll(storedIds).toEqual(['pypi.org/alice', 'test.pypi.org/bob']);
});

test('the two-factor login page is attributed to the account the typed name finds, shown as PyPI names it', async ({ context, serviceWorker, pypi }) => {
  pypi['pypi.org'].setScenario('totp-and-key');
  const page = await context.newPage();
  // PyPI Guard knows alice from a page that names her itself.
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(() => storedAccount(serviceWorker, 'pypi.org/alice')).toBeDefined();

  pypi['pypi.org'].setLoggedIn(false);
  await submitPypiLogin(page, 'ALICE', PASSWORDS.alice); // PyPI accepts any case
  await page.waitForURL(`https://pypi.org/account/two-factor/?${TWO_FACTOR_TOKEN}`);
  await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.loginMethods).toMatchObject({
    value: { totp: true, webauthn: true, recoveryCodes: true },
  });
  // The typed "ALICE" found the record; it is not what the popup shows.
  expect((await storedAccount(serviceWorker, 'pypi.org/alice'))?.username).toBe('alice');
  expect(((await readExtensionDb(serviceWorker)).accounts as { id: string }[]).map((account) => account.id)).toEqual(['pypi.org/alice']);
});

test('the login form leaves only the typed username behind, in IndexedDB, for the two-factor page', async ({ context, serviceWorker, pypi }) => {
  pypi['pypi.org'].setScenario('totp-and-key');
  pypi['pypi.org'].setLoggedIn(false);
  const page = await context.newPage();
  await submitPypiLogin(page, 'alice', PASSWORDS.alice);
  await page.waitForURL(/\/account\/two-factor\//);
  // Kept where a restarted service worker finds it; the password is not there.
  await expect.poll(async () => ((await readExtensionDb(serviceWorker)).pendingLogins ?? []).length).toBe(1);
  expect((await readExtensionDb(serviceWorker)).pendingLogins).toEqual([{ id: expect.stringMatching(/\|pypi\.org$/), host: 'pypi.org', username: 'alice', at: expect.any(Number) }]);
  // No page has named alice yet, so no account was made from the name typed.
  expect((await readExtensionDb(serviceWorker)).accounts).toEqual([]);
});

test('nothing secret is ever stored', async ({ context, serviceWorker, pypi }) => {
  // Eleven pages read one after another, each after its load and an idle period.
  test.slow();
  pypi['pypi.org'].setScenario('api-tokens');
  const page = await context.newPage();
  const snapshotCount = async () => ((await readExtensionDb(serviceWorker)).snapshots ?? []).length;
  // Known from account settings first; then sign in (the password is typed into PyPI's form), so
  // the two-factor page is stored too, then visit every page that shows a secret.
  await page.goto('https://pypi.org/manage/account/');
  await expect.poll(snapshotCount).toBe(1);
  pypi['pypi.org'].setLoggedIn(false);
  await submitPypiLogin(page, 'alice', PASSWORDS.alice);
  await page.waitForURL(/\/account\/two-factor\//);
  await expect.poll(snapshotCount).toBe(2);
  pypi['pypi.org'].setLoggedIn(true);
  const visits: (() => Promise<unknown>)[] = [
    '/manage/account/',
    '/manage/account/two-factor/',
    '/manage/account/totp-provision',
    '/manage/account/recovery-codes/regenerate',
    '/manage/account/recovery-codes/burn',
    '/manage/projects/',
    '/user/alice/',
    '/manage/account/token/',
  ].map((path) => () => page.goto(`https://pypi.org${path}`));
  visits.push(async () => {
    await page.locator('#description').fill('new token');
    await page.locator('#token_scope').selectOption('scope:user');
    await page.locator('#create-token input[type=submit]').click();
    await expect(page.locator('#provisioned-key')).toBeVisible();
  });
  for (const [index, visit] of visits.entries()) {
    await visit();
    // Each page is read before the next one: the visit is over when its snapshot is stored.
    await expect.poll(snapshotCount).toBe(index + 3);
  }

  const everything = JSON.stringify(await readExtensionDb(serviceWorker));
  for (const secret of FIXTURE_SECRETS) expect(everything, `found a secret: ${secret.slice(0, 6)}…`).not.toContain(secret);
});
