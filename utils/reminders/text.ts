import type { PypiHost } from '../pypi/hosts';
import { DAY_MS } from './types';

/** "PyPI" or "TestPyPI", as each site names itself. */
export function siteName(host: PypiHost): string {
  return host === 'test.pypi.org' ? 'TestPyPI' : 'PyPI';
}

/** `alice on pypi.org` — who a reminder is about, in every message. */
export function accountLabel(username: string, host: PypiHost): string {
  return `${username} on ${host}`;
}

/** Whole days between two times, rounded down ("181 days ago"). */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A date as YYYY-MM-DD (UTC): unambiguous in every locale and the same in every test run. */
export function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
