import { describe, expect, it } from 'vitest';
import { dataFreshness } from '@/utils/audit/checks/data-freshness';
import { DAY, NOW, state } from '../builders';

describe('data-freshness', () => {
  it('passes at 30 days and warns after', () => {
    expect(dataFreshness.run(state({ pagesSeenAt: { 'account-settings': NOW - 30 * DAY } }), NOW).status).toBe('pass');
    expect(dataFreshness.run(state({ pagesSeenAt: { 'account-settings': NOW - 31 * DAY } }), NOW).status).toBe('warn');
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
