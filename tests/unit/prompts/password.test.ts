import { describe, expect, it } from 'vitest';
import zxcvbn from 'zxcvbn';
import { assessPassword, PYPI_MIN_SCORE, scoreOnly, SINGLE_FACTOR_MIN_LENGTH } from '@/utils/prompts/password/evaluate';
import { guardInputs, pypiRuleInputs, PYPI_WORDS } from '@/utils/prompts/password/inputs';

const alice = { username: 'alice.smith', email: 'alice.smith+pypi@example.org', fullName: 'Alice Smith' };

describe('user inputs', () => {
  it('gives PyPI exactly what its server uses: full name, username, email', () => {
    expect(pypiRuleInputs(alice)).toEqual(['Alice Smith', 'alice.smith', 'alice.smith+pypi@example.org']);
    expect(pypiRuleInputs({ username: '  ', email: null })).toEqual([]);
  });

  it('adds the site names and the parts of the username, email and full name', () => {
    const inputs = guardInputs(alice);
    for (const word of ['pypi', 'python', 'alice', 'smith', 'example', 'alice smith', 'alice.smith']) expect(inputs).toContain(word);
    // The top-level domain is not a word worth guessing; pieces under 3 characters are noise.
    expect(inputs).not.toContain('org');
    expect(inputs.every((word) => word.length >= 3)).toBe(true);
    expect(new Set(inputs).size).toBe(inputs.length);
  });

  it('still knows the site names with no account words at all', () => {
    expect(guardInputs({})).toEqual([...PYPI_WORDS]);
  });
});

describe('assessPassword', () => {
  const inputs = (twoFactor: 'yes' | 'no' | 'unknown' = 'yes') => ({ pypiInputs: pypiRuleInputs(alice), guardInputs: guardInputs(alice), twoFactor });

  it('says PyPI refuses a known-weak password, with zxcvbn’s reasons', () => {
    const result = assessPassword(zxcvbn, 'password1', inputs());
    expect(result.pypiScore).toBeLessThan(PYPI_MIN_SCORE);
    expect(result.pypiRefuses).toBe(true);
    expect(result.warning).not.toBe('');
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.crackTime).toMatch(/second|minute|hour/);
  });

  it('accepts a long random passphrase', () => {
    const result = assessPassword(zxcvbn, 'vivid-trombone-glacier-7-marmalade', inputs());
    expect(result.pypiRefuses).toBe(false);
    expect(result.score).toBe(4);
    expect(result.lengthAdvice).toBeNull();
  });

  it('scores PyPI-specific words lower with our inputs than with PyPI’s', () => {
    // The site's own names are worth nothing to an attacker who knows the site.
    const password = 'pythonpypi2024';
    const withPypiInputs = zxcvbn(password, pypiRuleInputs(alice)).score;
    const result = assessPassword(zxcvbn, password, inputs());
    expect(result.pypiScore).toBe(withPypiInputs);
    expect(result.score).toBeLessThan(withPypiInputs);
  });

  it(`asks for ${SINGLE_FACTOR_MIN_LENGTH}+ characters only when the account may lack 2FA`, () => {
    const short = 'Tr0ub4dor&3zq!';
    expect([...short].length).toBeLessThan(SINGLE_FACTOR_MIN_LENGTH);
    expect(assessPassword(zxcvbn, short, inputs('yes')).lengthAdvice).toBeNull();
    expect(assessPassword(zxcvbn, short, inputs('no')).lengthAdvice).toBe('no-2fa');
    expect(assessPassword(zxcvbn, short, inputs('unknown')).lengthAdvice).toBe('maybe-no-2fa');
    expect(assessPassword(zxcvbn, `${short}x`, inputs('no')).lengthAdvice).toBeNull();
  });

  it('counts characters as a person does (an emoji is one)', () => {
    expect(assessPassword(zxcvbn, '🦀🦀🦀', inputs()).length).toBe(3);
  });

  it('scores only the first 100 characters, like PyPI’s gauge', () => {
    const long = 'a'.repeat(100);
    expect(assessPassword(zxcvbn, `${long}SomethingElseEntirely!`, inputs()).score).toBe(assessPassword(zxcvbn, long, inputs()).score);
    expect(scoreOnly(zxcvbn, `${long}SomethingElseEntirely!`, [])).toBe(scoreOnly(zxcvbn, long, []));
  });
});
