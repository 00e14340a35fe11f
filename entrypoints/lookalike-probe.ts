import { browser } from '@wxt-dev/browser';
import { markDone } from '@/utils/content/done';
import { waitForDeep } from '@/utils/dom/wait-for';
import { anyShadowRootOf } from '@/utils/dom/shadow-root';
import { isPasswordLike } from '@/utils/prompts/lookalike/password-like';
import { LOOKALIKE_PROBE_MESSAGE } from '@/utils/prompts/lookalike/probe-message';
import { mayImitatePypi } from '@/utils/prompts/lookalike/screen';

/**
 * The opt-in probe, registered on every site when the user turns the look-alike check on (see
 * utils/prompts/lookalike/opt-in.ts). It must stay tiny and idle: it screens the host name, and on
 * any host that cannot imitate PyPI it returns at once — no listener, no observer, no message.
 * On a host that may, it watches for a password-like field for as long as the page lives (late
 * fields, text fields styled as passwords, fields in shadow roots or same-origin frames), then
 * tells the background, which classifies the sender's URL itself before it marks the tab and
 * injects the warning. It uses the browser's own `runtime` (@wxt-dev/browser, no polyfill): one
 * call does not need the polyfill's weight on every page.
 */
export default defineUnlistedScript(() => {
  if (!mayImitatePypi(location.hostname)) return markDone('probe', 'ignored');
  void waitForDeep(document, isPasswordLike, { shadowRootOf: anyShadowRootOf }).then((field) => {
    if (!field) return;
    markDone('probe', 'found');
    void browser.runtime.sendMessage(LOOKALIKE_PROBE_MESSAGE).catch(() => undefined);
  });
  // The first look ran already (synchronously); a field found by it is marked 'found' just after.
  markDone('probe', 'watching');
});
