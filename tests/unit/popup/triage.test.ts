import { describe, expect, it } from 'vitest';
import { byUrgency, triageAccount } from '@/utils/audit/triage';
import { accountHeadline } from '@/entrypoints/popup/triage';
import { overallState } from '@/entrypoints/popup/data';
import type { Audit, CheckId, CheckResult, CheckStatus } from '@/utils/audit';
import { problemsOf, type AccountAudit } from '@/utils/audit/summary';
import type { AccountRecord } from '@/utils/store/types';

const GENERATE = 'https://pypi.org/manage/account/recovery-codes/generate';

/** A check result with its own fix page unless one is given. */
const result = (id: CheckId, status: CheckStatus, url = `https://pypi.org/${id}`, extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  title: id,
  status,
  detail: `${id} is ${status}`,
  fix: { kind: 'pypi', url },
  fixLabel: `Fix ${id}`,
  stale: false,
  ...extra,
});

const entry = (username: string, host: 'pypi.org' | 'test.pypi.org', results: CheckResult[]): AccountAudit => ({
  account: { id: `${host}/${username}`, host, username, lastSeenAt: 0 } as AccountRecord,
  audit: { results, score: 50, worst: 'pass', failCount: results.filter((r) => r.status === 'fail').length } as Audit,
});

describe('triageAccount', () => {
  it('folds every passing check into one list, and puts failures, then warnings, first', () => {
    const triage = triageAccount([result('verified-email', 'warn'), result('api-tokens', 'pass'), result('two-factor', 'fail'), result('data-freshness', 'pass'), result('password-age', 'unknown')]);
    expect(triage.items.map((item) => item.lead.id)).toEqual(['two-factor', 'verified-email', 'password-age']);
    expect(triage.passing.map((r) => r.id)).toEqual(['api-tokens', 'data-freshness']);
    expect(triage).toMatchObject({ problems: 1, toImprove: 1, worst: 'fail' });
  });

  it('shows one "Generate recovery codes" item for an account that never made codes, settling the other two under it', () => {
    const triage = triageAccount([
      result('two-factor', 'fail', GENERATE),
      result('recovery-codes', 'warn', GENERATE),
      result('recovery-codes-remaining', 'warn', GENERATE),
      result('second-factor-method', 'warn', 'https://pypi.org/manage/account/two-factor/'),
    ]);
    expect(triage.items).toHaveLength(2);
    expect(triage.items[0]!.lead.id).toBe('two-factor');
    expect(triage.items[0]!.alsoSettled.map((r) => r.id)).toEqual(['recovery-codes', 'recovery-codes-remaining']);
    // Counted once: one problem (the fold), one thing to improve.
    expect(accountHeadline(triage)).toBe('1 problem · 1 to improve');
  });

  it('never folds a check that has its own acknowledge action', () => {
    const events = result('security-events', 'fail', 'https://pypi.org/manage/account/#account-events', { acknowledgeLabel: 'It was me' });
    const triage = triageAccount([result('two-factor', 'fail', 'https://pypi.org/manage/account/#account-events'), events]);
    expect(triage.items.map((item) => item.lead.id)).toEqual(['two-factor', 'security-events']);
  });

  it('says every check passes when none needs anything', () => {
    expect(accountHeadline(triageAccount([result('two-factor', 'pass'), result('api-tokens', 'pass')]))).toBe('All 2 checks pass');
  });
});

describe('byUrgency', () => {
  it('puts an account without 2FA before a well-kept one, the most failures and warnings first, and keeps ties in the given order', () => {
    const wellKept = entry('carol', 'pypi.org', [result('two-factor', 'pass'), result('verified-email', 'warn')]);
    const no2fa = entry('alice', 'pypi.org', [result('two-factor', 'fail', GENERATE), result('recovery-codes', 'warn', GENERATE), result('verified-email', 'warn')]);
    const suspicious = entry('dave', 'pypi.org', [result('security-events', 'fail'), result('api-tokens', 'warn'), result('verified-email', 'warn')]);
    const twoFails = entry('bob', 'test.pypi.org', [result('two-factor', 'fail'), result('verified-email', 'fail')]);
    const allGood = entry('erin', 'pypi.org', [result('two-factor', 'pass')]);
    const sameAsCarol = entry('frank', 'pypi.org', [result('verified-email', 'warn')]);
    const order = byUrgency([allGood, wellKept, no2fa, sameAsCarol, suspicious, twoFails]).map((e) => e.account.username);
    // no2fa: 1 problem (its codes fold into the 2FA item), 1 to improve; suspicious: 1 problem, 2 to improve.
    expect(order).toEqual(['bob', 'dave', 'alice', 'carol', 'frank', 'erin']);
  });
});

describe('overallState', () => {
  it('names the one account at risk with its own counts, not a sum across accounts', () => {
    const alice = entry('alice', 'pypi.org', [result('two-factor', 'fail'), result('security-events', 'fail'), result('api-tokens', 'warn')]);
    const bob = entry('bob', 'test.pypi.org', [result('verified-email', 'warn'), result('api-tokens', 'warn')]);
    expect(overallState([alice, bob])).toEqual({ tone: 'fail', text: 'alice: 2 problems · 1 to improve' });
  });

  it('counts accounts at risk, and names the host when a username is on both', () => {
    const a = entry('alice', 'pypi.org', [result('two-factor', 'fail')]);
    const b = entry('alice', 'test.pypi.org', [result('two-factor', 'fail')]);
    expect(overallState([a, b]).text).toBe('2 accounts at risk');
    expect(overallState([a, entry('alice', 'test.pypi.org', [result('two-factor', 'warn')])]).text).toBe('alice on pypi.org: 1 problem');
  });
});

describe('problemsOf (the toolbar badge)', () => {
  it('counts problems as the popup lists them: one per fix, across accounts, never a sum of failing checks', () => {
    const noCodes = entry('alice', 'pypi.org', [result('two-factor', 'fail', GENERATE), result('recovery-codes', 'fail', GENERATE), result('verified-email', 'fail')]);
    const fine = entry('bob', 'pypi.org', [result('two-factor', 'pass'), result('recovery-codes', 'warn')]);
    expect(noCodes.audit.failCount).toBe(3);
    expect(triageAccount(noCodes.audit.results).problems).toBe(2);
    expect(problemsOf([noCodes, fine])).toBe(2);
    expect(problemsOf([fine])).toBe(0);
  });
});
