import { defineConfig } from 'wxt';
import { zxcvbnWordLists } from './scripts/vite/zxcvbn-word-lists';
import { LOOKALIKE_OPT_IN_ORIGINS } from './utils/prompts/lookalike/opt-in';
import { OPTIONAL_DATA_COLLECTION } from './utils/data-consent';
import { rdapOrigins } from './utils/email-domain/bootstrap';
import { PYPI_HOSTS } from './utils/pypi/hosts';

// Firefox needs a stable add-on id for storage, alarms and store review.
const GECKO_ID = 'pypi-guard@pypi-guard.dev';

/**
 * Every server the extension's own pages and its background connect to: the `connect-src` of
 * their Content Security Policy, so nothing else can be reached even by a bug. One entry per
 * service, with why; PRIVACY.md has the same rows (what is sent, when, how to turn it off).
 * Content scripts' requests (PyPI's own pages, same-origin) are not covered by this policy.
 */
export const CONNECT_SOURCES: Record<string, readonly string[]> = {
  // The breach check: five hex characters of a password's SHA-1 (utils/prompts/breach/hibp.ts).
  'Have I Been Pwned range API': ['https://api.pwnedpasswords.com'],
  // Project source repositories for the recovery assistant's evidence (utils/recovery/project-sources.ts).
  'PyPI JSON API': ['https://pypi.org', 'https://test.pypi.org'],
  // The opt-in email-domain check: each TLD's RDAP server as IANA's bootstrap file lists it
  // (utils/email-domain/bootstrap.ts), asked from the background's tick.
  "Registries' RDAP servers": rdapOrigins(),
};

/** The extension pages' policy: only our own scripts, no plugins, no <base>, and the servers above. */
export function extensionPagesCsp(sources: Record<string, readonly string[]> = CONNECT_SOURCES): string {
  return ["script-src 'self'", "object-src 'none'", "base-uri 'none'", `connect-src ${[...new Set(Object.values(sources).flat())].join(' ')}`].join('; ');
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    // Words come from public/_locales/<locale>/messages.json (utils/text/messages.ts); English when the
    // browser's language has no catalogue.
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    // Only what the code calls: `alarms` wakes the worker for reminders, `notifications` shows them,
    // `activeTab` lets the popup see which PyPI the current tab is on (only when the user opens it),
    // `scripting` registers the opt-in look-alike probe and injects code PyPI pages load on demand
    // (no install warning of its own), `storage` for the browser-session state (which account each
    // tab showed, which tab is a look-alike; never on disk). Content scripts declare their own PyPI
    // matches; no host permission is needed for the CORS-enabled APIs we call.
    permissions: ['alarms', 'notifications', 'activeTab', 'scripting', 'storage'],
    // The sites the content scripts already run on (the same install warning, nothing wider):
    // `scripting.executeScript` needs it to inject the prompts and zxcvbn into a PyPI tab only once a
    // password is typed there (utils/background/load-on-demand.ts), instead of on every page load.
    host_permissions: PYPI_HOSTS.map((host) => `https://${host}/*`),
    // Asked for only when the user turns on "look-alike check on every site" in the options page
    // (utils/prompts/lookalike/opt-in.ts); given back when they turn it off.
    optional_host_permissions: [...LOOKALIKE_OPT_IN_ORIGINS],
    // Private windows leave nothing: PyPI Guard cannot be enabled there at all (and the background
    // refuses any message from a private tab should a browser let it in: utils/sender.ts).
    incognito: 'not_allowed',
    content_security_policy: { extension_pages: extensionPagesCsp() },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_extension_name__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first release (and ESR) that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: {
                // Project names read on the user's PyPI pages go back to PyPI's JSON API (source
                // repositories for the recovery assistant's evidence): website content, always.
                required: ['websiteContent'],
                // What the user can turn off waits for this consent (utils/data-consent.ts): the breach
                // check's 5-character hash prefix to Have I Been Pwned, and the email-domain check's
                // domain names to RDAP servers.
                optional: [...OPTIONAL_DATA_COLLECTION],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // AbortSignal.any (the login page's content script) is the newest API the code needs
          // (Chrome 116); documentIds in scripting.executeScript need 106, storage.session 102,
          // the look-alike warning's top layer (popover) 114.
          minimum_chrome_version: '116',
        }),
  }),
  vite: () => ({
    build: { target: 'es2022' },
    plugins: [zxcvbnWordLists()],
  }),
});
