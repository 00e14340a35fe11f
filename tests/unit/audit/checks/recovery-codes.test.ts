import { describe, expect, it } from 'vitest';
import { recoveryCodes } from '@/utils/audit/checks/recovery-codes';
import { NOW, event, seen, state } from '../builders';

describe('recovery-codes', () => {
  it('passes when codes exist', () => expect(recoveryCodes.run(state(), NOW).status).toBe('pass'));
  it('fails when 2FA is on and codes were never made', () => {
    expect(recoveryCodes.run(state({ recoveryCodes: seen({ generated: false, unused: 0 }) }), NOW)).toMatchObject({
      status: 'fail',
      fix: { url: 'https://pypi.org/manage/account/recovery-codes/generate' },
    });
  });
  it('only warns without 2FA (PyPI asks for codes before 2FA)', () => {
    const noTwoFactor = state({ recoveryCodes: seen({ generated: false, unused: 0 }), twoFactor: seen({ totp: false, securityKeys: [] }) });
    expect(recoveryCodes.run(noTwoFactor, NOW).status).toBe('warn');
  });
  it('counts codes made and since used up as made (the history remembers them)', () => {
    const usedUp = state({ recoveryCodes: seen({ generated: false, unused: 0 }) }, [event('account:recovery_codes:generated', NOW - 90 * 86_400_000)]);
    expect(recoveryCodes.run(usedUp, NOW).status).toBe('pass');
  });
  it('is unknown without data', () => expect(recoveryCodes.run(state({ recoveryCodes: undefined }), NOW).status).toBe('unknown'));
});
