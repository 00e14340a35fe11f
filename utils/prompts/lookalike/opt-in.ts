import { lookalikeMatchPatterns } from './known-hosts';

/**
 * The opt-in look-alike check on every site. Off by default: the install asks for no host access
 * (the warning is declared for twelve known look-alike domains only). Turned on from the options
 * page, it asks the browser for access to all sites and registers a tiny probe there; the probe
 * screens the host name and, only on a host that may imitate PyPI and once a password-like field
 * shows, tells the background, which classifies the sender's URL, marks the tab and injects the
 * full warning (content-scripts/lookalike.js) into that one document (utils/background/lookalike.ts).
 * On every other site the probe returns at once and leaves nothing behind.
 */

/** The optional host access the opt-in asks for (manifest `optional_host_permissions`). */
export const LOOKALIKE_OPT_IN_ORIGINS = ['*://*/*'];

export const LOOKALIKE_PROBE_ID = 'pypi-guard-lookalike-probe';
/** Built from entrypoints/lookalike-probe.ts (an unlisted script). */
export const LOOKALIKE_PROBE_FILE = '/lookalike-probe.js';
/** The warning itself, the same script the manifest declares for the known look-alike domains. */
export const LOOKALIKE_WARNING_FILE = '/content-scripts/lookalike.js';

/**
 * Where the probe runs: every http(s) page except PyPI itself and the domains the manifest already
 * covers (they get the warning without the opt-in). Kept across browser restarts; Chrome and
 * Firefox (105+) both keep registered scripts by default, and this says so.
 */
export function probeRegistration() {
  return {
    id: LOOKALIKE_PROBE_ID,
    js: [LOOKALIKE_PROBE_FILE],
    matches: [...LOOKALIKE_OPT_IN_ORIGINS],
    excludeMatches: ['*://*.pypi.org/*', ...lookalikeMatchPatterns()],
    runAt: 'document_idle' as const,
    allFrames: false,
    persistAcrossSessions: true,
  };
}

/** The browser calls the opt-in needs; the options page and the background pass the real ones. */
export interface LookalikeOptInApi {
  /** Asks the user for access to all sites. Must be the first call of a click handler (a user gesture). */
  requestAccess(): Promise<boolean>;
  hasAccess(): Promise<boolean>;
  releaseAccess(): Promise<boolean>;
  isRegistered(): Promise<boolean>;
  register(): Promise<void>;
  unregister(): Promise<void>;
}

export type OptInState = 'on' | 'off';

/**
 * The user's choice is the access itself: granted (from the options toggle, or in the browser's
 * own settings) means on, and the probe follows it. No other state is kept, so nothing can
 * disagree with what the browser shows the user.
 */
export async function optInState(api: LookalikeOptInApi): Promise<OptInState> {
  // One after the other: where the API is missing, one failure, not two.
  return (await api.hasAccess()) && (await api.isRegistered()) ? 'on' : 'off';
}

/**
 * Registers the probe unless it is already. The options page and the background race here: the
 * grant fires the background's `permissions.onAdded` while the page registers too, and Chrome
 * lists a registration only once it is done — so the loser gets "Duplicate script ID" while the
 * list still looks empty. That error says the probe is there.
 */
async function ensureRegistered(api: LookalikeOptInApi): Promise<void> {
  if (await api.isRegistered()) return;
  try {
    await api.register();
  } catch (error) {
    if (/duplicate/i.test(String(error))) return;
    if (!(await api.isRegistered())) throw error;
  }
}

/** The same race the other way: "Nonexistent script ID" says the probe is gone already. */
async function ensureUnregistered(api: LookalikeOptInApi): Promise<void> {
  if (!(await api.isRegistered())) return;
  try {
    await api.unregister();
  } catch (error) {
    if (/nonexistent/i.test(String(error))) return;
    if (await api.isRegistered()) throw error;
  }
}

/**
 * Makes the probe match the access: registered while access to all sites is granted, gone when
 * it is not. Run when the background starts (browsers drop registered scripts when an extension
 * is updated or reloaded — Firefox also on restart for some installs — so they are registered
 * again here) and whenever the access is granted or taken back in the browser's settings.
 */
export async function reconcile(api: LookalikeOptInApi): Promise<OptInState> {
  if (await api.hasAccess()) {
    await ensureRegistered(api);
    return 'on';
  }
  await ensureUnregistered(api);
  return 'off';
}

export type TurnOnResult = 'on' | 'declined';

/**
 * Turns the check on. `access` is the promise of `api.requestAccess()`, started by the caller
 * inside the click (browsers accept the request only there, before any other await).
 */
export async function turnOn(api: LookalikeOptInApi, access: Promise<boolean>): Promise<TurnOnResult> {
  if (!(await access)) return 'declined';
  await ensureRegistered(api);
  return 'on';
}

export type TurnOffResult = 'off' | 'still-on';

/** Turns the check off: the probe goes first, then the access to all sites is given back. */
export async function turnOff(api: LookalikeOptInApi): Promise<TurnOffResult> {
  await ensureUnregistered(api);
  let released = false;
  try {
    released = await api.releaseAccess();
  } catch {
    // The browser would not remove it (e.g. an enterprise policy grants it).
  }
  if (released) return 'off';
  // Still granted, so still on: the probe comes back, as it would at the next start.
  await reconcile(api);
  return 'still-on';
}
