import { expect } from '@playwright/test';
import { DB_NAME } from '../../../utils/store/schema';
import { readAllStores } from '../support/extension-db';
import type { ExtensionBrowser, Tab } from './adapter';

/**
 * Page helpers shared by the Chromium and Firefox runs of the cross-browser flows: what a user
 * does on PyPI's pages and the extension's, and what a test reads back from the extension.
 */

/** An in-page prompt inside PyPI Guard's shadow root. */
export const prompt = (id: string) => `pypi-guard-ui >>> [data-prompt="${id}"]`;

export interface StoredAccount {
  id: string;
  pagesSeenAt: Record<string, number>;
  twoFactor?: { value: { totp: boolean; webauthn: number } };
  recoveryCodes?: { value: unknown };
  projects?: { value: string[] };
  projectSources?: { value: unknown[] };
  observed?: {
    passwordScore?: { value: number };
    breachFoundAt?: number;
    recoveryDrill?: { hashes: string[]; lastDrillPassed?: boolean };
  };
}

/** Every record of every object store of the extension's IndexedDB, read inside the extension. */
export function readStore(browser: ExtensionBrowser): Promise<Record<string, unknown[]>> {
  return browser.inExtension(readAllStores, DB_NAME);
}

export async function storedAccount(browser: ExtensionBrowser, id: string): Promise<StoredAccount | undefined> {
  return ((await readStore(browser)).accounts as StoredAccount[] | undefined)?.find((account) => account.id === id);
}

/** Opens a PyPI account page and waits until the page model has stored what it read. */
export async function visitAccountPage(browser: ExtensionBrowser, tab: Tab, url: string, accountId: string, kind: string): Promise<void> {
  await tab.goto(url);
  await expect.poll(async () => (await storedAccount(browser, accountId))?.pagesSeenAt?.[kind], { message: `${url} was not read` }).toBeDefined();
}

/**
 * Puts `value` in a field and moves the focus on within one task, as a password manager's fill
 * does: no extension code that arrives later can have seen the field's focus, input or blur.
 */
export function fillAndLeave(tab: Tab, selector: string, value: string): Promise<void> {
  return tab.evaluate(
    ({ selector, value }) => {
      const field = document.querySelector<HTMLInputElement>(selector);
      if (!field) throw new Error(`no field ${selector}`);
      field.focus();
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      field.blur();
    },
    { selector, value },
  );
}

/** PyPI's login form (pypi-facts.md §2, `form#login-form`): username, password, submit. */
export async function signInOnPypi(tab: Tab, username: string, password: string): Promise<void> {
  await tab.goto('https://pypi.org/account/login/');
  await tab.fill('#username', username);
  await tab.fill('#password', password);
  await tab.click('#login-form input[type=submit]');
}

/**
 * The toolbar popup's page, opened as a tab. Its own CSS gives it the popup's 400 × 580 frame;
 * `screen` sets the tab's viewport too, for a phone-sized screen.
 */
export async function openPopup(browser: ExtensionBrowser, screen?: { width: number; height: number }): Promise<Tab> {
  const popup = await browser.openExtensionPage('popup.html');
  if (screen) await popup.setViewport(screen);
  await expect.poll(() => popup.attribute('main', 'data-source'), { message: 'the popup did not read the store' }).toBe('store');
  return popup;
}

/** Every check of an account in the popup, as `{ id: status }`. */
export function popupStatuses(popup: Tab, accountId: string): Promise<Record<string, string>> {
  return popup.evaluate(
    (id) =>
      Object.fromEntries(
        [...document.querySelectorAll(`[data-account="${id}"] [data-check]`)].map((row) => [row.getAttribute('data-check') ?? '', row.getAttribute('data-status') ?? '']),
      ),
    accountId,
  );
}

/** Answers the recovery assistant's questions, one page each. */
export async function answerRecoveryQuestions(assistant: Tab, answers: readonly (readonly [question: string, option: string])[]): Promise<void> {
  for (const [question, option] of answers) {
    await assistant.click(`[data-question="${question}"] [data-option="${option}"]`);
    await assistant.click('[data-action="next"]');
  }
}

/** The element's horizontal extent: no part of it may leave a narrow viewport. */
export function horizontalOverflow(tab: Tab, selector: string): Promise<{ left: number; right: number; viewport: number; scrollWidth: number }> {
  return tab.evaluate((deep) => {
    let scope: Document | ShadowRoot = document;
    let element: Element | null = null;
    for (const step of deep.split(' >>> ')) {
      element = scope.querySelector(step);
      scope = element?.shadowRoot ?? scope;
    }
    const box = element?.getBoundingClientRect();
    return { left: box?.left ?? NaN, right: box?.right ?? NaN, viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth };
  }, selector);
}
