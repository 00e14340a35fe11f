import * as v from 'valibot';

/** Small valibot pieces shared by the message protocol and the import of exported data. */

/** Epoch milliseconds, within what a Date can hold. */
export const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

/** A string of at most `max` characters. */
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
