import { browser } from 'wxt/browser';

/**
 * Firefox's built-in consent for data an extension transmits (manifest
 * `browser_specific_settings.gecko.data_collection_permissions`). Each feature that sends
 * something the user can turn off is declared optional, so in Firefox it runs only once the user
 * granted its consent (the switch that turns it on asks, in the click). Chrome has no such
 * consent: there the setting alone decides. PRIVACY.md lists what leaves the device.
 */
export const DATA_COLLECTION = {
  // The breach check sends the first five hex characters of a password's SHA-1 to Have I Been Pwned.
  breachCheck: ['authenticationInfo'],
  // The email-domain check sends the registrable domain of the user's own email addresses to RDAP
  // servers: part of an email address, so declared as personally identifying.
  emailDomainCheck: ['personallyIdentifyingInfo'],
} as const satisfies Record<string, readonly string[]>;

export type DataCollectionFeature = keyof typeof DATA_COLLECTION;

/** Every optional category, for the manifest. */
export const OPTIONAL_DATA_COLLECTION: readonly string[] = [...new Set(Object.values(DATA_COLLECTION).flat())];

type DataCollectionPermissions = { data_collection?: string[] };

/** Whether this browser lets `feature` send its data. */
export async function hasDataConsent(feature: DataCollectionFeature): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return true;
  try {
    const granted = (await browser.permissions.getAll()) as DataCollectionPermissions;
    return DATA_COLLECTION[feature].every((kind) => granted.data_collection?.includes(kind));
  } catch {
    return false;
  }
}

/** Asks for it (Firefox shows its own prompt); must be the first call of a click handler. */
export function requestDataConsent(feature: DataCollectionFeature): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return Promise.resolve(true);
  const request = browser.permissions.request as unknown as (permissions: DataCollectionPermissions) => Promise<boolean>;
  return request({ data_collection: [...DATA_COLLECTION[feature]] }).catch(() => false);
}
