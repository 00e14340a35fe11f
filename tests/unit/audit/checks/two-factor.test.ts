import { describe, expect, it } from 'vitest';
import { twoFactor } from '@/utils/audit/checks/two-factor';
import { NOW, event, seen, state } from '../builders';

describe('two-factor', () => {
  it('passes with TOTP, or with a key only', () => {
    expect(twoFactor.run(state(), NOW).status).toBe('pass');
    expect(twoFactor.run(state({ twoFactor: seen({ totp: false, securityKeys: ['key'] }) }), NOW).status).toBe('pass');
  });
  it('fails without any method and links the 2FA page of the same host', () => {
    const outcome = twoFactor.run(state({ host: 'test.pypi.org', twoFactor: seen({ totp: false, securityKeys: [] }) }, [event('account:recovery_codes:generated', NOW - 1)]), NOW);
    expect(outcome.status).toBe('fail');
    expect(outcome.fix).toEqual({ kind: 'pypi', url: 'https://test.pypi.org/manage/account/two-factor/' });
  });
  it('leads to PyPI’s first missing prerequisite: a verified email, then recovery codes', () => {
    const noTwoFactor = { twoFactor: seen({ totp: false, securityKeys: [] }) };
    expect(twoFactor.run(state({ ...noTwoFactor, emails: seen([{ address: 'a@b.org', primary: true, verified: false, status: 'unverified' as const }]) }), NOW).fix).toEqual({
      kind: 'pypi',
      url: 'https://pypi.org/manage/account/#account-emails',
    });
    expect(twoFactor.run(state({ ...noTwoFactor, recoveryCodes: seen({ generated: false, unused: 0 }) }), NOW).fix).toEqual({
      kind: 'pypi',
      url: 'https://pypi.org/manage/account/recovery-codes/generate',
    });
  });
  it('is unknown until a page showed it, and says which page to open', () => {
    const outcome = twoFactor.run(state({ twoFactor: undefined }), NOW);
    expect(outcome.status).toBe('unknown');
    expect(outcome.fix).toEqual({ kind: 'pypi', url: 'https://pypi.org/manage/account/' });
  });
  it('uses the two-factor login page when the settings page is older or unseen', () => {
    expect(twoFactor.run(state({ twoFactor: undefined, loginMethods: seen({ totp: false, webauthn: true, recoveryCodes: false }) }), NOW).status).toBe('pass');
    const older = state({ twoFactor: seen({ totp: false, securityKeys: [] }, NOW - 10_000), loginMethods: seen({ totp: true, webauthn: false, recoveryCodes: true }) });
    expect(twoFactor.run(older, NOW).status).toBe('pass');
  });
});
