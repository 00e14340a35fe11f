import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import unhomoglyph from 'unhomoglyph';
import { lookalikeOf, skeleton, type LookalikeReason } from '@/utils/prompts/lookalike/detect';
import { LOOKALIKE_MATCH_HOSTS, lookalikeMatchPatterns } from '@/utils/prompts/lookalike/known-hosts';
import { asciiSkeleton, editDistance, mayImitatePypi } from '@/utils/prompts/lookalike/screen';

/** The host as the browser's address bar holds it (punycode for other scripts). */
const ascii = (host: string) => domainToASCII(host);

describe('lookalikeOf: the table of hosts', () => {
  // PyPI's own hosts, PSF neighbours, and ordinary sites: never flagged.
  const REJECTED = [
    'pypi.org',
    'test.pypi.org',
    'files.pythonhosted.org',
    'pypi.python.org',
    'upload.pypi.org',
    'pypi.org.',
    'PyPI.org',
    'pypi.io',
    'docs.python.org',
    'pypy.org',
    'pypa.io',
    'packaging.python.org',
    'github.com',
    'example.org',
    'pip.pypa.io',
    'pypistats.pypa.io',
    'readthedocs.io',
    'pyramid.example.com',
    'pip.example.com',
    'python.example.com',
    'pyrni.org',
    '127.0.0.1',
    '[::1]',
    'localhost',
    ascii('münchen.de'),
    ascii('例え.jp'),
  ];
  it.each(REJECTED)('%s is not a look-alike', (host) => {
    expect(lookalikeOf(host)).toBeNull();
  });

  const ACCEPTED: [host: string, reason: LookalikeReason, shown: string, site: string][] = [
    // "pypi.org" followed by more name.
    ['pypi.org.evil.example', 'pypi-org-in-name', 'pypi.org.evil.example', 'evil.example'],
    ['test.pypi.org.login.example', 'pypi-org-in-name', 'test.pypi.org.login.example', 'login.example'],
    ['pypi-org.com', 'pypi-org-in-name', 'pypi-org.com', 'pypi-org.com'],
    ['secure-pypi-org.example.net', 'pypi-org-in-name', 'secure-pypi-org.example.net', 'example.net'],
    // One typo from "pypi", or "pypi" under another ending (public suffixes from the real list).
    ['pypl.org', 'typo', 'pypl.org', 'pypl.org'],
    ['pyp1.org', 'typo', 'pyp1.org', 'pyp1.org'],
    ['pypii.org', 'typo', 'pypii.org', 'pypii.org'],
    ['pyppi.org', 'typo', 'pyppi.org', 'pyppi.org'],
    ['ppyi.org', 'typo', 'ppyi.org', 'ppyi.org'],
    ['test.pypl.org', 'typo', 'test.pypl.org', 'pypl.org'],
    ['pypi.com', 'typo', 'pypi.com', 'pypi.com'],
    ['pypi.co.uk', 'typo', 'pypi.co.uk', 'pypi.co.uk'],
    ['pypl.herokuapp.com', 'typo', 'pypl.herokuapp.com', 'pypl.herokuapp.com'],
    ['pypi.github.io', 'typo', 'pypi.github.io', 'pypi.github.io'],
    // Letters of another script (UTS #39 confusables) that read "pypi".
    [ascii('руpі.org'), 'homoglyph', 'руpі.org', ascii('руpі.org')],
    [ascii('рypi.org'), 'homoglyph', 'рypi.org', ascii('рypi.org')],
    [ascii('pypі.org'), 'homoglyph', 'pypі.org', ascii('pypі.org')],
    [ascii('test.рypi.org'), 'homoglyph', 'test.рypi.org', ascii('рypi.org')],
    [ascii('pypí.org'), 'homoglyph', 'pypí.org', ascii('pypí.org')],
    [ascii('рypi-login.com'), 'homoglyph', 'рypi-login.com', ascii('рypi-login.com')],
    // "pypi" as any label, or joined to other words.
    ['pypi.example.com', 'pypi-in-name', 'pypi.example.com', 'example.com'],
    ['pypi.mycompany.example', 'pypi-in-name', 'pypi.mycompany.example', 'mycompany.example'],
    ['pypi-login.com', 'pypi-in-name', 'pypi-login.com', 'pypi-login.com'],
    ['secure-pypi.org', 'pypi-in-name', 'secure-pypi.org', 'secure-pypi.org'],
    ['login-pypi-account.net', 'pypi-in-name', 'login-pypi-account.net', 'login-pypi-account.net'],
    ['pypilogin.com', 'pypi-in-name', 'pypilogin.com', 'pypilogin.com'],
    ['account.pypi-security.example', 'pypi-in-name', 'account.pypi-security.example', 'pypi-security.example'],
  ];
  it.each(ACCEPTED)('%s imitates PyPI (%s), shown as %s, site %s', (host, reason, shown, site) => {
    expect(lookalikeOf(host)).toEqual({ hostname: host, reason, displayName: shown, site });
  });

  it('classifies every host the content script is declared for, and their subdomains', () => {
    for (const host of LOOKALIKE_MATCH_HOSTS) {
      expect(lookalikeOf(host), host).not.toBeNull();
      expect(lookalikeOf(`www.${host}`), host).not.toBeNull();
    }
    expect(lookalikeMatchPatterns()).toContain('*://*.pypl.org/*');
    expect(lookalikeMatchPatterns().some((pattern) => /\*\.pypi\.org\//.test(pattern))).toBe(false);
  });

  it('never throws and never flags PyPI’s own hosts, whatever the subdomain', () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        lookalikeOf(host);
        const label = host.split('.')[0];
        return ['pypi.org', 'test.pypi.org', 'pythonhosted.org', 'python.org'].every((own) => lookalikeOf(`${label}.${own}`) === null);
      }),
    );
  });

  it('survives punycode that does not decode', () => {
    expect(() => lookalikeOf('xn--!!!.org')).not.toThrow();
    expect(() => lookalikeOf('xn--zzzzzzzzzzzzzzz-9999999999.com')).not.toThrow();
  });
});

describe('skeleton (UTS #39, from Unicode’s confusables table)', () => {
  it('reads Cyrillic and Greek look-alike letters as Latin, and keeps "pypi" itself', () => {
    expect(skeleton('руpі')).toBe('pypi'); // р, у and і are Cyrillic
    expect(skeleton('ρуρі')).toBe('pypi'); // Greek rho
    expect(skeleton('pypi')).toBe('pypi');
    expect(skeleton('rnail')).toBe(skeleton('mail'));
  });
});

describe('the probe’s screen: a cheap superset of lookalikeOf', () => {
  it('folds ASCII exactly as Unicode’s confusables table does, character by character', () => {
    for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789-') expect(asciiSkeleton(char), char).toBe(unhomoglyph(char));
  });

  it('lets every look-alike through, and leaves ordinary sites alone', () => {
    const hosts = ['pypi.org.evil.example', 'pypl.org', 'pyp1.org', 'pypi.com', 'pypi.example.com', 'pypilogin.com', 'secure-pypi.org', ascii('руpі.org'), ascii('pypí.org')];
    for (const host of hosts) expect(mayImitatePypi(host), host).toBe(true);
    for (const host of ['example.org', 'github.com', 'news.ycombinator.com', 'docs.python.org', 'wikipedia.org']) expect(mayImitatePypi(host), host).toBe(false);
  });

  it('never misses a host the full classifier flags (property test around "pypi")', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    const pypiLike = fc.constantFrom('pypi', 'pypl', 'pyp1', 'pyppi', 'ppyi', 'pypi-org', 'rnypi', 'pyрi', 'руpі', 'pypí', 'pip', 'pyp');
    const host = fc
      .tuple(fc.array(label, { maxLength: 2 }), pypiLike, fc.array(label, { maxLength: 2 }), fc.constantFrom('org', 'com', 'co.uk', 'github.io', 'example'))
      .map(([before, middle, after, suffix]) => ascii([...before, middle, ...after, suffix].join('.')));
    fc.assert(fc.property(host, (candidate) => !candidate || lookalikeOf(candidate) === null || mayImitatePypi(candidate)), { numRuns: 2000 });
  });
});

describe('editDistance', () => {
  it('counts edits, transpositions included, and stops counting past the limit', () => {
    expect(editDistance('pypi', 'pypi')).toBe(0);
    expect(editDistance('ppyi', 'pypi')).toBe(1);
    expect(editDistance('pypii', 'pypi')).toBe(1);
    expect(editDistance('pip', 'pypi')).toBe(2);
    expect(editDistance('pypiserver', 'pypi', 1)).toBe(2);
  });
});
