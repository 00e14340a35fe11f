import { isEventTag, type EventTag } from '../event-tags';

/**
 * English summaries of the security history (pypi-facts.md §6, the `<strong>` text PyPI renders
 * per tag). Only English is mapped: other locales are read from an English copy of the same page
 * (see account-events.ts), so no translation table has to follow PyPI's translators.
 */
const SUMMARY_TO_TAG: Record<string, EventTag> = {
  'Account created': 'account:create',
  'Logged in': 'account:login:success',
  'Login failed': 'account:login:failure',
  'Login failed - Basic Auth (Upload endpoint)': 'account:login:failure',
  'Session reauthentication failed': 'account:reauthenticate:failure',
  'Email added to account': 'account:email:add',
  'Email removed from account': 'account:email:remove',
  'Email verified': 'account:email:verified',
  'Email reverified': 'account:email:reverify',
  'Primary email changed': 'account:email:primary:change',
  'Primary email set': 'account:email:primary:change',
  'Email sent': 'account:email:sent',
  'Password reset requested': 'account:password:reset:request',
  'Password reset attempted': 'account:password:reset:attempt',
  'Password successfully reset': 'account:password:reset',
  'Password successfully changed': 'account:password:change',
  'Password disabled': 'account:password:disabled',
  'Two factor authentication added': 'account:two_factor:method_added',
  'Two factor authentication removed': 'account:two_factor:method_removed',
  'Two factor device remembered': 'account:two_factor:device_remembered',
  'Recovery codes generated': 'account:recovery_codes:generated',
  'Recovery codes regenerated': 'account:recovery_codes:regenerated',
  'Recovery code used for login': 'account:recovery_codes:used',
  'API token added': 'account:api_token:added',
  'API token removed': 'account:api_token:removed',
  'API token automatically removed for security reasons': 'account:api_token:removed_leak',
  'Account association added': 'account:association:add',
  'Account association removed': 'account:association:remove',
  'Pending trusted publisher added': 'account:oidc:pending-publisher-added',
  'Pending trusted publisher removed': 'account:oidc:pending-publisher-removed',
  'Role added': 'account:role:add',
  'Role changed': 'account:role:change',
  'Role invitation declined': 'account:role:decline_invite',
  'Invited to role': 'account:role:invite',
  'Role removed': 'account:role:remove',
  'Role invitation revoked': 'account:role:revoke_invite',
  'Team role added': 'account:team_role:add',
  'Team role removed': 'account:team_role:remove',
};

/** A summary's tag: the raw tag PyPI prints for tags without a template branch, or an English summary. */
export function tagOfSummary(summary: string, isEnglish: boolean): EventTag | 'unknown' {
  if (isEventTag(summary)) return summary; // e.g. account:login:new_device, shown raw in every locale
  return (isEnglish && SUMMARY_TO_TAG[summary]) || 'unknown';
}

const FAILURE_REASONS: [RegExp, string][] = [
  [/Incorrect Password/i, 'invalid_password'],
  [/Invalid two factor \(TOTP\)/i, 'invalid_totp'],
  [/Invalid two factor \(WebAuthn\)/i, 'invalid_webauthn'],
  // PyPI shows the same text for an invalid and an already-used code.
  [/Invalid two factor \(Recovery code\)/i, 'invalid_recovery_code'],
];

const METHODS: [RegExp, string][] = [
  [/Authentication application \(TOTP\)/i, 'totp'],
  [/Security device \(WebAuthn\)/i, 'webauthn'],
  [/Recovery code/i, 'recovery-code'],
  [/Remembered device/i, 'remembered-device'],
];

/** From English details: the login-failure reason and the 2FA method, where the row says. */
export function detailsFacts(tag: EventTag | 'unknown', details: string): { reason?: string; method?: string } {
  if (!details) return {};
  if (tag === 'account:login:failure' || tag === 'account:reauthenticate:failure') {
    const reason = FAILURE_REASONS.find(([pattern]) => pattern.test(details))?.[1];
    return reason ? { reason } : {};
  }
  if (tag === 'account:login:success' || tag === 'account:two_factor:method_added' || tag === 'account:two_factor:method_removed') {
    const method = METHODS.find(([pattern]) => pattern.test(details))?.[1];
    return method ? { method } : {};
  }
  return {};
}
