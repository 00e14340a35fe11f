import { needsAccountSettings, pypiPage, type Check } from '../types';
import { unreadableOutcome } from '../unreadable';
import { formatList, keyPart, t } from '../../text/messages';

export const securityEvents: Check = {
  id: 'security-events',
  title: t('security_history_title'),
  weight: 10,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'securityEvents');
    if (couldNotRead) return couldNotRead;
    const fix = pypiPage(state, '/manage/account/#account-events');
    if (state.account.pagesSeenAt['account-settings'] === undefined && state.account.pagesSeenAt['unverified-account'] === undefined) {
      return needsAccountSettings(state, 'security_history');
    }
    // Only rows first read since the user last said "It was me" (the summary counts them).
    const { suspicious, unreadable: unread } = state.history.unacknowledged;
    if (suspicious.length === 0) {
      // Rows PyPI Guard could not map (another language, no English copy) cannot be vouched for.
      if (unread > 0) {
        return {
          status: 'unknown',
          detail: t('check_events_unreadable', { count: unread }),
          fix,
          fixLabel: t('check_events_fix_open'),
          acknowledgeLabel: t('check_events_acknowledge_checked'),
        };
      }
      return { status: 'pass', detail: t('check_events_pass'), fix, fixLabel: t('check_events_fix_open') };
    }
    const summary = formatList(suspicious.map(({ reason, count }) => t(`event_count_${keyPart(reason)}`, { count })));
    return { status: 'fail', detail: t('check_events_suspicious', { summary }), fix, fixLabel: t('check_events_fix_review'), acknowledgeLabel: t('check_events_acknowledge_me') };
  },
};
