import fc from 'fast-check';

/**
 * Unlabelled secrets in free text, in the shapes PyPI gives them out (pypi-facts.md): recovery
 * codes are 16 lower-case hex characters (§4), TOTP keys 32 base32 characters shown upper-case
 * (§5), API tokens start with `pypi-` (§2b; macaroons, base64url, "AgE…"). Also as a user may
 * retype them: upper-case codes, codes and keys in groups of four, a key in lower case.
 */
export const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
export const grouped = (text: string, separator: string) => text.match(/.{1,4}/g)!.join(separator);
export const recoveryCode = fc.oneof(
  hex(16),
  hex(16).map((code) => code.toUpperCase()),
  fc.tuple(hex(16), fc.constantFrom(' ', '-')).map(([code, separator]) => grouped(code, separator)),
);
const base32 = fc.stringMatching(/^[A-Z2-7]{32}$/);
// A random key may hold no digit at all (about 1 in 700): drawn on purpose, as the generator rarely would.
const noDigits = fc.stringMatching(/^[A-Z]{32}$/);
export const totpKey = fc.oneof(base32, base32.map((key) => key.toLowerCase()), noDigits.map((key) => key.toLowerCase()), base32.map((key) => grouped(key, ' ')));
export const apiToken = fc.oneof(fc.stringMatching(/^pypi-AgE[A-Za-z0-9_-]{60,200}$/), fc.stringMatching(/^pypi-[A-Za-z0-9_-]{40,200}$/));
// Free text around the secret: any graphemes, or prose in several scripts, glued on or spaced.
const prose = fc.constantFrom('I lost my phone', 'Mon téléphone a été volé', 'Ich habe den Schlüssel verloren', '二要素認証を紛失しました', 'my old one was', '');
export const freeText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), prose);

/** Any of them. */
export const unlabelledSecret = fc.oneof(recoveryCode, totpKey, apiToken);
