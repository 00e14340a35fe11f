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
      return needsAccountSettings(state, 'the security history');
    }
    // Only rows first read since the user last said "It was me" (the summary counts them).
    const { suspicious, unreadable: unread } = state.history.unacknowledged;
    if (suspicious.length === 0) {
      // Rows PyPI Guard could not map (another language, no English copy) cannot be vouched for.
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
    const summary = formatList(suspicious.map(({ reason, count }) => t(`event_count_${keyPart(reason)}`, { count })));
    return { status: 'fail', detail: `Not yet acknowledged: ${summary}. Was that you?`, fix, fixLabel: 'Review history', acknowledgeLabel: 'It was me' };
  },
};
