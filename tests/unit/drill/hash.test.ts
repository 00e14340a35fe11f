import { describe, expect, it } from 'vitest';
import { checkDrillCode, DRILL_ITERATIONS, drillDueAt, fromBase64, hashRecoveryCodes, normaliseRecoveryCode, toBase64 } from '@/utils/drill/hash';
import { RECOVERY_CODES } from '../../fixtures/pypi/secrets';

// Fewer iterations keep the tests fast; one test runs the real count.
const FAST = 1_000;

describe('normaliseRecoveryCode', () => {
  it('accepts what PyPI accepts: 16 hex characters, spaces stripped', () => {
    expect(normaliseRecoveryCode(' 0F1E 2D3C 4B5A 6978 ')).toBe('0f1e2d3c4b5a6978');
    expect(normaliseRecoveryCode('0f1e-2d3c-4b5a-6978')).toBe('0f1e2d3c4b5a6978');
    for (const bad of ['', '0f1e2d3c4b5a697', '0f1e2d3c4b5a69789', 'zf1e2d3c4b5a6978']) expect(normaliseRecoveryCode(bad)).toBeNull();
  });
});

describe('drill hashes', () => {
  it('keeps one salt, the iteration count and one hash per code — never a code', async () => {
    const drill = await hashRecoveryCodes(RECOVERY_CODES, FAST);
    expect(drill.iterations).toBe(FAST);
    expect(fromBase64(drill.salt)).toHaveLength(16);
    expect(drill.hashes).toHaveLength(8);
    expect(drill.hashes.every((hash) => fromBase64(hash).length === 32)).toBe(true);
    const stored = JSON.stringify(drill);
    for (const code of RECOVERY_CODES) expect(stored).not.toContain(code);
  });

  it('accepts a shown code however it is typed, and rejects another', async () => {
    const drill = await hashRecoveryCodes(RECOVERY_CODES, FAST);
    expect(await checkDrillCode(RECOVERY_CODES[3], drill)).toBe('one-of-yours');
    expect(await checkDrillCode(RECOVERY_CODES[7].toUpperCase().replace(/(.{4})/g, '$1 '), drill)).toBe('one-of-yours');
    expect(await checkDrillCode('0123456789abcdef', drill)).toBe('not-yours');
    expect(await checkDrillCode('hello', drill)).toBe('not-a-code');
  });

  it('uses a fresh salt each time, so the same codes hash differently', async () => {
    const [first, second] = await Promise.all([hashRecoveryCodes(RECOVERY_CODES, FAST), hashRecoveryCodes(RECOVERY_CODES, FAST)]);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hashes).not.toEqual(second.hashes);
    // Regenerated codes replace the old: an old code is not one of the new set.
    const regenerated = await hashRecoveryCodes(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'], FAST);
    expect(await checkDrillCode(RECOVERY_CODES[0], regenerated)).toBe('not-yours');
  });

  it('is deterministic for a given salt, and skips what is not a code', async () => {
    const salt = new Uint8Array(16).fill(7);
    const one = await hashRecoveryCodes([RECOVERY_CODES[0], 'junk', RECOVERY_CODES[0]], FAST, salt);
    const two = await hashRecoveryCodes([RECOVERY_CODES[0]], FAST, salt);
    expect(one).toEqual(two);
    expect(one.hashes).toHaveLength(1);
    expect(one.salt).toBe(toBase64(salt));
  });

  it(`runs at the real cost (${DRILL_ITERATIONS} PBKDF2-SHA-256 iterations)`, async () => {
    const drill = await hashRecoveryCodes(RECOVERY_CODES.slice(0, 1));
    expect(drill.iterations).toBe(DRILL_ITERATIONS);
    expect(await checkDrillCode(RECOVERY_CODES[0], drill)).toBe('one-of-yours');
  });

  it('is due an interval after the last drill, or after the codes were shown', () => {
    const day = 86_400_000;
    expect(drillDueAt({ codesShownAt: 1_000 }, 60)).toBe(1_000 + 60 * day);
    expect(drillDueAt({ codesShownAt: 1_000, lastDrillAt: 5 * day }, 60)).toBe(65 * day);
  });
});
