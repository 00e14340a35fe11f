import type { LoginMethodsFact } from '../snapshot';
import { found, missed, type Read } from './read';

/**
 * The two-factor login page offers exactly the methods the account has: a TOTP form, a WebAuthn
 * form, and, in its `div.twofa-recovery` block, a recovery-code link only while unused codes exist
 * (otherwise the block says none were generated; docs/pypi-pages.md). Without that block, whether
 * codes are left is not known: the methods are then unreadable.
 */
export function parseLoginMethods(doc: Document): Read<LoginMethodsFact> {
  const recovery = doc.querySelector('.twofa-recovery');
  if (!recovery) return missed('login-recovery');
  return found({
    totp: doc.querySelector('form#totp-auth-form') !== null,
    webauthn: doc.querySelector('form#webauthn-auth-form') !== null,
    recoveryCodes: recovery.querySelector('a[href*="/account/recovery-code/"]') !== null,
  });
}
