import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breachCount, hibpRangeUrl, parseRangeResponse, sha1Hex, splitHash } from '@/utils/prompts/breach/hibp';
import { createBreachChecker } from '@/utils/prompts/breach/checker';
import type { ContentMessage } from '@/utils/messages';

// SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8 (the classic test vector).
const PASSWORD_SHA1 = '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8';

describe('range responses', () => {
  it('reads SUFFIX:COUNT lines, drops padding (count 0) and malformed lines', () => {
    const text = [
      '1E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824',
      '0018A45C4D1DEF81644B54AB7F969B88D65:0',
      'not a line',
      '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2',
      'SHORT:5',
      '011053FD0102E94D6AE2F8B83D76FAF94F6:-1',
    ].join('\r\n');
    expect(parseRangeResponse(text)).toEqual([
      ['1E4C9B93F3F0682250B6CF8331B7EE68FD8', 9545824],
      ['00D4F6E8FA6EECAD2A3AA415EEC418D38EC', 2],
    ]);
  });

  it('accepts LF line ends and lower-case hex, and upper-cases suffixes', () => {
    expect(parseRangeResponse('1e4c9b93f3f0682250b6cf8331b7ee68fd8:3\n')).toEqual([['1E4C9B93F3F0682250B6CF8331B7EE68FD8', 3]]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(parseRangeResponse(text))));
  });

  it('finds a suffix and its count; 0 when absent', () => {
    const entries = parseRangeResponse('1E4C9B93F3F0682250B6CF8331B7EE68FD8:42');
    expect(breachCount(entries, '1e4c9b93f3f0682250b6cf8331b7ee68fd8')).toBe(42);
    expect(breachCount(entries, '0000000000000000000000000000000000A')).toBe(0);
  });

  it('builds the range URL only from a 5-hex prefix', () => {
    expect(hibpRangeUrl('5BAA6')).toBe('https://api.pwnedpasswords.com/range/5BAA6');
    for (const bad of ['5baa6', '5BAA61', '5BAA', 'ZZZZZ', '5BAA6/../x']) expect(() => hibpRangeUrl(bad)).toThrow();
  });
});

describe('hashing', () => {
  it('computes upper-case SHA-1 and splits it 5 / 35', async () => {
    const hash = await sha1Hex('password');
    expect(hash).toBe(PASSWORD_SHA1);
    expect(splitHash(hash)).toEqual({ prefix: '5BAA6', suffix: '1E4C9B93F3F0682250B6CF8331B7EE68FD8' });
  });
});

describe('createBreachChecker', () => {
  function fakeBackground(reply: (message: ContentMessage) => unknown) {
    const sent: ContentMessage[] = [];
    const send = async (message: ContentMessage) => {
      sent.push(message);
      return reply(message) as never;
    };
    return { sent, send };
  }

  it('sends only the 5-character prefix and compares the suffix itself', async () => {
    const background = fakeBackground(() => ({ ok: true, entries: [['1E4C9B93F3F0682250B6CF8331B7EE68FD8', 7]] }));
    const checker = createBreachChecker(background.send);
    expect(await checker.check('password')).toEqual({ status: 'found', count: 7 });
    expect(background.sent).toEqual([{ type: 'hibp-range', prefix: '5BAA6' }]);
    expect(JSON.stringify(background.sent)).not.toContain('1E4C9B93');
    expect(JSON.stringify(background.sent)).not.toContain('password');
  });

  it('says not found when the suffix is absent, and asks once per password', async () => {
    const background = fakeBackground(() => ({ ok: true, entries: [['00D4F6E8FA6EECAD2A3AA415EEC418D38EC', 2]] }));
    const checker = createBreachChecker(background.send);
    expect(await checker.check('password')).toEqual({ status: 'not-found' });
    expect(await checker.check('password')).toEqual({ status: 'not-found' });
    expect(background.sent).toHaveLength(1);
    expect(await checker.known('password')).toEqual({ status: 'not-found' });
    expect(await checker.known('other')).toBeUndefined();
  });

  it('reports "could not check" and asks again next time', async () => {
    let online = false;
    const background = fakeBackground(() => (online ? { ok: true, entries: [] } : { ok: false, reason: 'offline' }));
    const checker = createBreachChecker(background.send);
    expect(await checker.check('password')).toEqual({ status: 'could-not-check', reason: 'offline' });
    online = true;
    // Let the failed lookup leave the cache.
    await Promise.resolve();
    expect(await checker.check('password')).toEqual({ status: 'not-found' });
    expect(background.sent).toHaveLength(2);
  });

  it('treats no answer from the background as "could not check"', async () => {
    const checker = createBreachChecker(async () => null);
    expect(await checker.check('password')).toEqual({ status: 'could-not-check', reason: 'unavailable' });
  });

  it('stops asking once the user turned the check off', async () => {
    const background = fakeBackground(() => ({ ok: false, reason: 'disabled' }));
    const checker = createBreachChecker(background.send);
    expect(await checker.check('password')).toEqual({ status: 'disabled' });
    expect(await checker.check('another one')).toEqual({ status: 'disabled' });
    expect(background.sent).toHaveLength(1);
  });
});
