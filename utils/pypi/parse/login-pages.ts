import type { LoginMethodsFact } from '../snapshot';

/**
 * The two-factor login page offers exactly the methods the account has: a TOTP form, a WebAuthn
 * form, and a recovery-code link only while unused codes exist (pypi-facts.md §2).
 */
export function parseLoginMethods(doc: Document): LoginMethodsFact {
  return {
    totp: doc.querySelector('form#totp-auth-form') !== null,
    webauthn: doc.querySelector('form#webauthn-auth-form') !== null,
    recoveryCodes: doc.querySelector('.twofa-recovery a[href*="/account/recovery-code/"]') !== null,
  };
}
