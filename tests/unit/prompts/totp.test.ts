import { describe, expect, it } from 'vitest';
import { generateSync } from 'otplib';
import { checkTotpCode, clockOffsetMs, describeOffset, findCodeStep, measurePypiClockOffset, readTotpKey } from '@/utils/prompts/totp/check';
import { NEW_TOTP_SECRET } from '../../fixtures/pypi/secrets';
import { useUiLanguage } from '../../support/i18n';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 10); // 10 s into a 30-second step
const codeAt = (ms: number) => generateSync({ secret: NEW_TOTP_SECRET, epoch: Math.floor(ms / 1000) });

describe('findCodeStep', () => {
  it('finds the current step first', () => {
    expect(findCodeStep(NEW_TOTP_SECRET, codeAt(NOW), NOW)).toBe(0);
  });

  it.each([1, -1, 2, -2, 5, -7, 10, -10])('finds a code %i steps away', (step) => {
    expect(findCodeStep(NEW_TOTP_SECRET, codeAt(NOW + step * 30_000), NOW)).toBe(step);
  });

  it('gives up beyond ±10 steps and on anything but six digits', () => {
    expect(findCodeStep(NEW_TOTP_SECRET, codeAt(NOW + 11 * 30_000), NOW)).toBeNull();
    expect(findCodeStep(NEW_TOTP_SECRET, '12345', NOW)).toBeNull();
    expect(findCodeStep(NEW_TOTP_SECRET, 'abcdef', NOW)).toBeNull();
  });
});

describe('checkTotpCode', () => {
  it('matches the right code', () => {
    expect(checkTotpCode(NEW_TOTP_SECRET, codeAt(NOW), NOW)).toEqual({ result: 'match', step: 0 });
  });

  it('reports ±1 as drift PyPI still accepts, and more as drift it refuses', () => {
    expect(checkTotpCode(NEW_TOTP_SECRET, codeAt(NOW - 30_000), NOW)).toEqual({ result: 'drift', step: -1, offsetSeconds: -30, acceptedByPypi: true });
    expect(checkTotpCode(NEW_TOTP_SECRET, codeAt(NOW + 90_000), NOW)).toEqual({ result: 'drift', step: 3, offsetSeconds: 90, acceptedByPypi: false });
  });

  it('says no match for a code of another key', () => {
    const other = generateSync({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', epoch: Math.floor(NOW / 1000) });
    expect(findCodeStep(NEW_TOTP_SECRET, other, NOW, 10) === null ? 'no-match' : 'collision').toBe('no-match');
    expect(checkTotpCode(NEW_TOTP_SECRET, other, NOW)).toEqual({ result: 'no-match' });
  });
});

describe('readTotpKey', () => {
  it('normalises the manual-entry key', () => {
    expect(readTotpKey(' krsx g5ct mvrx ezlu kbsw y3dp fixt ure2 ')).toBe(NEW_TOTP_SECRET);
    expect(readTotpKey('not a key!')).toBeNull();
    expect(readTotpKey('')).toBeNull();
    expect(readTotpKey(undefined)).toBeNull();
  });
});

describe('clock offset from a Date header', () => {
  const date = new Date(NOW).toUTCString();

  it('compares the request midpoint with the server time', () => {
    expect(clockOffsetMs(date, null, NOW - 200, NOW + 200)).toBe(0);
    expect(clockOffsetMs(date, null, NOW + 45_000, NOW + 45_400)).toBe(45_200);
    expect(clockOffsetMs(date, null, NOW - 60_000, NOW - 60_000)).toBe(-60_000);
  });

  it('adds a cache’s Age to the stamped time', () => {
    expect(clockOffsetMs(date, '30', NOW + 30_000, NOW + 30_000)).toBe(0);
  });

  it('gives null without a readable header', () => {
    expect(clockOffsetMs(null, null, NOW, NOW)).toBeNull();
    expect(clockOffsetMs('yesterday-ish', null, NOW, NOW)).toBeNull();
  });

  it('measures with a HEAD of the home page, never the provisioning page', async () => {
    const requests: [string, RequestInit | undefined][] = [];
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push([String(input), init]);
      return new Response(null, { headers: { date: new Date(NOW - 120_000).toUTCString() } });
    }) as typeof fetch;
    expect(await measurePypiClockOffset(() => NOW, fakeFetch)).toBe(120_000);
    expect(requests).toEqual([['/', expect.objectContaining({ method: 'HEAD', cache: 'no-store' })]]);
    const failing = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    expect(await measurePypiClockOffset(() => NOW, failing)).toBeNull();
  });

  it('words offsets for people', () => {
    expect(describeOffset(45_000)).toBe('45 seconds');
    expect(describeOffset(-1_000)).toBe('1 second');
    expect(describeOffset(125_000)).toBe('2 minutes');
    expect(describeOffset(3 * 3_600_000)).toBe('3 hours');
    useUiLanguage('de');
    try {
      expect(describeOffset(125_000)).toBe('2 Minuten');
    } finally {
      useUiLanguage('en-US');
    }
  });
});

describe('RFC 6238 known-answer vectors (Appendix B, SHA-1)', () => {
  // The RFC's SHA-1 seed is the ASCII "12345678901234567890"; its codes are 8 digits. PyPI uses
  // 6, which are the last six of the same truncated HMAC (RFC 4226 §5.3: code mod 10^digits).
  const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
  const VECTORS: [unixSeconds: number, eightDigits: string][] = [
    [59, '94287082'],
    [1_111_111_109, '07081804'],
    [1_111_111_111, '14050471'],
    [1_234_567_890, '89005924'],
    [2_000_000_000, '69279037'],
    [20_000_000_000, '65353130'],
  ];

  it('reads the RFC key as PyPI would show it', () => {
    expect(readTotpKey('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ')).toBe(RFC_SECRET);
  });

  it.each(VECTORS)('at T=%i the code is the last six digits of %s', (seconds, eightDigits) => {
    const code = eightDigits.slice(-6);
    expect(findCodeStep(RFC_SECRET, code, seconds * 1000)).toBe(0);
    expect(checkTotpCode(RFC_SECRET, code, seconds * 1000)).toEqual({ result: 'match', step: 0 });
  });

  it('places each vector’s code in its own 30-second step, and no other', () => {
    // 1111111109 and 1111111111 straddle a step boundary: each code is the other's neighbour.
    expect(findCodeStep(RFC_SECRET, '081804', 1_111_111_111_000)).toBe(-1);
    expect(findCodeStep(RFC_SECRET, '050471', 1_111_111_109_000)).toBe(1);
    expect(checkTotpCode(RFC_SECRET, '287082', 1_234_567_890_000)).toEqual({ result: 'no-match' });
  });
});
