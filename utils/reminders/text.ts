import type { PypiHost } from '../pypi/hosts';
import { t } from '../text/messages';

/** "PyPI" or "TestPyPI", as each site names itself. */
export function siteName(host: PypiHost): string {
  return host === 'test.pypi.org' ? 'TestPyPI' : 'PyPI';
}

/** `alice on pypi.org` — who a reminder is about, in every message. */
export function accountLabel(username: string, host: PypiHost): string {
  return t('account_on_host', { username, host });
}

export { daysBetween } from '../text/format';

