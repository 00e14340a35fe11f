import { browser } from '@wxt-dev/browser';
import { waitFor } from '@/utils/dom/wait-for';
import { lookalikeOf } from '@/utils/prompts/lookalike/detect';
import { LOOKALIKE_PROBE_MESSAGE } from '@/utils/prompts/lookalike/opt-in';

/** How long a look-alike page is watched for a password field that arrives late. */
const PASSWORD_FIELD_WAIT_MS = 60_000;

/**
 * The opt-in probe, registered on every site when the user turns the look-alike check on (see
 * utils/prompts/lookalike/opt-in.ts). It must stay tiny and idle: it reads the host name, and on
 * any host that does not imitate PyPI it returns at once — no listener, no observer, no message.
 * On a look-alike it waits for a password field, then asks the background for the warning.
 * It uses the browser's own `runtime` (@wxt-dev/browser, no webextension-polyfill): one
 * promise-returning call in both browsers does not need the polyfill's weight on every page.
 */
export default defineUnlistedScript(() => {
  if (!lookalikeOf(location.hostname)) return;
  void waitFor('input[type="password"]', { timeout: PASSWORD_FIELD_WAIT_MS }).then((field) => {
    if (field) void browser.runtime.sendMessage(LOOKALIKE_PROBE_MESSAGE).catch(() => undefined);
  });
});
