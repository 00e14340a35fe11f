import { describe, expect, it } from 'vitest';
import { secondFactorMethod } from '@/utils/audit/checks/second-factor-method';
import { DAY, NOW, seen, state } from '../builders';

describe('second-factor-method', () => {
  it('warns with one method and points to the kind of method missing', () => {
    const totpOnly = secondFactorMethod.run(state(), NOW);
    expect(totpOnly).toMatchObject({ status: 'warn', fix: { url: 'https://pypi.org/manage/account/webauthn-provision' }, fixLabel: 'Add a security key' });
    const keyOnly = secondFactorMethod.run(state({ twoFactor: seen({ totp: false, securityKeys: ['key'] }) }), NOW);
    expect(keyOnly).toMatchObject({ status: 'warn', fix: { url: 'https://pypi.org/manage/account/totp-provision' }, fixLabel: 'Add an authentication application' });
  });
  it('passes with TOTP and a key, or with two keys', () => {
    expect(secondFactorMethod.run(state({ twoFactor: seen({ totp: true, securityKeys: ['key'] }) }), NOW).status).toBe('pass');
    expect(secondFactorMethod.run(state({ twoFactor: seen({ totp: false, securityKeys: ['a', 'b'] }) }), NOW).status).toBe('pass');
  });
  it('reads the kind from the same page as the count: the login page when it is the newer (or only) source', () => {
    // Settings once showed a key only; a later login page offered TOTP only: TOTP it is, so a key is what is missing.
    const totpAtLogin = state({ twoFactor: seen({ totp: false, securityKeys: ['old key'] }, NOW - 10 * DAY), loginMethods: seen({ totp: true, webauthn: false, recoveryCodes: true }) });
    expect(secondFactorMethod.run(totpAtLogin, NOW)).toMatchObject({ status: 'warn', fix: { url: 'https://pypi.org/manage/account/webauthn-provision' }, fixLabel: 'Add a security key' });
    const keyAtLogin = state({ twoFactor: undefined, loginMethods: seen({ totp: false, webauthn: true, recoveryCodes: true }) });
    expect(secondFactorMethod.run(keyAtLogin, NOW)).toMatchObject({ status: 'warn', fix: { url: 'https://pypi.org/manage/account/totp-provision' } });
    // The newer settings page wins over an older login page.
    const newerSettings = state({ twoFactor: seen({ totp: false, securityKeys: ['key'] }), loginMethods: seen({ totp: true, webauthn: false, recoveryCodes: true }, NOW - 10 * DAY) });
    expect(secondFactorMethod.run(newerSettings, NOW).fix).toEqual({ kind: 'pypi', url: 'https://pypi.org/manage/account/totp-provision' });
  });
  it('warns (not fails twice) with no method at all, and is unknown without data', () => {
    expect(secondFactorMethod.run(state({ twoFactor: seen({ totp: false, securityKeys: [] }) }), NOW).status).toBe('warn');
    expect(secondFactorMethod.run(state({ twoFactor: undefined }), NOW).status).toBe('unknown');
  });
});
