import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchProjectSource, fetchProjectSources, forgeRepositoryUrl, mergeProjectSources, pickSourceRepository, projectJsonUrl, saveProjectSources, type FetchLike } from '@/utils/recovery/project-sources';
import { projectsWithoutSourceLookup } from '@/utils/recovery/next-steps';
import { deleteStore, getAccount, openStore, recordSnapshot } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

describe('forgeRepositoryUrl', () => {
  it.each([
    ['https://github.com/pypa/sampleproject', 'https://github.com/pypa/sampleproject'],
    ['https://github.com/pypa/sampleproject/issues', 'https://github.com/pypa/sampleproject'],
    ['https://www.github.com/pypa/sampleproject.git', 'https://github.com/pypa/sampleproject'],
    ['git+https://github.com/pypa/pip.git@main', 'https://github.com/pypa/pip'],
    ['git@github.com:psf/requests.git', 'https://github.com/psf/requests'],
    ['https://gitlab.com/group/sub/project/-/tree/main', 'https://gitlab.com/group/sub/project'],
    ['https://codeberg.org/forgejo/forgejo/src/branch/main', 'https://codeberg.org/forgejo/forgejo'],
  ])('%s → %s', (url, repo) => {
    expect(forgeRepositoryUrl(url)).toBe(repo);
  });

  it.each(['https://github.com/pypa', 'https://github.com/sponsors/someone', 'https://gitlab.com/groups/x', 'https://example.org/pypa/x', 'not a url', 'ftp://github.com/a/b'])(
    'rejects %s',
    (url) => {
      expect(forgeRepositoryUrl(url)).toBeNull();
    },
  );
});

describe('pickSourceRepository', () => {
  it('prefers a source-like key over the homepage', () => {
    expect(
      pickSourceRepository({ Homepage: 'https://github.com/org/site', 'Source Code': 'https://github.com/org/project/tree/main', Documentation: 'https://docs.example.org' }),
    ).toBe('https://github.com/org/project');
  });

  it('takes any web URL under a source key, even off the known forges', () => {
    expect(pickSourceRepository({ Source: 'https://git.sr.ht/~someone/project' })).toBe('https://git.sr.ht/~someone/project');
    expect(pickSourceRepository({ Repository: 'https://gitlab.com/a/b.git' })).toBe('https://gitlab.com/a/b');
  });

  it('accepts a homepage only when it is a forge repository', () => {
    expect(pickSourceRepository({ Homepage: 'https://project.example.org' })).toBeNull();
    expect(pickSourceRepository({ homepage: 'https://codeberg.org/me/proj' })).toBe('https://codeberg.org/me/proj');
    expect(pickSourceRepository(null, 'https://github.com/me/old-style')).toBe('https://github.com/me/old-style');
  });

  it('falls back to another link into a forge repository (an issue tracker names the repository)', () => {
    expect(pickSourceRepository({ 'Bug Tracker': 'https://github.com/me/proj/issues', Homepage: 'https://proj.example.org' })).toBe('https://github.com/me/proj');
  });

  it('returns null when nothing names a repository', () => {
    expect(pickSourceRepository({})).toBeNull();
    expect(pickSourceRepository(undefined)).toBeNull();
    expect(pickSourceRepository({ Documentation: 'https://docs.example.org', Source: 'not a url' })).toBeNull();
  });
});

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('fetchProjectSource', () => {
  it('asks the JSON API without cookies and picks the repository', async () => {
    const fetchFn = vi.fn<FetchLike>(async () =>
      jsonResponse({ info: { name: 'sampleproject', project_urls: { Source: 'https://github.com/pypa/sampleproject' }, home_page: null, version: '4.0.0' }, urls: [] }),
    );
    const result = await fetchProjectSource('sampleproject', fetchFn);
    expect(result).toEqual({ ok: true, source: { project: 'sampleproject', repositoryUrl: 'https://github.com/pypa/sampleproject' } });
    expect(fetchFn).toHaveBeenCalledWith('https://pypi.org/pypi/sampleproject/json', expect.objectContaining({ credentials: 'omit' }));
  });

  it('uses the account’s host and encodes the name', () => {
    expect(projectJsonUrl('test.pypi.org', 'a b')).toBe('https://test.pypi.org/pypi/a%20b/json');
  });

  it('records a project without a repository as null', async () => {
    const result = await fetchProjectSource('x', async () => jsonResponse({ info: { name: 'x', project_urls: null } }));
    expect(result).toEqual({ ok: true, source: { project: 'x', repositoryUrl: null } });
  });

  it('ignores non-string URL values', async () => {
    const result = await fetchProjectSource('x', async () => jsonResponse({ info: { name: 'x', project_urls: { Source: 42, Repository: 'https://github.com/a/x' } } }));
    expect(result).toEqual({ ok: true, source: { project: 'x', repositoryUrl: 'https://github.com/a/x' } });
  });

  it.each([
    ['a network failure', async () => Promise.reject(new TypeError('Failed to fetch')), /Could not reach pypi\.org .* nothing but the project name was sent/],
    ['a missing project', async () => jsonResponse({ message: 'Not Found' }, 404), /no project named “gone”/],
    ['a server error', async () => jsonResponse({}, 503), /answered 503/],
    ['an unexpected shape', async () => jsonResponse({ info: { project_urls: {} } }), /expected shape/],
    ['a body that is not JSON', async () => new Response('<html>', { status: 200 }), /not JSON/],
  ] as [string, FetchLike, RegExp][])('explains %s', async (_name, fetchFn, message) => {
    const result = await fetchProjectSource('gone', fetchFn);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('looks several projects up, keeping order and collecting failures', async () => {
    const fetchFn: FetchLike = async (url) =>
      url.includes('/bad/') ? jsonResponse({}, 500) : jsonResponse({ info: { name: 'n', project_urls: { Source: `https://github.com/me/${url.split('/')[4]}` } } });
    const lookups = await fetchProjectSources(['a', 'bad', 'c', 'd', 'e', 'f'], fetchFn, 'pypi.org', { concurrency: 2 });
    expect(lookups.sources.map((s) => s.project)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(lookups.sources[0]!.repositoryUrl).toBe('https://github.com/me/a');
    expect(lookups.failures.map((f) => f.project)).toEqual(['bad']);
  });
});

describe('mergeProjectSources', () => {
  const a = { project: 'a', repositoryUrl: 'https://github.com/ada/a' };
  const b = { project: 'b', repositoryUrl: null };

  it('keeps every earlier source that this look-up did not cover', () => {
    // The assistant looks up only the projects not known yet: "c" alone.
    const merged = mergeProjectSources([a, b], { sources: [{ project: 'c', repositoryUrl: 'https://gitlab.com/ada/c' }], failures: [] }, ['a', 'b', 'c']);
    expect(merged).toEqual([{ project: 'c', repositoryUrl: 'https://gitlab.com/ada/c' }, a, b]);
  });

  it('replaces a project looked up again, matching names without regard to case', () => {
    const merged = mergeProjectSources([a, b], { sources: [{ project: 'A', repositoryUrl: 'https://codeberg.org/ada/a' }], failures: [] }, ['a', 'b']);
    expect(merged).toEqual([{ project: 'A', repositoryUrl: 'https://codeberg.org/ada/a' }, b]);
  });

  it('keeps what was known of a project whose look-up failed', () => {
    expect(mergeProjectSources([a], { sources: [], failures: [{ project: 'a', message: 'offline' }] }, ['a'])).toEqual([a]);
  });

  it('drops sources of projects the account no longer has, and keeps all when the projects are unknown', () => {
    expect(mergeProjectSources([a, b], { sources: [], failures: [] }, ['b'])).toEqual([b]);
    expect(mergeProjectSources([a, b], { sources: [], failures: [] })).toEqual([a, b]);
  });

  it('after a look-up of the missing projects, none is left to look up (the button does not come back)', () => {
    const facts = { host: 'pypi.org' as const, username: 'ada', projects: { value: ['a', 'b', 'c'], seenAt: 1 }, projectSources: { value: [a, b], seenAt: 1 } };
    const missing = projectsWithoutSourceLookup(facts);
    expect(missing).toEqual(['c']);
    const merged = mergeProjectSources(facts.projectSources.value, { sources: missing.map((project) => ({ project, repositoryUrl: null })), failures: [] }, facts.projects.value);
    expect(projectsWithoutSourceLookup({ ...facts, projectSources: { value: merged, seenAt: 2 } })).toEqual([]);
  });
});

describe('saveProjectSources', () => {
  let db: PypiGuardDb;
  const name = 'pypi-guard-sources-test';
  beforeEach(async () => {
    db = await openStore(name);
  });
  afterEach(async () => {
    db.close();
    await deleteStore(name);
  });

  it('stores the sources on the account and keeps a known one whose lookup failed', async () => {
    await recordSnapshot(db, { host: 'pypi.org', username: 'ada', pageKind: 'projects', seenAt: 1, projects: ['a', 'b'] });
    await saveProjectSources(db, 'pypi.org/ada', { sources: [{ project: 'a', repositoryUrl: 'https://github.com/ada/a' }, { project: 'b', repositoryUrl: null }], failures: [] }, 10);
    await saveProjectSources(db, 'pypi.org/ada', { sources: [{ project: 'b', repositoryUrl: null }], failures: [{ project: 'a', message: 'offline' }] }, 20);
    const account = await getAccount(db, 'pypi.org/ada');
    expect(account?.projectSources).toEqual({
      value: [
        { project: 'b', repositoryUrl: null },
        { project: 'a', repositoryUrl: 'https://github.com/ada/a' },
      ],
      seenAt: 20,
    });
  });

  it('adds a later look-up of other projects to the stored ones', async () => {
    await recordSnapshot(db, { host: 'pypi.org', username: 'ada', pageKind: 'projects', seenAt: 1, projects: ['a', 'b'] });
    await saveProjectSources(db, 'pypi.org/ada', { sources: [{ project: 'a', repositoryUrl: 'https://github.com/ada/a' }], failures: [] }, 10);
    await saveProjectSources(db, 'pypi.org/ada', { sources: [{ project: 'b', repositoryUrl: 'https://github.com/ada/b' }], failures: [] }, 20);
    expect((await getAccount(db, 'pypi.org/ada'))?.projectSources?.value).toEqual([
      { project: 'b', repositoryUrl: 'https://github.com/ada/b' },
      { project: 'a', repositoryUrl: 'https://github.com/ada/a' },
    ]);
  });

  it('creates no account', async () => {
    await saveProjectSources(db, 'pypi.org/nobody', { sources: [], failures: [] }, 1);
    expect(await getAccount(db, 'pypi.org/nobody')).toBeUndefined();
  });
});
