import { pypiPage, type Check } from '../types';
import { passwordSchedule } from '../../reminders/password-rotation';
import { daysBetween, plural } from '../../reminders/text';

/**
 * Time since the last password change, judged by the reminders' own schedule (one rule: the
 * check warns exactly when the calendar reminder is due).
 */
export const passwordAge: Check = {
  id: 'password-age',
  title: 'Password age',
  weight: 5,
  run(state, now) {
    const fix = pypiPage(state, '/manage/account/#change-password');
    const schedule = passwordSchedule(state.account, state.history, state.settings);
    const lastChange = schedule.status === 'unknown' ? null : schedule.lastChange;
    if (!lastChange) {
      return { status: 'unknown', detail: 'No password change seen yet (PyPI shows 90 days of history): change it once and PyPI Guard will know.', fix, fixLabel: 'Change password' };
    }
    const age = plural(daysBetween(lastChange.at, now), 'day');
    if (schedule.status === 'off') {
      return { status: 'pass', detail: `Changed ${age} ago; calendar reminders are off (you change it on evidence).`, fix, fixLabel: 'Change password' };
    }
    const every = state.settings.passwordRotationDays;
    if (schedule.status === 'scheduled' && now >= schedule.dueAt) {
      return { status: 'warn', detail: `Changed ${age} ago; your schedule is every ${every} days.`, fix, fixLabel: 'Change password' };
    }
    return { status: 'pass', detail: `Changed ${age} ago (schedule: every ${every} days).`, fix, fixLabel: 'Change password' };
  },
};
