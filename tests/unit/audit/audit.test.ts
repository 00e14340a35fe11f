import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, CHECK_IDS, runAudit } from '@/utils/audit';
import { DAY, NOW, event, seen, state } from './builders';

describe('conventions', () => {
  it('every check id has one check, in a file named by its id, with its own test file', () => {
    expect(CHECKS.map((check) => check.id).sort()).toEqual([...CHECK_IDS].sort());
    for (const id of CHECK_IDS) {
      expect(existsSync(path.resolve(process.cwd(), `utils/audit/checks/${id}.ts`)), id).toBe(true);
      expect(existsSync(path.resolve(process.cwd(), `tests/unit/audit/checks/${id}.test.ts`)), id).toBe(true);
    }
  });
  it('every result has a title, a detail and a fix, for every state', () => {
    const withOptIns = { emailDomainCheck: true };
    const candidates = [state(), state({ twoFactor: undefined, emails: undefined, recoveryCodes: undefined, apiTokens: undefined, projects: undefined, pagesSeenAt: {} })];
    for (const candidate of [...candidates, ...candidates.map((each) => ({ ...each, settings: { ...each.settings, ...withOptIns } }))]) {
      for (const result of runAudit(candidate, NOW).results) {
        expect(result.title.length, result.id).toBeGreaterThan(3);
        expect(result.detail.length, result.id).toBeGreaterThan(3);
        expect(result.fix.kind === 'pypi' ? result.fix.url : result.fix.path, result.id).toMatch(/^(https:\/\/pypi\.org\/|recovery\.html|drill\.html\?account=)/);
        expect(result.fixLabel.length, result.id).toBeGreaterThan(2);
      }
    }
  });
});

describe('runAudit', () => {
  it('scores a well-kept account high and a bare one low', () => {
    const good = runAudit(
      state({
        twoFactor: seen({ totp: true, securityKeys: ['key'] }),
        emails: seen([
          { address: 'a@example.org', primary: true, verified: true, status: 'verified' },
          { address: 'a@other.net', primary: false, verified: true, status: 'verified' },
        ]),
        observed: { passwordScore: seen(4), passwordChangedAt: NOW - 10 * DAY },
        projectSources: seen([{ project: 'alice-tools', repositoryUrl: 'https://github.com/alice/alice-tools' }]),
      }),
      NOW,
    );
    expect(good.results.every((result) => result.status === 'pass')).toBe(true);
    expect(good.score).toBe(100);
    expect(good.worst).toBe('pass');

    const bare = runAudit(state({ twoFactor: seen({ totp: false, securityKeys: [] }), recoveryCodes: seen({ generated: false, unused: 0 }) }), NOW);
    expect(bare.failCount).toBeGreaterThanOrEqual(1);
    expect(bare.worst).toBe('fail');
    expect(bare.score!).toBeLessThan(good.score! - 30);
  });

  it('does not cap the score: an account failing one check scores apart from a bare one', () => {
    const onlyEventsFail = runAudit(state({ twoFactor: seen({ totp: true, securityKeys: ['key'] }), observed: { passwordScore: seen(4) } }, [event('account:login:failure', NOW - DAY)]), NOW);
    const bare = runAudit(state({ twoFactor: seen({ totp: false, securityKeys: [] }), recoveryCodes: seen({ generated: false, unused: 0 }) }), NOW);
    expect(onlyEventsFail.failCount).toBe(1);
    expect(onlyEventsFail.worst).toBe('fail');
    expect(onlyEventsFail.score).toBeGreaterThan(59);
    expect(onlyEventsFail.score! - bare.score!).toBeGreaterThan(20);
  });

  it('leaves unknown checks out of the score, and has no score when nothing is known', () => {
    const nothing = runAudit(state({ twoFactor: undefined, emails: undefined, recoveryCodes: undefined, apiTokens: undefined, projects: undefined, pagesSeenAt: {} }), NOW);
    expect(nothing.score).toBeNull();
    expect(nothing.results.filter((result) => result.status !== 'unknown').map((result) => result.id)).toEqual([]);
  });

  it('a fact PyPI Guard could not read makes its checks "unreadable": out of the score, never stale, after warnings and before unknowns', () => {
    const problem = { missing: 'recovery-count' as const, pageKind: 'two-factor-settings' as const, seenAt: NOW - 500, version: '0.1.0' };
    const read = runAudit(state({ observed: { passwordScore: seen(4) } }), NOW);
    const unreadable = runAudit(state({ observed: { passwordScore: seen(4) }, unreadable: { recoveryCodes: problem }, pagesSeenAt: { 'account-settings': NOW - 45 * DAY } }), NOW);
    const statusOf = (audit: typeof read, id: string) => audit.results.find((result) => result.id === id)!;
    for (const id of ['recovery-codes', 'recovery-codes-remaining']) {
      expect(statusOf(read, id).status).toBe('pass');
      expect(statusOf(unreadable, id)).toMatchObject({ status: 'unreadable', stale: false, fix: { kind: 'pypi', url: 'https://pypi.org/manage/account/two-factor/' } });
    }
    // The score is over what was read: the two recovery checks (weights 15 and 10) are left out.
    const withoutCodes = runAudit(state({ observed: { passwordScore: seen(4) }, recoveryCodes: undefined, pagesSeenAt: { 'account-settings': NOW - 45 * DAY } }), NOW);
    expect(unreadable.score).toBe(withoutCodes.score);
    expect(runAudit(state({ twoFactor: undefined, emails: undefined, apiTokens: undefined, projects: undefined, unreadable: { recoveryCodes: problem } }), NOW).worst).toBe('unreadable');
  });

  it('marks every known result as possibly stale when the account pages are old', () => {
    const old = runAudit(state({ pagesSeenAt: { 'account-settings': NOW - 45 * DAY } }, [event('account:login:failure', NOW - 50 * DAY)]), NOW);
    const twoFactor = old.results.find((result) => result.id === 'two-factor')!;
    expect(twoFactor).toMatchObject({ status: 'pass', stale: true });
    expect(twoFactor.detail).toMatch(/may be out of date/);
    expect(old.results.find((result) => result.id === 'data-freshness')).toMatchObject({ status: 'warn', stale: false });
  });
});
