import type { SecurityEventFact } from '../../utils/pypi/snapshot';

/** The facts of a history row besides its tag and time that PyPI Guard reads from the details. */
export type DetailFacts = Pick<SecurityEventFact, 'reason' | 'method' | 'label' | 'authMethod'>;

/**
 * What the details of a row show, from the event's `additional` data as PyPI keeps it, by the
 * rules of manage/account.html's event summary: a failed sign-in's reason (both recovery-code
 * reasons read "Invalid two factor (Recovery code)") and its Basic Auth, the 2FA method of a
 * sign-in (none for "None" or a method the template has no branch for) or of a 2FA change, and a
 * security key's label. A tag without a template branch (new_device) shows none of it.
 */
export function expectedDetailFacts(tag: string, additional: Record<string, unknown> = {}): DetailFacts {
  const facts: DetailFacts = {};
  const text = (key: string) => (typeof additional[key] === 'string' && additional[key] !== '' ? (additional[key] as string) : undefined);
  if (tag === 'account:login:failure' || tag === 'account:reauthenticate:failure') {
    const reason = text('reason');
    if (reason) facts.reason = reason === 'burned_recovery_code' ? 'invalid_recovery_code' : reason;
    if (tag === 'account:login:failure' && text('auth_method') === 'basic') facts.authMethod = 'basic';
  }
  if (tag === 'account:login:success') {
    const method = text('two_factor_method');
    if (method && ['totp', 'webauthn', 'recovery-code', 'remembered-device'].includes(method)) facts.method = method;
    if (method === 'webauthn' && text('two_factor_label')) facts.label = text('two_factor_label');
  }
  if (tag === 'account:two_factor:method_added' || tag === 'account:two_factor:method_removed') {
    const method = text('method');
    if (method) facts.method = method;
    if (method === 'webauthn' && text('label')) facts.label = text('label');
  }
  return facts;
}

/** The same facts as the parser read them. */
export function detailFactsOf(event: SecurityEventFact): DetailFacts {
  const { reason, method, label, authMethod } = event;
  return Object.fromEntries(Object.entries({ reason, method, label, authMethod }).filter(([, value]) => value !== undefined)) as DetailFacts;
}
