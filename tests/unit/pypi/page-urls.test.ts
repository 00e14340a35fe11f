import { describe, expect, it } from 'vitest';
import { PAGE_DEFINITIONS, candidateKinds } from '@/utils/pypi/pages';
import { ACCOUNT_PAGE_PATHS, matchesFor, matchPatternCovers } from '@/utils/pypi/match-patterns';

// Generated from the examples written next to each predicate (utils/pypi/pages/<kind>.ts):
// each kind accepts its own URLs, rejects its listed near-misses, and every other kind rejects
// its URLs too — so a new kind cannot silently overlap an old one.
describe.each(PAGE_DEFINITIONS.map((definition) => [definition.kind, definition] as const))('%s', (kind, definition) => {
  it.each(definition.examples.accept)('accepts %s', (url) => {
    expect(candidateKinds(new URL(url)).map((candidate) => candidate.kind)).toContain(kind);
  });

  it.each(definition.examples.reject)('rejects %s', (url) => {
    expect(candidateKinds(new URL(url)).map((candidate) => candidate.kind)).not.toContain(kind);
  });

  const othersExamples = PAGE_DEFINITIONS.filter((other) => other !== definition && !other.overlaysOtherPages).flatMap(
    (other) => other.examples.accept,
  );
  if (!definition.overlaysOtherPages) {
    it.each(othersExamples)('leaves %s to its own kind', (url) => {
      expect(candidateKinds(new URL(url)).map((candidate) => candidate.kind)).not.toContain(kind);
    });
  }
});

describe('hosts', () => {
  it.each([
    'https://example.com/manage/account/',
    'https://pypi.org.evil.example/manage/account/',
    'https://pyp\u0456.org/manage/account/', // Cyrillic і: a punycode lookalike
    'http://pypi.org/manage/account/',
    'https://upload.pypi.org/manage/account/',
  ])('nothing is a PyPI page on %s', (url) => {
    expect(candidateKinds(new URL(url))).toEqual([]);
  });
});

describe('the account content script is declared for exactly these pages', () => {
  const accountMatches = matchesFor(ACCOUNT_PAGE_PATHS);
  const coveredByAccountScript = (url: string) => accountMatches.some((pattern) => matchPatternCovers(pattern, url));

  it.each(PAGE_DEFINITIONS.flatMap((definition) => definition.examples.accept.map((url) => [definition.kind, url] as const)))('%s: %s', (_kind, url) => {
    expect(coveredByAccountScript(url)).toBe(true);
  });

  // Each pattern, with its `*` filled in, is a page some kind accepts: no pattern covers a route
  // that nothing reads.
  it.each(accountMatches)('%s covers only pages a kind accepts', (pattern) => {
    const samples = pattern.endsWith('?*') ? [`${pattern.slice(0, -1)}x=1`, pattern.slice(0, -1)] : [pattern];
    for (const sample of samples.map((url) => url.replace('/*/', '/alice/'))) {
      expect(candidateKinds(new URL(sample)).length, sample).toBeGreaterThan(0);
    }
  });
});

describe('matchPatternCovers reads patterns as the browser does', () => {
  it.each([
    ['https://pypi.org/manage/account/', 'https://pypi.org/manage/account/', true],
    ['https://pypi.org/manage/account/', 'https://pypi.org/manage/account/#account-events', true], // fragments are not matched
    ['https://pypi.org/manage/account/', 'https://pypi.org/manage/account/?x=1', false], // the path covers the query
    ['https://pypi.org/manage/account/?*', 'https://pypi.org/manage/account/?x=1', true],
    ['https://pypi.org/manage/account/', 'https://test.pypi.org/manage/account/', false],
    ['https://pypi.org/manage/account/', 'http://pypi.org/manage/account/', false],
    ['https://pypi.org/user/*/', 'https://pypi.org/user/alice/', true],
    ['https://pypi.org/user/*/', 'https://pypi.org/user/alice/?x=1', false],
    ['https://pypi.org/account/*', 'https://pypi.org/account/logout/', true],
    ['*://*.pypl.org/*', 'https://pypl.org/project/x/', true],
    ['*://*.pypl.org/*', 'http://www.pypl.org/', true],
    ['*://*.pypl.org/*', 'https://notpypl.org/', false],
  ])('%s on %s: %s', (pattern, url, expected) => {
    expect(matchPatternCovers(pattern, url)).toBe(expected);
  });
});
