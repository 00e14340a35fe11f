import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeRemoved, findSecrets, scrubSecrets } from '@/utils/recovery/secrets';
import { apiToken, freeText, recoveryCode, totpKey } from './secret-shapes';

const kinds = (text: string) => findSecrets(text).map((match) => match.kind);

describe('findSecrets', () => {
  it.each([
    ['a recovery code', 'my code 0123456789abcdef does not work', 'recovery-code'],
    ['a recovery code in upper case', 'code 0123456789ABCDEF', 'recovery-code'],
    ['a recovery code in groups', 'it is 0123 4567 89ab cdef', 'recovery-code'],
    ['a recovery code glued to text', 'codes:0123456789abcdefand more', 'recovery-code'],
    ['a TOTP key', 'key JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP here', 'totp-key'],
    ['a TOTP key in groups', 'JBSW Y3DP EHPK 3PXP JBSW Y3DP', 'totp-key'],
    ['a lower-case TOTP key', 'jbswy3dpehpk3pxpjbswy3dpehpk3pxp', 'totp-key'],
    ['an otpauth link', 'otpauth://totp/PyPI:alice?secret=JBSWY3DPEHPK3PXP&issuer=PyPI', 'otpauth-uri'],
    ['a PyPI token', 'token pypi-AgEIcHlwaS5vcmcCJGQ0ZjA1YzY2LWI5ZTAtNDk4Zi05MTc3LWI2ZDkzZGFmMDk5ZQ', 'api-token'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'github-token'],
    ['a labelled password', 'My password: hunter2!', 'password'],
    ['a quoted password', 'my old password was "correct horse"', 'password'],
    ['a German password', 'Passwort=geheim123', 'password'],
    ['a two-factor link', 'https://pypi.org/account/two-factor/?eyJhbGciOi.abc', 'secret-link'],
    ['a reset link', 'https://test.pypi.org/account/reset-password/?token=abc.def', 'secret-link'],
    ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', 'private-key'],
    ['a random key', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5', 'high-entropy'],
  ])('finds %s', (_name, text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    ['plain prose', 'I lost my phone with the authentication application in March.'],
    ['non-ASCII prose', 'J’ai perdu mon téléphone — 二要素認証のデバイスを紛失しました 🙈'],
    ['a long German word', 'Zweifaktorauthentifizierungsgerät verloren'],
    ['a lower-case long word', 'internationalization and responsibilities'],
    ['a project name', 'I maintain my-long-project-name-2024-edition and pypi-guard'],
    ['a repository URL', 'https://github.com/SomeOrganisation/SomeProject2Name'],
    ['a date and a short number', 'Created 2019-03-04, issue 4363'],
    ['words about passwords without a value', 'I forgot my password and cannot reset it'],
  ])('leaves %s alone', (_name, text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('scrubSecrets', () => {
  it('replaces each secret with a visible marker and keeps the rest', () => {
    const scrubbed = scrubSecrets('Lost phone 📱. Code 0123456789abcdef, password: hunter2 — thanks');
    expect(scrubbed.text).toBe('Lost phone 📱. Code [removed: a recovery code], password: [removed: a password] — thanks');
    expect(scrubbed.removed).toEqual(['recovery-code', 'password']);
  });

  it('is stable: scrubbed text has nothing left to find', () => {
    const once = scrubSecrets('password=abc token: pypi-AgEIcHlwaS5vcmcabcdefgh JBSWY3DPEHPK3PXP').text;
    expect(findSecrets(once)).toEqual([]);
    expect(scrubSecrets(once).text).toBe(once);
  });

  it('explains each kind once', () => {
    const messages = describeRemoved('Reason for request', ['recovery-code', 'recovery-code', 'totp-key']);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^Something in “Reason for request” looks like a recovery code\. .*It was left out\.$/);
  });
});

describe('unlabelled secrets in free text (property)', () => {
  for (const [name, secret] of [
    ['a recovery code', recoveryCode],
    ['a TOTP key', totpKey],
    ['a pypi- API token', apiToken],
  ] as const) {
    it(`removes ${name} wherever it sits in the text`, () => {
      fc.assert(
        fc.property(secret, freeText, freeText, fc.constantFrom('', ' ', '\n', ': '), (value, before, after, gap) => {
          const text = `${before}${gap}${value}${gap}${after}`;
          const scrubbed = scrubSecrets(text).text;
          expect(scrubbed).not.toContain(value);
          // Not even the secret with its separators dropped survives.
          expect(scrubbed.replace(/[\s-]/g, '')).not.toContain(value.replace(/[\s-]/g, ''));
        }),
        { numRuns: 1000 },
      );
    });
  }
});
