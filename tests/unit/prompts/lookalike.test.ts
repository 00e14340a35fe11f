import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, LOOKALIKE_MATCH_HOSTS, lookalikeMatchPatterns, lookalikeOf, skeleton } from '@/utils/prompts/lookalike/detect';
import { decodePunycodeLabel } from '@/utils/prompts/lookalike/punycode';

describe('punycode', () => {
  it('decodes what the URL parser encodes', () => {
    for (const unicode of ['münchen', 'рypi', 'pypі', 'bücher', '例え', 'ελληνικά']) {
      const ascii = domainToASCII(`${unicode}.org`).split('.')[0]!;
      expect(ascii.startsWith('xn--')).toBe(true);
      expect(decodePunycodeLabel(ascii)).toBe(unicode);
    }
  });

  it('leaves plain labels alone and refuses broken ones', () => {
    expect(decodePunycodeLabel('pypi')).toBe('pypi');
    expect(decodePunycodeLabel('xn--!!!')).toBeNull();
  });

  it('never throws on arbitrary labels', () => {
    fc.assert(fc.property(fc.string(), (label) => {
      decodePunycodeLabel(`xn--${label}`);
      return true;
    }));
  });
});

describe('lookalikeOf', () => {
  it.each([
    ['pypi.org', null],
    ['test.pypi.org', null],
    ['upload.pypi.org', null],
    ['pypi.org.', null],
    ['PyPI.org', null],
    ['pypi.io', null],
    ['pypi.python.org', null],
    ['files.pythonhosted.org', null],
    ['pypy.org', null],
    ['pypa.io', null],
    ['pypi.mycompany.example', null],
    ['github.com', null],
    ['example.org', null],
    ['127.0.0.1', null],
  ])('%s is not a look-alike', (host, expected) => {
    expect(lookalikeOf(host)).toBe(expected);
  });

  it.each([
    ['pypi.org.evil.example', 'pypi-org-in-name'],
    ['test.pypi.org.login.example', 'pypi-org-in-name'],
    ['pypi-org.com', 'pypi-org-in-name'],
    ['secure-pypi-org.example.net', 'pypi-org-in-name'],
    ['pypl.org', 'typo'],
    ['pyp1.org', 'typo'],
    ['pypii.org', 'typo'],
    ['pyppi.org', 'typo'],
    ['ppyi.org', 'typo'],
    ['test.pypl.org', 'typo'],
    ['pypi.com', 'typo'],
    ['pypi.co.uk', 'typo'],
    [domainToASCII('рypi.org'), 'homoglyph'],
    [domainToASCII('pypі.org'), 'homoglyph'],
    [domainToASCII('test.рypi.org'), 'homoglyph'],
  ])('%s imitates PyPI (%s)', (host, reason) => {
    expect(lookalikeOf(host)?.reason).toBe(reason);
  });

  it('shows the user the decoded name', () => {
    expect(lookalikeOf(domainToASCII('рypi.org'))?.displayName).toBe('рypi.org');
  });

  it('classifies every host the content script is declared for', () => {
    for (const host of LOOKALIKE_MATCH_HOSTS) {
      expect(lookalikeOf(host), host).not.toBeNull();
      expect(lookalikeOf(`www.${host}`), host).not.toBeNull();
    }
    expect(lookalikeMatchPatterns()).toContain('*://*.pypl.org/*');
    // Never PyPI's own hosts.
    expect(lookalikeMatchPatterns().some((pattern) => /\*\.pypi\.org\//.test(pattern))).toBe(false);
  });

  it('never throws and never flags PyPI’s own hosts, whatever the subdomain', () => {
    fc.assert(fc.property(fc.domain(), (host) => {
      lookalikeOf(host);
      return lookalikeOf(`${host.split('.')[0]}.pypi.org`) === null;
    }));
  });
});

describe('helpers', () => {
  it('folds look-alike letters', () => {
    expect(skeleton('pypl')).toBe('pypi');
    expect(skeleton('рyрі')).toBe('pypi');
    expect(skeleton('rnail')).toBe('maii');
  });

  it('measures edits, transpositions included', () => {
    expect(editDistance('pypi', 'pypi')).toBe(0);
    expect(editDistance('ppyi', 'pypi')).toBe(1);
    expect(editDistance('pypii', 'pypi')).toBe(1);
    expect(editDistance('pip', 'pypi')).toBe(2);
  });
});
