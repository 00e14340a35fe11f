import { keyPart, t } from '../text/messages';
/**
 * Finds secret-shaped text before it can reach a public GitHub issue or a saved file. A support
 * request is public: a recovery code, TOTP key or token pasted into it hands the account to anyone.
 *
 * The detectors lean towards false alarms (a long hex commit id is removed too): removing harmless
 * text costs the user a retype, leaking a code costs the account. Shapes come from pypi-facts.md:
 * recovery codes are 16 lowercase hex characters (§2), the TOTP key is base32 shown upper-case (§3b),
 * API tokens start with `pypi-` (§2b), two-factor and reset links carry a signed token (§1, §2).
 */

export const SECRET_KINDS = [
  'recovery-code',
  'totp-key',
  'otpauth-uri',
  'api-token',
  'github-token',
  'private-key',
  'secret-link',
  'password',
  'labelled-secret',
  'high-entropy',
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/** What the user reads when a secret was found: what it looked like and why it was left out. */
/** What the marker left in the text says was removed: English, since the text is for PyPI's admins. */
export const SECRET_LABELS: Record<SecretKind, string> = {
  'recovery-code': 'a recovery code',
  'totp-key': 'a TOTP key',
  'otpauth-uri': 'a TOTP setup link',
  'api-token': 'an API token',
  'github-token': 'a GitHub token',
  'private-key': 'a private key',
  'secret-link': 'a link with a token',
  password: 'a password',
  'labelled-secret': 'a secret',
  'high-entropy': 'a key or token',
};

export interface SecretMatch {
  kind: SecretKind;
  start: number;
  end: number;
}

interface Detector {
  kind: SecretKind;
  pattern: RegExp;
  /** Which capture group is the secret (0 = the whole match). */
  group?: number;
  accept?: (value: string) => boolean;
}

const PASSWORD_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'passwort',
  'kennwort',
  'contraseña',
  'mot de passe',
  'senha',
  'wachtwoord',
  'пароль',
  '密码',
  'パスワード',
].join('|');
const SECRET_WORDS = [
  'recovery codes?',
  'backup codes?',
  '2fa (?:codes?|keys?|secrets?)',
  'totp(?: (?:codes?|keys?|secrets?))?',
  'otp',
  'secret(?: key)?',
  'api (?:keys?|tokens?)',
  'tokens?',
  'private key',
].join('|');
// The value after a label: one run of non-space characters that is not our own removal marker.
const VALUE = String.raw`(?!\[removed)(\S+)`;
const QUOTED = String.raw`["'“‘«„]([^"'”’»“\n]{1,200})["'”’»“]`;
const PYPI_TOKEN_LINK = String.raw`https?://(?:test\.)?pypi\.org/account/(?:two-factor|recovery-code|reset-password|verify-email|confirm-login|verify-organization-role|verify-project-role)/?\?\S+`;

const DETECTORS: Detector[] = [
  { kind: 'otpauth-uri', pattern: /otpauth:\/\/\S+/giu },
  { kind: 'private-key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/gu },
  { kind: 'secret-link', pattern: new RegExp(PYPI_TOKEN_LINK, 'giu') },
  { kind: 'secret-link', pattern: /https?:\/\/\S*[?&#](?:token|key|secret|code|password|sig|signature)=[^\s&#]+\S*/giu },
  // PyPI tokens are macaroons: `pypi-` then base64url starting "AgE", about 180 characters long.
  { kind: 'api-token', pattern: /pypi-AgE[A-Za-z0-9_-]{8,}/gu },
  { kind: 'api-token', pattern: /pypi-[A-Za-z0-9_-]{40,}/gu },
  { kind: 'github-token', pattern: /(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/gu },
  // Recovery codes: 16 hex characters; any longer hex run may hide one glued to other text.
  { kind: 'recovery-code', pattern: /[0-9a-fA-F]{16,}/gu },
  // In groups of four (as a user may copy them), also glued to the text around them.
  { kind: 'recovery-code', pattern: /[0-9a-fA-F]{4}(?:[ -][0-9a-fA-F]{4}){3,}/gu },
  // TOTP keys: base32. Upper-case as PyPI shows them, or retyped in lower case: with digits (a word
  // has none), or at PyPI's full 32 characters (no word is that long; a key may hold no digit).
  { kind: 'totp-key', pattern: /[A-Z2-7]{16,}=*/gu },
  { kind: 'totp-key', pattern: /[a-z2-7]{16,}=*/gu, accept: (value) => value.replace(/=+$/, '').length >= 32 || (value.match(/[2-7]/g)?.length ?? 0) >= 2 },
  { kind: 'totp-key', pattern: /[A-Z2-7]{4}(?:[ -][A-Z2-7]{4}){3,}(?:[ -][A-Z2-7]{1,4})?/gu },
  { kind: 'password', pattern: new RegExp(String.raw`(?:${PASSWORD_WORDS})\s*[:=]\s*${VALUE}`, 'giu'), group: 1 },
  { kind: 'password', pattern: new RegExp(String.raw`(?:${PASSWORD_WORDS})\s+(?:is|was|ist|war|est|era)\s*:?\s*${QUOTED}`, 'giu'), group: 1 },
  { kind: 'labelled-secret', pattern: new RegExp(String.raw`\b(?:${SECRET_WORDS})\s*[:=]\s*${VALUE}`, 'giu'), group: 1 },
  // Anything long and unbroken that mixes upper case, lower case and digits at random reads as a key.
  { kind: 'high-entropy', pattern: /[A-Za-z0-9+_=-]{32,}/gu, accept: looksRandom },
];

/**
 * Random keys switch between upper case, lower case and digits every few characters; names like
 * `My-Long-Project-Name-2024` switch only at word boundaries.
 */
function looksRandom(value: string): boolean {
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/[0-9]/.test(value)) return false;
  const classOf = (char: string) => (/[A-Z]/.test(char) ? 'u' : /[a-z]/.test(char) ? 'l' : /[0-9]/.test(char) ? 'd' : 's');
  let switches = 0;
  for (let i = 1; i < value.length; i++) if (classOf(value[i]!) !== classOf(value[i - 1]!)) switches++;
  return switches >= value.length * 0.3;
}

/** Every secret-shaped span of a text, overlapping spans merged, in text order. */
export function findSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const { kind, pattern, group = 0, accept } of DETECTORS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const value = match[group];
      if (value === undefined || match.index === undefined) continue;
      if (accept && !accept(value)) continue;
      const start = match.index + (group === 0 ? 0 : match[0].lastIndexOf(value));
      found.push({ kind, start, end: start + value.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretMatch[] = [];
  for (const match of found) {
    const last = merged.at(-1);
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}

export function removalMarker(kind: SecretKind): string {
  return `[removed: ${SECRET_LABELS[kind]}]`;
}

export interface Scrubbed {
  text: string;
  removed: SecretKind[];
}

/** The text with every secret-shaped span replaced by a visible marker, and what was removed. */
export function scrubSecrets(text: string): Scrubbed {
  const matches = findSecrets(text);
  if (matches.length === 0) return { text, removed: [] };
  let out = '';
  let at = 0;
  for (const { kind, start, end } of matches) {
    out += text.slice(at, start) + removalMarker(kind);
    at = end;
  }
  out += text.slice(at);
  return { text: out, removed: matches.map((match) => match.kind) };
}

/** One sentence per kind found, for a message beside the field. */
export function describeRemoved(fieldLabel: string, removed: SecretKind[]): string[] {
  return [...new Set(removed)].map((kind) => t(`secret_removed_${keyPart(kind)}`, { field: fieldLabel }));
}

/** A kind of secret as the reader's language names it ("a recovery code"), for the page itself. */
export const secretKindName = (kind: SecretKind): string => t(`secret_kind_${keyPart(kind)}`);
