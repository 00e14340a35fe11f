/**
 * PyPI's account event tags (pypi-facts.md §6, from warehouse/events/tags.py). The security history
 * shows a localized summary per tag; these ids are what PyPI Guard stores and reasons about.
 */
export const EVENT_TAGS = [
  'account:create',
  'account:login:success',
  'account:login:failure',
  'account:login:new_device',
  'account:reauthenticate:failure',
  'account:email:add',
  'account:email:remove',
  'account:email:verified',
  'account:email:reverify',
  'account:email:primary:change',
  'account:email:sent',
  'account:password:reset:request',
  'account:password:reset:attempt',
  'account:password:reset',
  'account:password:change',
  'account:password:disabled',
  'account:two_factor:method_added',
  'account:two_factor:method_removed',
  'account:two_factor:device_remembered',
  'account:recovery_codes:generated',
  'account:recovery_codes:regenerated',
  'account:recovery_codes:used',
  'account:api_token:added',
  'account:api_token:removed',
  'account:api_token:removed_leak',
  'account:association:add',
  'account:association:remove',
  'account:oidc:pending-publisher-added',
  'account:oidc:pending-publisher-removed',
  'account:organization_role:invite',
  'account:organization_role:decline_invite',
  'account:organization_role:revoke_invite',
  'account:organization_role:expire_invite',
  'account:organization_role:add',
  'account:organization_role:change',
  'account:organization_role:remove',
  'account:role:add',
  'account:role:change',
  'account:role:decline_invite',
  'account:role:invite',
  'account:role:remove',
  'account:role:revoke_invite',
  'account:team_role:add',
  'account:team_role:remove',
  'account:alternate_repository:add',
  'account:alternate_repository:delete',
] as const;

export type EventTag = (typeof EVENT_TAGS)[number];

export function isEventTag(value: string): value is EventTag {
  return (EVENT_TAGS as readonly string[]).includes(value);
}
