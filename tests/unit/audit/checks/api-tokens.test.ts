import { describe, expect, it } from 'vitest';
import { apiTokens } from '@/utils/audit/checks/api-tokens';
import type { ApiTokenFact } from '@/utils/pypi/snapshot';
import { DAY, NOW, seen, state } from '../builders';

const project = (name: string, lastUsedDaysAgo: number | null, createdDaysAgo = 200): ApiTokenFact => ({
  name,
  scope: { kind: 'projects', projects: ['alice-tools'] },
  createdAt: NOW - createdDaysAgo * DAY,
  lastUsedAt: lastUsedDaysAgo === null ? null : NOW - lastUsedDaysAgo * DAY,
});
const withTokens = (...tokens: ApiTokenFact[]) => state({ apiTokens: seen(tokens) });

describe('api-tokens', () => {
  it('passes with no tokens or project tokens in use', () => {
    expect(apiTokens.run(withTokens(), NOW).status).toBe('pass');
    expect(apiTokens.run(withTokens(project('ci', 1)), NOW).status).toBe('pass');
  });
  it('warns on an account-wide token', () => {
    expect(apiTokens.run(withTokens({ ...project('laptop', 1), scope: { kind: 'account' } }), NOW)).toMatchObject({
      status: 'warn',
      fix: { url: 'https://pypi.org/manage/account/#api-tokens' },
    });
  });
  it('warns on a token unused for 90 days, not 89', () => {
    expect(apiTokens.run(withTokens(project('old', 89)), NOW).status).toBe('pass');
    expect(apiTokens.run(withTokens(project('old', 90)), NOW).status).toBe('warn');
  });
  it('counts a never-used token from its creation', () => {
    expect(apiTokens.run(withTokens(project('new', null, 10)), NOW).status).toBe('pass');
    expect(apiTokens.run(withTokens(project('forgotten', null, 90)), NOW).status).toBe('warn');
  });
  it('is unknown without data', () => expect(apiTokens.run(state({ apiTokens: undefined }), NOW).status).toBe('unknown'));
  it('is unknown, not passed, when a scope or last use could not be read', () => {
    const { scope: _scope, ...withoutScope } = project('ci', 1);
    expect(apiTokens.run(withTokens(withoutScope), NOW).status).toBe('unknown');
    // An unreadable last use is not "never used": a token made 200 days ago is not called idle.
    const { lastUsedAt: _lastUsed, ...withoutLastUse } = project('ci', 1);
    expect(apiTokens.run(withTokens(withoutLastUse), NOW).status).toBe('unknown');
    // A problem that is known still shows.
    expect(apiTokens.run(withTokens(withoutScope, project('old', 120)), NOW).status).toBe('warn');
  });
});
