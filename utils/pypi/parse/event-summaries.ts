import { isEventTag, type EventTag } from '../event-tags';
import type { SecurityEventFact } from '../snapshot';
import { collapse } from './dom';

/**
 * English summaries of the security history (the `<strong>` text PyPI renders per tag,
 * manage/account.html; docs/pypi-pages.md). Only English is mapped: other locales are read from an
 * English copy of the same page (see account-events.ts), so no translation table has to follow
 * PyPI's translators. Organization summaries name the organization in a link to `/org/<name>/`
 * inside the `<strong>`; they are keyed with `{organization}` in its place (summaryKeyOf).
 */
const SUMMARY_TO_TAG: Record<string, EventTag> = {
  'Account created': 'account:create',
  'Logged in': 'account:login:success',
  'Login failed': 'account:login:failure',
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
  'Invited to join {organization}': 'account:organization_role:invite',
  'Invitation to join {organization} declined': 'account:organization_role:decline_invite',
  'Invitation to join {organization} revoked': 'account:organization_role:revoke_invite',
  'Invitation to join {organization} expired': 'account:organization_role:expire_invite',
  'Role in {organization} added': 'account:organization_role:add',
  'Role in {organization} changed': 'account:organization_role:change',
  'Organization role removed': 'account:organization_role:remove',
};

/**
 * The summary as SUMMARY_TO_TAG keys it: the text, with the organization a summary links to
 * (`<a href="/org/<name>/">`) replaced by `{organization}`.
 */
export function summaryKeyOf(summary: Element, text: string): string {
  const link = summary.firstElementChild;
  if (link?.localName !== 'a' || !link.getAttribute('href')?.startsWith('/org/')) return text;
  const name = collapse(link.textContent ?? '');
  return name ? text.replace(name, '{organization}') : text;
}

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

type DetailsFacts = Pick<SecurityEventFact, 'reason' | 'method' | 'label' | 'authMethod'>;

/**
 * From English details: the failed sign-in's reason and whether it came through the upload
 * endpoint's Basic Auth; the 2FA method of a sign-in or 2FA change, and a security key's label —
 * in a sign-in, the `<strong>"label"</strong>` inside the details; in a key's addition or removal,
 * the text after "Device name:".
 */
export function detailsFacts(tag: EventTag | 'unknown', details: string, cell: Element): DetailsFacts {
  if (!details) return {};
  const facts: DetailsFacts = {};
  if (tag === 'account:login:failure' || tag === 'account:reauthenticate:failure') {
    const reason = FAILURE_REASONS.find(([pattern]) => pattern.test(details))?.[1];
    if (reason) facts.reason = reason;
    if (tag === 'account:login:failure' && details.startsWith('- Basic Auth (Upload endpoint)')) facts.authMethod = 'basic';
  }
  if (tag === 'account:login:success' || tag === 'account:two_factor:method_added' || tag === 'account:two_factor:method_removed') {
    const method = METHODS.find(([pattern]) => pattern.test(details))?.[1];
    if (method) facts.method = method;
    const label =
      method !== 'webauthn'
        ? undefined
        : tag === 'account:login:success'
          ? collapse(cell.querySelector('small strong')?.textContent ?? '').replace(/^"|"$/g, '')
          : /Device name:\s*(.+)$/.exec(details)?.[1];
    if (label) facts.label = label.slice(0, 64);
  }
  return facts;
}
