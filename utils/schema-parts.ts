import * as v from 'valibot';

/** Small valibot pieces shared by the message protocol and the import of exported data. */

/** Epoch milliseconds, within what a Date can hold. */
export const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

/** A string of at most `max` characters. */
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** PyPI's own username rule (pypi-facts.md §7): 1–50 of [A-Za-z0-9._-], alphanumeric at both ends. */
export const PYPI_USERNAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,48}[a-zA-Z0-9])?$/;
export const pypiUsername = v.pipe(v.string(), v.regex(PYPI_USERNAME, 'Expected a PyPI username'));
