import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PROJECTS_LOOKED_UP, needsSourceLookup, refreshProjectSources } from '@/utils/background/project-sources';
import { deleteStore, getAccount, openStore, recordSnapshot } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { AccountRecord } from '@/utils/store/types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25);
const base: AccountRecord = { id: 'pypi.org/alice', host: 'pypi.org', username: 'alice', firstSeenAt: NOW, lastSeenAt: NOW, pagesSeenAt: {} };

describe('needsSourceLookup', () => {
  it('looks up when projects are known and sources are not, are stale, or miss a project', () => {
    expect(needsSourceLookup(base, NOW)).toBe(false);
    expect(needsSourceLookup({ ...base, projects: { value: [], seenAt: NOW } }, NOW)).toBe(false);
    const withProjects = { ...base, projects: { value: ['a', 'b'], seenAt: NOW } };
    expect(needsSourceLookup(withProjects, NOW)).toBe(true);
    const fresh = { ...withProjects, projectSources: { value: [{ project: 'a', repositoryUrl: null }, { project: 'b', repositoryUrl: null }], seenAt: NOW - DAY } };
    expect(needsSourceLookup(fresh, NOW)).toBe(false);
    expect(needsSourceLookup({ ...fresh, projectSources: { ...fresh.projectSources, seenAt: NOW - 8 * DAY } }, NOW)).toBe(true);
    expect(needsSourceLookup({ ...fresh, projects: { value: ['a', 'b', 'c'], seenAt: NOW } }, NOW)).toBe(true);
  });
});

describe('refreshProjectSources', () => {
  let db: PypiGuardDb;
  beforeEach(async () => (db = await openStore('pypi-guard-sources')));
  afterEach(async () => {
    db.close();
    await deleteStore('pypi-guard-sources');
  });

  it('asks PyPI’s JSON API without cookies and stores the repositories', async () => {
    const record = await recordSnapshot(db, { host: 'test.pypi.org', username: 'alice', pageKind: 'projects', seenAt: NOW, projects: ['alice-tools', 'tiny-parser'] });
    const fetchFn = vi.fn(async (url: string, _init?: RequestInit) =>
      new Response(JSON.stringify({ info: { name: url.includes('alice-tools') ? 'alice-tools' : 'tiny-parser', project_urls: url.includes('alice-tools') ? { Source: 'https://github.com/alice/alice-tools' } : null } }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    await refreshProjectSources(db, record, fetchFn, NOW);
    expect(fetchFn.mock.calls.map(([url, init]) => [url, init?.credentials])).toEqual([
      ['https://test.pypi.org/pypi/alice-tools/json', 'omit'],
      ['https://test.pypi.org/pypi/tiny-parser/json', 'omit'],
    ]);
    expect((await getAccount(db, 'test.pypi.org/alice'))?.projectSources?.value).toEqual([
      { project: 'alice-tools', repositoryUrl: 'https://github.com/alice/alice-tools' },
      { project: 'tiny-parser', repositoryUrl: null },
    ]);
  });

  it('keeps the sources the assistant found for projects beyond the ones it looks up', async () => {
    const projects = Array.from({ length: MAX_PROJECTS_LOOKED_UP + 1 }, (_, index) => `p${index}`);
    const last = projects.at(-1)!;
    await recordSnapshot(db, { host: 'pypi.org', username: 'alice', pageKind: 'projects', seenAt: NOW - 9 * DAY, projects });
    // Looked up earlier by the assistant, now older than a week: the background refreshes the first 25.
    await db.put('accounts', { ...(await getAccount(db, 'pypi.org/alice'))!, projectSources: { value: [{ project: last, repositoryUrl: `https://github.com/alice/${last}` }], seenAt: NOW - 8 * DAY } });
    const record = (await getAccount(db, 'pypi.org/alice'))!;
    const fetchFn = vi.fn(async (url: string) => new Response(JSON.stringify({ info: { name: url.split('/')[4], project_urls: null } })));
    await refreshProjectSources(db, record, fetchFn, NOW);
    expect(fetchFn).toHaveBeenCalledTimes(MAX_PROJECTS_LOOKED_UP);
    const stored = (await getAccount(db, 'pypi.org/alice'))?.projectSources;
    expect(stored?.seenAt).toBe(NOW);
    expect(stored?.value).toHaveLength(MAX_PROJECTS_LOOKED_UP + 1);
    expect(stored?.value).toContainEqual({ project: last, repositoryUrl: `https://github.com/alice/${last}` });
  });

  it('stores nothing when every lookup failed (offline)', async () => {
    const record = await recordSnapshot(db, { host: 'pypi.org', username: 'alice', pageKind: 'projects', seenAt: NOW, projects: ['alice-tools'] });
    await refreshProjectSources(db, record, async () => Promise.reject(new TypeError('offline')), NOW);
    expect((await getAccount(db, 'pypi.org/alice'))?.projectSources).toBeUndefined();
  });
});
