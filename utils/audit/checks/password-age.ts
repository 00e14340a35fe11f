import { DAY_MS, pypiPage, type Check } from '../types';
import { lastPasswordChange } from '../../reminders/password-rotation';

export const passwordAge: Check = {
  id: 'password-age',
  title: 'Password age',
  weight: 5,
  run(state, now) {
    const fix = pypiPage(state, '/manage/account/#change-password');
    const lastChange = lastPasswordChange(state.account, state.events);
    if (!lastChange) {
      return { status: 'unknown', detail: 'No password change seen yet (PyPI shows 90 days of history): change it once and PyPI Guard will know.', fix, fixLabel: 'Change password' };
    }
    const days = Math.floor((now - lastChange.at) / DAY_MS);
    const schedule = state.settings.passwordRotationDays;
    if (schedule === 0) return { status: 'pass', detail: `Changed ${days} days ago; calendar reminders are off (you change it on evidence).`, fix, fixLabel: 'Change password' };
    if (days >= schedule) return { status: 'warn', detail: `Changed ${days} days ago; your schedule is every ${schedule} days.`, fix, fixLabel: 'Change password' };
    return { status: 'pass', detail: `Changed ${days} days ago (schedule: every ${schedule} days).`, fix, fixLabel: 'Change password' };
  },
};
