import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import stockZxcvbn from 'zxcvbn/dist/zxcvbn.js';
import type { Slicer } from '@/utils/dom/slices';
import { zxcvbnInSlices } from '@/utils/prompts/password/zxcvbn-in-slices';

/** Everything zxcvbn reports but the time it took. */
function result(zxcvbn: (password: string, inputs?: string[]) => object, password: string, inputs: string[] = []) {
  const { calc_time: _time, ...rest } = zxcvbn(password, inputs) as Record<string, unknown>;
  return rest;
}

let checkpoints = 0;
const counting: Slicer = {
  async checkpoint() {
    checkpoints++;
  },
};
const zxcvbn = await zxcvbnInSlices(counting);

describe('zxcvbnInSlices', () => {
  it('builds its ~95,000 words in many small pieces of work', () => {
    expect(checkpoints).toBeGreaterThan(20);
  });

  it.each([
    'password', 'password1', 'P@ssw0rd', 'drowssap', 'Tr0ub4dour&3', 'correcthorsebatterystaple', 'qwertyuiop', 'zxcvbnm,./',
    '1q2w3e4r', '19841984', '11/11/1999', 'abcdefgh', 'aaaaaaaaaa', 'jennifer2010', 'SMITH', 'Kq7-lantern-Fjord',
    'vivid-trombone-glacier-7-marmalade', 'alice-tools', 'alicealice', 'pypi.org', 'constructor', 'Constructor1',
    '__proto__', 'x__proto__x', 'hasownproperty', 'valueof', 'toString', '🦀🦀🦀', '', 'ü-Straße-2024',
  ])('scores %j exactly as the untouched package does', (password) => {
    const inputs = ['alice', 'alice@example.org', 'Alice Example', 'pypi', 'constructor'];
    expect(result(zxcvbn, password)).toEqual(result(stockZxcvbn, password));
    expect(result(zxcvbn, password, inputs)).toEqual(result(stockZxcvbn, password, inputs));
  });

  it('scores any password and user inputs exactly as the untouched package does', () => {
    const piece = fc.oneof(
      fc.constantFrom('love', 'dragon', 'monkey', 'Smith', 'john', 'summer', 'p@55', 'w0rd', 'qwe', 'asdf', '1987', '2024', '!!', '__proto__', 'alice'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), (pieces, inputs) => {
        const password = pieces.join('');
        expect(result(zxcvbn, password, inputs)).toEqual(result(stockZxcvbn, password, inputs));
      }),
      { numRuns: 300 },
    );
    // 600 zxcvbn runs: ~1 s on an idle core, 8 s seen with the machine's two cores shared.
  }, 60_000);
});
