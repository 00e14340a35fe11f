import type { RecoveryDrill } from '../store/types';

/**
 * The recovery-code drill keeps salted PBKDF2-SHA-256 hashes of the codes PyPI showed, never the
 * codes. A code carries 64 random bits (pypi-facts.md §4), and each guess costs this many
 * iterations (OWASP's 2023 figure for PBKDF2-HMAC-SHA256), so the hashes are of no use to a thief.
 */
export const DRILL_ITERATIONS = 600_000;
export const DRILL_SALT_BYTES = 16;
const HASH_BITS = 256;

const RECOVERY_CODE = /^[0-9a-f]{16}$/;

/** A code as PyPI accepts it (whitespace stripped, lower-case hex, 16 characters), or null. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, '').toLowerCase();
  return RECOVERY_CODE.test(code) ? code : null;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

async function pbkdf2(code: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(code), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return toBase64(new Uint8Array(bits));
}

export type DrillHashes = Pick<RecoveryDrill, 'salt' | 'iterations' | 'hashes'>;

/**
 * Hashes the codes shown on PyPI's page with one fresh random salt. Codes that are not
 * recovery codes are skipped; duplicates are hashed once.
 */
export async function hashRecoveryCodes(codes: readonly string[], iterations = DRILL_ITERATIONS, salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(DRILL_SALT_BYTES))): Promise<DrillHashes> {
  const unique = [...new Set(codes.map(normaliseRecoveryCode).filter((code): code is string => code !== null))];
  const hashes = await Promise.all(unique.map((code) => pbkdf2(code, salt, iterations)));
  return { salt: toBase64(salt), iterations, hashes };
}

export type DrillAnswer = 'one-of-yours' | 'not-yours' | 'not-a-code';

/** Whether a typed code is one of the codes whose hashes the drill keeps. The code is not kept. */
export async function checkDrillCode(input: string, drill: DrillHashes): Promise<DrillAnswer> {
  const code = normaliseRecoveryCode(input);
  if (!code) return 'not-a-code';
  const hash = await pbkdf2(code, fromBase64(drill.salt), drill.iterations);
  return drill.hashes.includes(hash) ? 'one-of-yours' : 'not-yours';
}

/** When the next drill is due: `intervalDays` after the last one, or after the codes were shown. */
export function drillDueAt(drill: Pick<RecoveryDrill, 'codesShownAt' | 'lastDrillAt'>, intervalDays: number): number {
  return (drill.lastDrillAt ?? drill.codesShownAt) + intervalDays * 86_400_000;
}
