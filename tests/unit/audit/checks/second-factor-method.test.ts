import { describe, expect, it } from 'vitest';
import { secondFactorMethod } from '@/utils/audit/checks/second-factor-method';
import { NOW, seen, state } from '../builders';

describe('second-factor-method', () => {
  it('warns with one method and points to the kind of method missing', () => {
    const totpOnly = secondFactorMethod.run(state(), NOW);
    expect(totpOnly).toMatchObject({ status: 'warn', fix: { url: 'https://pypi.org/manage/account/webauthn-provision' } });
    const keyOnly = secondFactorMethod.run(state({ twoFactor: seen({ totp: false, securityKeys: ['key'] }) }), NOW);
    expect(keyOnly).toMatchObject({ status: 'warn', fix: { url: 'https://pypi.org/manage/account/totp-provision' } });
  });
  it('passes with TOTP and a key, or with two keys', () => {
    expect(secondFactorMethod.run(state({ twoFactor: seen({ totp: true, securityKeys: ['key'] }) }), NOW).status).toBe('pass');
    expect(secondFactorMethod.run(state({ twoFactor: seen({ totp: false, securityKeys: ['a', 'b'] }) }), NOW).status).toBe('pass');
  });
  it('warns (not fails twice) with no method at all, and is unknown without data', () => {
    expect(secondFactorMethod.run(state({ twoFactor: seen({ totp: false, securityKeys: [] }) }), NOW).status).toBe('warn');
    expect(secondFactorMethod.run(state({ twoFactor: undefined }), NOW).status).toBe('unknown');
  });
});
