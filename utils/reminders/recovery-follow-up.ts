import { accountIdOf } from '../store/types';
import { recoveryPageQuery } from '../recovery/query';
import { t } from '../text/messages';
import { accountLabel, daysBetween } from './text';
import { DAY_MS, type ReminderKindModule } from './types';

/** The seed advises a polite follow-up after "a week or two" without an answer. */
export const FOLLOW_UP_AFTER_DAYS = 14;

/**
 * A submitted account-recovery request with no answer: due 14 days after submission, and again
 * every 14 days while it stays `submitted`. Each 14-day step is its own period, so "Done" on the
 * first follow-up does not silence the next one.
 */
export const recoveryFollowUp: ReminderKindModule = {
  kind: 'recovery-follow-up',
  setting: 'recoveryFollowUp',
  candidates(input, _settings, now) {
    const interval = FOLLOW_UP_AFTER_DAYS * DAY_MS;
    return input.recoveryRequests.flatMap((request) => {
      if (request.status !== 'submitted' || request.submittedAt === undefined) return [];
      const stepsElapsed = Math.max(1, Math.floor((now - request.submittedAt) / interval));
      const dueAt = request.submittedAt + stepsElapsed * interval;
      return {
        id: `recovery-follow-up|${request.id}`,
        kind: 'recovery-follow-up',
        accountId: accountIdOf(request.host, request.username),
        requestId: request.id,
        period: `no-reply:${dueAt}`,
        reason: 'schedule',
        trigger: 'no-reply',
        dueAt,
        title: t('reminder_follow_up_title'),
        message: t('reminder_follow_up_message', {
          account: accountLabel(request.username, request.host),
          count: daysBetween(request.submittedAt, Math.max(now, dueAt)),
        }),
        openUrl: `recovery.html${recoveryPageQuery(request.host, request.username, 'reminder')}`,
      };
    });
  },
};
