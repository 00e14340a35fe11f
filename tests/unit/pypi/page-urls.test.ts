import { describe, expect, it } from 'vitest';
import { PAGE_DEFINITIONS, candidateKinds } from '@/utils/pypi/pages';

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
