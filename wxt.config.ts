import { defineConfig } from 'wxt';
import { LOOKALIKE_OPT_IN_ORIGINS } from './utils/prompts/lookalike/opt-in';

// Firefox needs a stable add-on id for storage, alarms and store review.
const GECKO_ID = 'pypi-guard@pypi-guard.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'PyPI Guard',
    description:
      'Audits your PyPI account security, nudges you to fix weak spots on pypi.org, and guides you back in when you are locked out.',
    // Only what the code calls: `alarms` wakes the worker for reminders, `notifications` shows them,
    // `activeTab` lets the popup see which PyPI the current tab is on (only when the user opens it),
    // `scripting` registers the opt-in look-alike probe (no install warning; without host access it
    // reaches nothing the content scripts do not already). Content scripts declare their own PyPI
    // matches; no host permission is needed for them or for the CORS-enabled APIs we call.
    permissions: ['alarms', 'notifications', 'activeTab', 'scripting'],
    // Asked for only when the user turns on "look-alike check on every site" in the options page
    // (utils/prompts/lookalike/opt-in.ts); given back when they turn it off.
    optional_host_permissions: [...LOOKALIKE_OPT_IN_ORIGINS],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'PyPI Guard' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first release (and ESR) that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the device except the 5-character HIBP prefix.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    build: { target: 'es2022' },
  }),
});
