import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportLoginPage, showsCompromisedPasswordError } from '@/utils/prompts/password/login-page';
import type { ContentMessage } from '@/utils/messages';
import { BREACHED_PASSWORD } from '../../fixtures/hibp/range';
import { PASSWORDS } from '../../fixtures/pypi/secrets';
import { fakeAt, parse, post } from '../fixtures/helpers';

/** The login page the fake PyPI answers to a login POST, loaded into this test's document. */
function loginAnswer(password: string, setUp?: (fake: ReturnType<typeof fakeAt>) => void): HTMLFormElement {
  const fake = fakeAt();
  fake.setLoggedIn(false);
  setUp?.(fake);
  const page = parse(post(fake, '/account/login/', { username: 'alice', password }));
  document.body.replaceChildren(document.importNode(page.body, true));
  return document.querySelector<HTMLFormElement>('form#login-form')!;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the login page after a submit', () => {
  it('shows PyPI’s compromised-password error only for the right password when it is breached', () => {
    // alice's real password is not breached; a breached guess is simply wrong.
    expect(showsCompromisedPasswordError(loginAnswer(BREACHED_PASSWORD))).toBe(false);
    expect(document.querySelector('#password-errors')?.textContent).toContain('The password is invalid');
    // alice's password is the breached one: PyPI refuses it with the FAQ link, in any language.
    const breached = loginAnswer(BREACHED_PASSWORD, (fake) => {
      fake.account.password = BREACHED_PASSWORD;
      fake.setLocale('de');
    });
    expect(showsCompromisedPasswordError(breached)).toBe(true);
  });

  it('reports the compromised-password error at once, without waiting for flash messages', async () => {
    const form = loginAnswer(BREACHED_PASSWORD, (fake) => (fake.account.password = BREACHED_PASSWORD));
    const sent: ContentMessage[] = [];
    const send = vi.fn(async (message: ContentMessage) => (sent.push(message), { resetConfirmed: false }));
    expect(await reportLoginPage(form, send as never, new AbortController().signal)).toBe(false);
    expect(sent).toEqual([{ type: 'login-page-shown', succeeded: false, compromisedPassword: true }]);
  });

  it('reports a wrong password as a page without success message', async () => {
    vi.useFakeTimers();
    const form = loginAnswer(PASSWORDS.bob);
    const sent: ContentMessage[] = [];
    const send = vi.fn(async (message: ContentMessage) => (sent.push(message), { resetConfirmed: false }));
    const report = reportLoginPage(form, send as never, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await report).toBe(false);
    expect(sent).toEqual([{ type: 'login-page-shown', succeeded: false }]);
  });

  it('sends nothing once the form is submitted again: the new submit supersedes this page', async () => {
    vi.useFakeTimers();
    const form = loginAnswer(PASSWORDS.bob);
    const send = vi.fn(async () => ({ resetConfirmed: false }));
    const report = reportLoginPage(form, send as never, new AbortController().signal);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await report).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});
