import { describe, expect, it } from 'vitest';
import { recoveryCodes } from '@/utils/audit/checks/recovery-codes';
import { NOW, event, seen, state } from '../builders';

describe('recovery-codes', () => {
  it('passes when codes exist', () => expect(recoveryCodes.run(state(), NOW)).toMatchObject({ status: 'pass', detail: 'Recovery codes were generated.' }));
  it('fails when 2FA is on and nothing shows codes were made, without claiming they never were', () => {
    const outcome = recoveryCodes.run(state({ recoveryCodes: seen({ generated: false }) }), NOW);
    expect(outcome).toMatchObject({ status: 'fail', fix: { url: 'https://pypi.org/manage/account/recovery-codes/generate' } });
    expect(outcome.detail).toContain('PyPI lists no unused recovery code');
  });
  it('only warns without 2FA (PyPI asks for codes before 2FA)', () => {
    const noTwoFactor = state({ recoveryCodes: seen({ generated: false }), twoFactor: seen({ totp: false, securityKeys: [] }) });
    expect(recoveryCodes.run(noTwoFactor, NOW)).toMatchObject({ status: 'warn', detail: expect.not.stringMatching(/yet|never/) });
  });
  it('counts codes made and since used up as made (the history remembers them), and says where that is known from', () => {
    const usedUp = state({ recoveryCodes: seen({ generated: false }) }, [event('account:recovery_codes:generated', NOW - 90 * 86_400_000)]);
    expect(recoveryCodes.run(usedUp, NOW)).toMatchObject({ status: 'pass', detail: 'Your security history shows recovery codes were generated.' });
  });
  it('is unknown without data', () => expect(recoveryCodes.run(state({ recoveryCodes: undefined }), NOW).status).toBe('unknown'));
});
