/**
 * Have I Been Pwned's k-anonymity range API (pypi-facts.md §7, §11). Only the first five hex
 * characters of the password's SHA-1 leave the device; the answer lists every known suffix for
 * that prefix, and the comparison happens where the password is — in the content script.
 */

export const HIBP_RANGE_ORIGIN = 'https://api.pwnedpasswords.com';

/** Asks HIBP to pad the answer with fake suffixes (count 0), so its size says nothing. */
export const HIBP_PADDING_HEADER = { 'Add-Padding': 'true' } as const;

export const HASH_PREFIX = /^[0-9A-F]{5}$/;
const SUFFIX = /^[0-9A-F]{35}$/;

/** At most this many lines are read from one answer (real answers hold about 1,000). */
export const MAX_RANGE_LINES = 5_000;

export function hibpRangeUrl(prefix: string): string {
  if (!HASH_PREFIX.test(prefix)) throw new Error('A range prefix is five upper-case hex characters.');
  return `${HIBP_RANGE_ORIGIN}/range/${prefix}`;
}

/** One suffix and how often HIBP has seen it in breaches. */
export type RangeEntry = readonly [suffix: string, count: number];

/**
 * Reads a range answer: `SUFFIX:COUNT` lines (CRLF or LF). Padding lines (count 0) and
 * malformed lines are dropped; suffixes are upper-cased.
 */
export function parseRangeResponse(text: string): RangeEntry[] {
  const entries: RangeEntry[] = [];
  const lines = text.split(/\r?\n/, MAX_RANGE_LINES);
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const suffix = line.slice(0, colon).trim().toUpperCase();
    const countText = line.slice(colon + 1).trim();
    if (!SUFFIX.test(suffix) || !/^\d{1,12}$/.test(countText)) continue;
    const count = Number(countText);
    if (count > 0) entries.push([suffix, count]);
  }
  return entries;
}

/** Upper-case hex SHA-1 of a string's UTF-8 bytes, via WebCrypto. */
export async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
}

export function splitHash(hash: string): { prefix: string; suffix: string } {
  return { prefix: hash.slice(0, 5), suffix: hash.slice(5) };
}

/** How often the suffix appears in the answer; 0 when it is not there. */
export function breachCount(entries: readonly RangeEntry[], suffix: string): number {
  const wanted = suffix.toUpperCase();
  return entries.find(([candidate]) => candidate === wanted)?.[1] ?? 0;
}

/** What the background answers to a range request. */
export type HibpRangeReply =
  | { ok: true; entries: RangeEntry[] }
  | { ok: false; reason: 'offline' | 'unavailable' | 'disabled' };
