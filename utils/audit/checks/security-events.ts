import { needsAccountSettings, pypiPage, type Check } from '../types';
import { suspiciousEvents, type SuspicionReason } from '../../events/suspicious';
import { formatList, t } from '../../text/messages';

export const securityEvents: Check = {
  id: 'security-events',
  title: t('security-history.title'),
  weight: 10,
  run(state) {
    const fix = pypiPage(state, '/manage/account/#account-events');
    if (state.account.pagesSeenAt['account-settings'] === undefined && state.account.pagesSeenAt['unverified-account'] === undefined) {
      return needsAccountSettings(state, 'the security history');
    }
    const since = state.account.observed?.eventsAcknowledgedAt ?? -Infinity;
    const found = suspiciousEvents(state.events, since);
    if (found.length === 0) {
      // Rows PyPI Guard could not map (another language, no English copy) cannot be vouched for.
      const unread = state.events.filter((event) => event.tag === 'unknown' && event.firstSeenAt > since).length;
      if (unread > 0) {
        return {
          status: 'unknown',
          detail: `${unread} history row${unread === 1 ? '' : 's'} could not be read; look at them yourself, then mark them checked.`,
          fix,
          fixLabel: 'Open history',
          acknowledgeLabel: 'I checked them',
        };
      }
      return { status: 'pass', detail: 'Nothing unusual since you last looked.', fix, fixLabel: 'Open history' };
    }
    const counts = new Map<SuspicionReason, number>();
    for (const { reason } of found) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    const summary = formatList([...counts].map(([reason, count]) => t(`event-count.${reason}`, { count })));
    return { status: 'fail', detail: `Not yet acknowledged: ${summary}. Was that you?`, fix, fixLabel: 'Review history', acknowledgeLabel: 'It was me' };
  },
};
