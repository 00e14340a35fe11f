import type { BreachChecker, BreachState, SendToBackground } from '../breach/checker';
import { observable, type Observable } from '../observable';
import { scoreOnly } from './evaluate';
import type { LazyZxcvbn } from './lazy-zxcvbn';
import type { PasswordForm } from './form';
import { guardInputs } from './inputs';

export interface PasswordWatch {
  /** Have I Been Pwned's verdict on the password last checked (on blur or submit). */
  breach: Observable<BreachState>;
  /** Checks the current password now ("Check again"). */
  checkNow(): void;
}

export interface PasswordWatchDeps {
  zxcvbn: LazyZxcvbn;
  checker: BreachChecker;
  send: SendToBackground;
  signal: AbortSignal;
  /** True on the login page that PyPI showed after a successful password reset. */
  afterReset(): boolean;
}

/**
 * Follows one PyPI password form without ever storing or sending the password:
 * - on blur and on submit (never per keystroke), asks Have I Been Pwned about it (5-character
 *   SHA-1 prefix only);
 * - on submit of login, change or reset, sends its zxcvbn score (and the breach verdict, if
 *   known) so the background can record it once PyPI accepts the password.
 * The password is read from the field when needed and held only in this closure's memory.
 */
export function watchPasswordForm(passwordForm: PasswordForm, deps: PasswordWatchDeps): PasswordWatch {
  const { field, form, kind } = passwordForm;
  const breach = observable<BreachState>({ status: 'idle' });
  let lastChecked: { value: string; state: BreachState | null } | null = null;

  async function checkCurrent(): Promise<void> {
    const value = field.value;
    if (value.length === 0 || breach.get().status === 'disabled') return;
    if (lastChecked?.value === value && lastChecked.state?.status !== 'could-not-check') return;
    lastChecked = { value, state: null };
    breach.set({ status: 'checking' });
    const state = await deps.checker.check(value);
    if (deps.signal.aborted || field.value !== value) return;
    lastChecked = { value, state };
    breach.set(state);
  }

  const options = { signal: deps.signal };
  field.addEventListener('blur', () => void checkCurrent(), options);
  field.addEventListener(
    'input',
    () => {
      // A verdict about a previous password must not be shown for this one.
      if (lastChecked && lastChecked.value !== field.value && breach.get().status !== 'disabled') {
        lastChecked = null;
        breach.set({ status: 'idle' });
      }
    },
    options,
  );
  form.addEventListener(
    'submit',
    () => {
      const value = field.value;
      if (kind !== 'register' && value.length > 0) {
        const username = passwordForm.username();
        const verdict = lastChecked?.value === value ? lastChecked.state?.status : undefined;
        const breached = verdict === 'found' ? true : verdict === 'not-found' ? false : undefined;
        const zxcvbn = deps.zxcvbn.ready();
        // Without zxcvbn yet (a form submitted the instant the page loaded) there is no score to report.
        if (zxcvbn && (kind !== 'login' || username)) {
          // Sent at once, inside the submit event: the page is about to be replaced.
          void deps.send({
            type: 'password-submitted',
            form: kind,
            score: scoreOnly(zxcvbn, value, guardInputs(passwordForm.words())),
            ...(username && { username }),
            ...(breached !== undefined && { breached }),
            ...(kind === 'login' && deps.afterReset() && { afterReset: true }),
          });
        }
      }
      void checkCurrent();
    },
    options,
  );

  return { breach, checkNow: () => void checkCurrent() };
}
