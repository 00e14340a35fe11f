import { waitFor } from '../../dom/wait-for';
import type { SendToBackground } from '../breach/checker';

/** PyPI's flash messages arrive as a late include; success is a class, in every language. */
const SUCCESS_FLASH = '.notification-bar.notification-bar--success';
export const FLASH_WAIT_MS = 5_000;

/**
 * PyPI refuses a right but breached password at login with an error that links its FAQ entry
 * `/help/#compromised-password` (pypi-facts.md §7) — a link, so the same in every language. A
 * wrong password gets "The password is invalid" instead, without the link.
 */
const COMPROMISED_PASSWORD_LINK = 'a[href$="/help/#compromised-password"]';

/** True when this login form shows PyPI's compromised-password error. */
export function showsCompromisedPasswordError(form: HTMLFormElement): boolean {
  return form.querySelector(COMPROMISED_PASSWORD_LINK) !== null;
}

/**
 * Tells the background what this login page view shows, so it can settle the password submit
 * pending in this tab (utils/background/passwords.ts): the compromised-password error (at once:
 * PyPI renders it with the page) or, failing that, PyPI's late success message (after a reset).
 * Sends nothing once the form is submitted again: the new submit supersedes this page's report.
 * Resolves true when the background confirms a reset just landed here.
 */
export async function reportLoginPage(form: HTMLFormElement, send: SendToBackground, signal: AbortSignal): Promise<boolean> {
  const resubmitted = new AbortController();
  form.addEventListener('submit', () => resubmitted.abort(), { once: true, signal });
  const stop = AbortSignal.any([signal, resubmitted.signal]);
  if (showsCompromisedPasswordError(form)) {
    await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true });
    return false;
  }
  const flash = await waitFor(SUCCESS_FLASH, { timeout: FLASH_WAIT_MS, signal: stop, root: form.ownerDocument });
  if (stop.aborted) return false;
  const reply = await send({ type: 'login-page-shown', succeeded: flash !== null });
  return reply?.resetConfirmed ?? false;
}
