import { pypiPage, type Check } from '../types';
import { passwordSchedule } from '../../reminders/password-rotation';
import { daysBetween } from '../../reminders/text';
import { t } from '../../text/messages';

/**
 * Time since the last password change, judged by the reminders' own schedule (one rule: the
 * check warns exactly when the calendar reminder is due).
 */
export const passwordAge: Check = {
  id: 'password-age',
  title: t('check_password_age_title'),
  weight: 5,
  run(state, now) {
    const fix = pypiPage(state, '/manage/account/#change-password');
    const schedule = passwordSchedule(state.account, state.history, state.settings);
    const lastChange = schedule.status === 'unknown' ? null : schedule.lastChange;
    if (!lastChange) {
      return { status: 'unknown', detail: t('check_password_age_unknown'), fix, fixLabel: t('fix_change_password') };
    }
    const count = daysBetween(lastChange.at, now);
    if (schedule.status === 'off') {
      return { status: 'pass', detail: t('check_password_age_reminders_off', { count }), fix, fixLabel: t('fix_change_password') };
    }
    const every = state.settings.passwordRotationDays;
    if (schedule.status === 'scheduled' && now >= schedule.dueAt) {
      return { status: 'warn', detail: t('check_password_age_due', { count, every }), fix, fixLabel: t('fix_change_password') };
    }
    return { status: 'pass', detail: t('check_password_age_pass', { count, every }), fix, fixLabel: t('fix_change_password') };
  },
};
