import { needsAccountSettings, pypiPage, type Check } from '../types';
import type { SuspicionReason } from '../../events/suspicious';
import { unreadableOutcome } from '../unreadable';

const REASON_TEXT: Record<SuspicionReason, string> = {
  'login-failure': 'failed sign-in',
  'reauthentication-failure': 'failed password confirmation',
  'two-factor-removed': '2FA method removed',
  'recovery-code-used': 'recovery code used',
  'password-reset': 'password reset',
  'password-disabled': 'password disabled by PyPI',
  'new-device': 'sign-in from a new device',
  'unfamiliar-location': 'sign-in from an unfamiliar place',
  'token-leaked': 'token removed after a leak',
};

export const securityEvents: Check = {
  id: 'security-events',
  title: 'Recent security events',
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
    const summary = suspicious.map(({ reason, count }) => `${count} ${REASON_TEXT[reason]}${count === 1 ? '' : 's'}`).join(', ');
    return { status: 'fail', detail: `Not yet acknowledged: ${summary}. Was that you?`, fix, fixLabel: 'Review history', acknowledgeLabel: 'It was me' };
  },
};
