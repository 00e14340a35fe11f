import type { PypiHost } from '../pypi/hosts';

/** "PyPI" or "TestPyPI", as each site names itself. */
export function siteName(host: PypiHost): string {
  return host === 'test.pypi.org' ? 'TestPyPI' : 'PyPI';
}

/** `alice on pypi.org` — who a reminder is about, in every message. */
export function accountLabel(username: string, host: PypiHost): string {
  return `${username} on ${host}`;
}

export { daysBetween } from '../text/format';

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

