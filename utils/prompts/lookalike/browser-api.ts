import { browser } from 'wxt/browser';
import { LOOKALIKE_OPT_IN_ORIGINS, LOOKALIKE_PROBE_ID, probeRegistration, type LookalikeOptInApi } from './opt-in';

/** The opt-in's browser calls: `permissions` for the access to all sites, `scripting` for the probe. */
export const browserLookalikeOptInApi: LookalikeOptInApi = {
  requestAccess: () => browser.permissions.request({ origins: LOOKALIKE_OPT_IN_ORIGINS }),
  hasAccess: () => browser.permissions.contains({ origins: LOOKALIKE_OPT_IN_ORIGINS }),
  releaseAccess: () => browser.permissions.remove({ origins: LOOKALIKE_OPT_IN_ORIGINS }),
  isRegistered: async () => (await browser.scripting.getRegisteredContentScripts({ ids: [LOOKALIKE_PROBE_ID] })).length > 0,
  register: () => browser.scripting.registerContentScripts([probeRegistration()]),
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [LOOKALIKE_PROBE_ID] }),
};
