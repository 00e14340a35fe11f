import { expect, test } from '@playwright/test';
import { CHECKS } from '../../../utils/audit';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { DB_NAME, DB_VERSION } from '../../../utils/store/schema';
import { BREACHED_PASSWORD, CLEAN_PASSWORD, sha1Upper } from '../../fixtures/hibp/range';
import { FIXTURE_SECRETS, PASSWORDS, RECOVERY_CODES } from '../../fixtures/pypi/secrets';
import { LOST_TWO_FACTOR_NO_CODES } from '../pages/recovery';
import { aliceChangedDaysAgo, writeRecords, type StoreRecord } from '../support/reminders';
import type { ExtensionBrowser, LaunchOptions, Tab } from './adapter';
import { answerRecoveryQuestions, fillAndLeave, horizontalOverflow, openPopup, popupStatuses, prompt, readStore, signInOnPypi, storedAccount, visitAccountPage } from './pages';

/**
 * The main flows of PyPI Guard, written once and run in every browser we ship for: Chromium
 * (tests/e2e/main-flows.spec.ts) and Firefox ESR (tests/e2e/firefox/main-flows.spec.ts). Each is
 * one test with one browser launch; the fake PyPI and its scenario accounts are the ones every
 * other test uses (tests/fixtures/pypi).
 */
export interface Flow {
  title: string;
  /** Only in these browsers (default: all). */
  browsers?: readonly ExtensionBrowser['name'][];
  launch?: LaunchOptions;
  /** Known not to pass yet in a browser, and why (the test is then declared as `fixme`, not run). */
  fixme?: Partial<Record<ExtensionBrowser['name'], string>>;
  run(browser: ExtensionBrowser): Promise<void>;
}

const ALICE = 'pypi.org/alice';
const STRONG_PASSWORD = 'vivid-trombone-glacier-7-marmalade';
/** The checks the popup lists with the default settings (opt-in checks such as the email domains' are off). */
const DEFAULT_CHECK_IDS = CHECKS.filter((check) => check.isOn?.(DEFAULT_SETTINGS) ?? true).map((check) => check.id);
const PASSWORD_ROTATION = /^password-rotation\|pypi\.org\/alice@/;

/** alice's account settings and projects pages, read and stored (projects with their repositories). */
async function visitAliceAccount(browser: ExtensionBrowser): Promise<Tab> {
  browser.pypi['pypi.org'].setScenario('totp-and-key');
  const tab = await browser.openTab('https://pypi.org/');
  await visitAccountPage(browser, tab, 'https://pypi.org/manage/account/', ALICE, 'account-settings');
  await tab.goto('https://pypi.org/manage/projects/');
  // The background looks the repositories up on PyPI's JSON API after the projects page.
  await expect.poll(async () => (await storedAccount(browser, ALICE))?.projectSources?.value, { message: 'no repositories looked up' }).toContainEqual({
    project: 'alice-tools',
    repositoryUrl: 'https://github.com/alice/alice-tools',
  });
  return tab;
}

async function expectNoSecretStored(browser: ExtensionBrowser): Promise<void> {
  const everything = JSON.stringify(await readStore(browser));
  for (const secret of FIXTURE_SECRETS) expect(everything, `found a secret: ${secret.slice(0, 6)}…`).not.toContain(secret);
}

/** Fires the reminders alarm, as the browser fires it, and resolves when that tick has finished (it writes the badge last). */
async function fireReminderTick(browser: ExtensionBrowser): Promise<string> {
  const running = '?';
  await browser.inExtension(async (placeholder) => {
    await chrome.action.setBadgeText({ text: placeholder });
    await chrome.alarms.create('reminders:refresh', { when: Date.now() });
  }, running);
  let badge = running;
  await expect.poll(async () => (badge = await browser.inExtension(() => chrome.action.getBadgeText({}), null)), { message: 'the reminder tick did not finish' }).not.toBe(running);
  return badge;
}

async function reminderHistory(browser: ExtensionBrowser): Promise<[string, string][]> {
  const rows = ((await readStore(browser)).reminderHistory ?? []) as { reminderId: string; action: string; id: number }[];
  return rows.sort((a, b) => a.id - b.id).map((row) => [row.reminderId, row.action]);
}

/** Waits until the extension has created its database at the current version; the test must never create it first. */
async function waitForStore(browser: ExtensionBrowser): Promise<void> {
  await expect
    .poll(() => browser.inExtension(async (name) => (await indexedDB.databases()).find((database) => database.name === name)?.version ?? 0, DB_NAME))
    .toBeGreaterThanOrEqual(DB_VERSION);
}

async function putRecords(browser: ExtensionBrowser, records: StoreRecord[]): Promise<void> {
  await waitForStore(browser);
  await browser.inExtension(writeRecords, { name: DB_NAME, records });
}

/**
 * Turns the breach check on as a user does, on the options page. In Firefox it is off until the
 * user grants the `authenticationInfo` data consent, which the switch asks for in its click
 * (utils/data-consent.ts); Chromium has no such consent, so there it is on from the start.
 */
async function turnOnBreachCheck(browser: ExtensionBrowser): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  const breachCheck = '[data-setting="breach-check"]';
  const isChecked = () => options.evaluate((selector) => document.querySelector<HTMLInputElement>(selector)?.checked, breachCheck);
  await expect.poll(() => options.attribute(breachCheck, 'data-consent'), { message: 'the options page never asked the browser' }).not.toBe('pending');
  if (browser.name === 'firefox') {
    expect(await options.attribute(breachCheck, 'data-consent')).toBe('missing');
    expect(await isChecked()).toBe(false);
    const asked = await browser.acceptConsentPrompt(() => options.click(breachCheck));
    expect(asked).toMatch(/authentication/i);
  }
  await expect.poll(() => options.attribute(breachCheck, 'data-consent')).toBe('granted');
  expect(await isChecked()).toBe(true);
  await options.close();
}

export const FLOWS: readonly Flow[] = [
  {
    title: 'the account page is read and stored; the popup lists the account with its checks; the recovery assistant opens from the popup and builds the request',
    // Firefox: the link opens the assistant's tab (its address is checked), but WebDriver BiDi is
    // never told of a tab an extension page opens, so the test drives the same address reopened
    // (tabOpenedBy in ./firefox.ts).
    async run(browser) {
      await visitAliceAccount(browser);
      const stored = await storedAccount(browser, ALICE);
      expect(stored?.twoFactor?.value).toEqual({ totp: true, securityKeys: browser.pypi['pypi.org'].account.securityKeys });

      const popup = await openPopup(browser);
      const statuses = await popupStatuses(popup, ALICE);
      expect(Object.keys(statuses).sort()).toEqual([...DEFAULT_CHECK_IDS].sort());
      expect(statuses).toMatchObject({ 'two-factor': 'pass', 'second-factor-method': 'pass', 'recovery-codes': 'pass', 'verified-email': 'pass', 'recovery-readiness': 'pass' });

      const assistant = await browser.tabOpenedBy(() => popup.click('a[href$="recovery.html?from=popup"]'));
      expect(await assistant.url()).toBe(browser.extensionUrl('recovery.html?from=popup'));
      await assistant.click('[data-action="choose-account"]');
      await expect.poll(() => assistant.attribute('[data-chosen-account]', 'data-chosen-account')).toBe(ALICE);
      await answerRecoveryQuestions(assistant, LOST_TWO_FACTOR_NO_CODES);
      await expect.poll(() => assistant.count('[data-path="support-request"]')).toBe(1);
      expect(await assistant.text('[data-field="username"] [data-value]')).toBe('`alice`');
      const reason = (await assistant.text('[data-field="reason"] [data-value]')) ?? '';
      expect(reason).toContain('Projects I maintain: alice-tools');
      expect(reason).toContain('alice-tools: https://github.com/alice/alice-tools');
      expect(reason).toContain('Lost 2FA authentication app or security token.');
      for (const secret of FIXTURE_SECRETS) expect(reason).not.toContain(secret);
    },
  },
  {
    title: 'the password card rates a new password; on the login page the same one card checks Have I Been Pwned (5 characters, padding header) and a sign-in records the score only',
    async run(browser) {
      const tab = await browser.openTab('https://pypi.org/');
      await visitAccountPage(browser, tab, 'https://pypi.org/manage/account/', ALICE, 'account-settings');
      const card = prompt('password');
      await tab.fill('#change-password-form #new_password', 'password1');
      await expect.poll(() => tab.attribute(card, 'data-state')).toBe('weak');
      await tab.fill('#change-password-form #new_password', STRONG_PASSWORD);
      await expect.poll(() => tab.attribute(card, 'data-state')).toBe('strong');

      await turnOnBreachCheck(browser);
      browser.pypi['pypi.org'].setLoggedIn(false);
      await tab.goto('https://pypi.org/account/login/');
      await tab.fill('#username', 'alice');
      // Filled and left in one go, as a password manager does: the blur comes before the prompts,
      // loaded on demand once the field is used, can listen for it; they check it as they start.
      await fillAndLeave(tab, '#password', BREACHED_PASSWORD);
      // One card, one headline: leaked beats weak, and both verdicts are lines of it.
      await expect.poll(() => tab.attribute(card, 'data-state')).toBe('breached');
      expect(await tab.attribute(`${card} [data-field="breach"]`, 'data-state')).toBe('found');
      expect(await tab.attribute(`${card} [data-field="strength"]`, 'data-verdict')).toBe('weak');
      expect(await tab.count(prompt('password'))).toBe(1);
      expect(browser.hibpRequests).toHaveLength(1);
      const [request] = browser.hibpRequests;
      expect(new URL(request!.url).pathname).toBe(`/range/${sha1Upper(BREACHED_PASSWORD).slice(0, 5)}`);
      expect(request!.method).toBe('GET');
      expect(request!.headers['add-padding']).toBe('true');
      expect(JSON.stringify(request)).not.toContain(sha1Upper(BREACHED_PASSWORD).slice(5));

      // The right password: checked too, nothing to say, and the sign-in records its score.
      await tab.fill('#password', PASSWORDS.alice);
      await tab.blur('#password');
      await expect.poll(() => browser.hibpRequests.length).toBe(2);
      await tab.click('#login-form input[type=submit]');
      await expect.poll(() => tab.url()).toMatch(/\/account\/two-factor\//);
      await expect.poll(async () => (await storedAccount(browser, ALICE))?.observed?.passwordScore?.value).toEqual(expect.any(Number));
      expect((await storedAccount(browser, ALICE))?.observed).not.toHaveProperty('breachFoundAt');
      await expectNoSecretStored(browser);
      expect(JSON.stringify(await readStore(browser))).not.toContain(CLEAN_PASSWORD);
    },
  },
  {
    title: 'the recovery-codes page reminds to save them and keeps only hashes; the drill page accepts a shown code',
    async run(browser) {
      const tab = await browser.openTab('https://pypi.org/');
      await visitAccountPage(browser, tab, 'https://pypi.org/manage/account/', ALICE, 'account-settings');
      await tab.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
      await expect.poll(() => tab.count(prompt('save-recovery-codes'))).toBe(1);
      expect(await tab.text(prompt('save-recovery-codes'))).toContain('password manager');
      // Eight PBKDF2 hashes of 600,000 rounds each.
      await expect.poll(() => tab.attribute(prompt('save-recovery-codes'), 'data-state'), { timeout: 30_000 }).toBe('stored');
      expect((await storedAccount(browser, ALICE))?.observed?.recoveryDrill?.hashes).toHaveLength(8);

      const drill = await browser.openExtensionPage('drill.html');
      await drill.fill('#drill-code', RECOVERY_CODES[2]);
      await drill.click('form button[type=submit]');
      await expect.poll(() => drill.attribute('[data-answer]', 'data-answer'), { timeout: 15_000 }).toBe('one-of-yours');
      await expect.poll(async () => (await storedAccount(browser, ALICE))?.observed?.recoveryDrill?.lastDrillPassed).toBe(true);
      await expectNoSecretStored(browser);
    },
  },
  {
    title: 'the background unloading loses nothing: a reminder notifies once across it and its click opens the right page; a pending sign-in still names the account',
    async run(browser) {
      const tab = await browser.openTab('https://pypi.org/');
      await visitAccountPage(browser, tab, 'https://pypi.org/manage/account/', ALICE, 'account-settings');

      // A reminder due: alice's password changed 181 days ago, on a 180-day schedule.
      const { account, settings } = aliceChangedDaysAgo(Date.now(), 181);
      await putRecords(browser, [
        { store: 'accounts', value: { ...(await storedAccount(browser, ALICE)), observed: account.observed } },
        { store: 'settings', value: settings, key: 'settings' },
      ]);
      // The hourly tick waits an hour, so every tick seen here is one this test fired.
      await browser.inExtension(() => chrome.alarms.create('reminders:tick', { delayInMinutes: 60, periodInMinutes: 60 }), null);
      expect(await fireReminderTick(browser)).not.toBe('');
      const shown = (await browser.notifications()).filter((id) => PASSWORD_ROTATION.test(id));
      expect(shown).toHaveLength(1);
      expect(await reminderHistory(browser)).toEqual([['password-rotation|pypi.org/alice', 'fired']]);

      await browser.unloadBackground();
      // The alarm wakes a fresh background: the reminder is still outstanding, and not notified again.
      expect(await fireReminderTick(browser)).not.toBe('');
      expect(await reminderHistory(browser)).toEqual([['password-rotation|pypi.org/alice', 'fired']]);
      // (Headless Chromium drops shown notifications from getAll() after a few seconds: only new ones count.)
      expect((await browser.notifications()).filter((id) => PASSWORD_ROTATION.test(id) && !shown.includes(id))).toEqual([]);

      // Unloaded again: the click itself must wake the background, which opens the password change.
      await browser.unloadBackground();
      const opened = await browser.tabOpenedBy(() => browser.clickNotification(shown[0]!));
      await expect.poll(() => opened.url()).toBe('https://pypi.org/manage/account/#change-password');
      await expect.poll(() => reminderHistory(browser)).toContainEqual(['password-rotation|pypi.org/alice', 'opened']);

      // A sign-in in progress: the username typed on the login form is kept for the two-factor step,
      // across an unload; the lost-2FA prompt then opens the assistant on alice.
      browser.pypi['pypi.org'].setLoggedIn(false);
      await signInOnPypi(tab, 'alice', PASSWORDS.alice);
      await expect.poll(() => tab.url()).toMatch(/\/account\/two-factor\//);
      await expect.poll(() => tab.count(prompt('lost-2fa-help'))).toBe(1);
      await browser.unloadBackground();
      const assistant = await browser.tabOpenedBy(() => tab.click(`${prompt('lost-2fa-help')} [data-action="open-recovery"]`));
      expect(await assistant.url()).toBe(browser.extensionUrl('recovery.html?host=pypi.org&username=alice&from=prompt'));
      await expect.poll(() => assistant.attribute('[data-chosen-account]', 'data-chosen-account')).toBe(ALICE);
    },
  },
  {
    title: 'export → wipe → import gives back the same data',
    async run(browser) {
      const tab = await browser.openTab('https://pypi.org/');
      await visitAccountPage(browser, tab, 'https://pypi.org/manage/account/', ALICE, 'account-settings');
      const options = await browser.openExtensionPage('options.html');
      await expect.poll(() => options.count(`[data-account="${ALICE}"]`)).toBeGreaterThan(0);
      const exported = await options.downloadedBy(() => options.click('button', { text: 'Export all data (JSON)' }));
      expect(exported.name).toMatch(/^pypi-guard-export-\d{4}-\d{2}-\d{2}\.json$/);
      const before = JSON.parse(exported.text) as { stores: Record<string, unknown[]> };
      expect(before.stores.accounts).toHaveLength(1);

      await options.click('button', { text: 'Delete all data…' });
      await options.click('button', { text: 'Delete everything' });
      await expect.poll(() => options.text('[role="status"]')).toContain('All data deleted.');
      expect((await readStore(browser)).accounts).toEqual([]);

      await options.setInputFile('#import-file', { name: exported.name, text: exported.text });
      await expect.poll(() => options.text('[role="status"]')).toContain('Import finished');
      await expect.poll(() => options.count(`[data-account="${ALICE}"]`)).toBeGreaterThan(0);
      const again = await options.downloadedBy(() => options.click('button', { text: 'Export all data (JSON)' }));
      expect((JSON.parse(again.text) as { stores: unknown }).stores).toEqual(before.stores);
    },
  },
  {
    title: 'on a phone (360 px, touch screen, as Firefox for Android): the popup fills the screen and an in-page prompt fits',
    // Chrome runs no extension on phones; Firefox for Android is Gecko with a touch screen.
    browsers: ['firefox'],
    launch: { touchScreen: true },
    async run(browser) {
      const tab = await browser.openTab('https://pypi.org/');
      await tab.setViewport({ width: 360, height: 640 });
      await visitAccountPage(browser, tab, 'https://pypi.org/manage/account/', ALICE, 'account-settings');
      await tab.fill('#change-password-form #new_password', 'password1');
      await expect.poll(() => tab.attribute(prompt('password'), 'data-state')).toBe('weak');
      const promptBox = await horizontalOverflow(tab, prompt('password'));
      expect(promptBox.left).toBeGreaterThanOrEqual(0);
      expect(promptBox.right).toBeLessThanOrEqual(promptBox.viewport);

      // Firefox for Android shows the popup as a whole screen: nothing of it may be cut off.
      const popup = await openPopup(browser, { width: 360, height: 640 });
      const account = await horizontalOverflow(popup, `[data-account="${ALICE}"]`);
      expect(account.right).toBeLessThanOrEqual(360);
      expect(account.scrollWidth).toBeLessThanOrEqual(360);
      expect(await popup.evaluate(() => document.body.getBoundingClientRect().width, null)).toBe(360);
      expect(Object.keys(await popupStatuses(popup, ALICE))).toHaveLength(DEFAULT_CHECK_IDS.length);
    },
  },
];

/** Declares one test per flow for a browser, each launching its own (called from a spec file). */
export function testFlows(browserName: ExtensionBrowser['name'], launch: (options?: LaunchOptions) => Promise<ExtensionBrowser>): void {
  for (const flow of FLOWS.filter((candidate) => candidate.browsers?.includes(browserName) ?? true)) {
    const fixme = flow.fixme?.[browserName];
    (fixme ? test.fixme : test)(fixme ? `${flow.title} — fixme: ${fixme}` : flow.title, async () => {
      const browser = await launch(flow.launch);
      try {
        await flow.run(browser);
      } finally {
        await browser.close();
      }
    });
  }
}
