import { describe, expect, it } from 'vitest';
import { dataFreshness } from '@/utils/audit/checks/data-freshness';
import { checkUp } from '@/utils/reminders/check-up';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { DAY, NOW, state } from '../builders';

const seenAgo = (elapsedMs: number, staleAfterDays = 30) => state({ pagesSeenAt: { 'account-settings': NOW - elapsedMs } }, [], { staleAfterDays });

describe('data-freshness', () => {
  it('is fresh until exactly 30 × 24 h have passed, stale from that millisecond on', () => {
    expect(dataFreshness.run(seenAgo(30 * DAY - 1), NOW).status).toBe('pass');
    expect(dataFreshness.run(seenAgo(30 * DAY), NOW).status).toBe('warn');
  });
  it('does not round 30.9 days down to a fresh 30', () => {
    const outcome = dataFreshness.run(seenAgo(30.9 * DAY), NOW);
    expect(outcome).toMatchObject({ status: 'warn', detail: 'Account settings last seen 30 days ago: the checks may be out of date.' });
  });
  it('turns stale exactly when the check-up reminder falls due', () => {
    for (const staleAfterDays of [7, 30]) {
      for (const elapsed of [staleAfterDays * DAY - 1, staleAfterDays * DAY, staleAfterDays * DAY + 1, (staleAfterDays + 0.9) * DAY, DAY / 2]) {
        const audited = seenAgo(elapsed, staleAfterDays);
        const [reminder] = checkUp.candidates({ accounts: [{ account: audited.account, history: audited.history }], reminderStates: [], recoveryRequests: [] }, { ...DEFAULT_SETTINGS, staleAfterDays }, NOW);
        const reminderDue = reminder!.dueAt <= NOW;
        expect(dataFreshness.run(audited, NOW).status, `${staleAfterDays} days, ${elapsed} ms`).toBe(reminderDue ? 'warn' : 'pass');
      }
    }
  });
  it('counts the 2FA page as an account page', () => {
    expect(dataFreshness.run(state({ pagesSeenAt: { 'account-settings': NOW - 90 * DAY, 'two-factor-settings': NOW - DAY } }), NOW).status).toBe('pass');
  });
  it('follows the staleness setting', () => {
    expect(dataFreshness.run(state({ pagesSeenAt: { 'account-settings': NOW - 10 * DAY } }, [], { staleAfterDays: 7 }), NOW).status).toBe('warn');
  });
  it('is unknown when only other pages were seen', () => {
    expect(dataFreshness.run(state({ pagesSeenAt: { projects: NOW } }), NOW)).toMatchObject({ status: 'unknown', fix: { url: 'https://pypi.org/manage/account/' } });
  });
});
