import { browser } from 'wxt/browser';

/**
 * Firefox's built-in consent for data an extension transmits (manifest
 * `browser_specific_settings.gecko.data_collection_permissions`). The breach check sends the
 * first five hex characters of a password's SHA-1 to Have I Been Pwned: authentication
 * information, declared optional because the user can turn the check off — so in Firefox it runs
 * only once the user granted it (the options page asks, when the check is switched on). Chrome
 * has no such consent: there the setting alone decides. PRIVACY.md lists what leaves the device.
 */
export const BREACH_CHECK_DATA_COLLECTION = ['authenticationInfo'] as const;

type DataCollectionPermissions = { data_collection?: string[] };

/** Whether this browser lets the breach check send its prefix. */
export async function hasBreachCheckConsent(): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return true;
  try {
    const granted = (await browser.permissions.getAll()) as DataCollectionPermissions;
    return BREACH_CHECK_DATA_COLLECTION.every((kind) => granted.data_collection?.includes(kind));
  } catch {
    return false;
  }
}

/** Asks for it (Firefox shows its own prompt); must be the first call of a click handler. */
export function requestBreachCheckConsent(): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return Promise.resolve(true);
  const request = browser.permissions.request as unknown as (permissions: DataCollectionPermissions) => Promise<boolean>;
  return request({ data_collection: [...BREACH_CHECK_DATA_COLLECTION] }).catch(() => false);
}
