import type { BreachChecker, BreachState, SendToBackground } from '../breach/checker';
import { observable, type Observable } from '../observable';
import { scoreOnly } from './evaluate';
import type { LazyZxcvbn } from './lazy-zxcvbn';
import type { PasswordForm } from './form';
import { guardInputs } from './inputs';
import { markDone } from '../../content/done';

export interface PasswordWatch {
  /** Have I Been Pwned's verdict on the password last checked (on blur or submit). */
  breach: Observable<BreachState>;
  /** A submit of the current password was held back because it is breached; the next one goes. */
  heldBack: Observable<boolean>;
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
  /** Whether the user focused this field before the watch began (the password trigger notes it). */
  wasFocused(field: HTMLInputElement): boolean;
}

/**
 * How long the first submit of a new password waits for Have I Been Pwned before it goes on
 * anyway: long enough for a normal answer, short enough not to feel stuck.
 */
export const SUBMIT_HOLD_MS = 2_000;

const timeout = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

/**
 * Follows one PyPI password form without ever storing or sending the password:
 * - on blur and on submit (never per keystroke), asks Have I Been Pwned about it (5-character
 *   SHA-1 prefix only) — also at once when the field was filled and left before the watch began;
 * - on new-password forms (register, change, reset), holds the first submit of each password
 *   until that answer is in (at most SUBMIT_HOLD_MS): a breached password stays on the page with
 *   the warning, and submitting again sends it as it is; any other answer — clean, offline, no
 *   answer in time — sends the form on as the user submitted it. Never on the login form: PyPI
 *   checks a login password itself and refuses a breached one (pypi-facts.md §7);
 * - on submit of login, change or reset, sends its zxcvbn score (and the breach verdict, if
 *   known) so the background can record it once PyPI accepts the password.
 * The password is read from the field when needed and held only in this closure's memory.
 */
export function watchPasswordForm(passwordForm: PasswordForm, deps: PasswordWatchDeps): PasswordWatch {
  const { field, form, kind } = passwordForm;
  const breach = observable<BreachState>({ status: 'idle' });
  const heldBack = observable(false);
  let lastChecked: { value: string; state: BreachState | null; verdict: Promise<BreachState | null> } | null = null;
  /** The password whose submit was held once already: its next submit is let through. */
  let heldOnce: string | null = null;

  /** The verdict on `value`, asking once per password (a failed check may be asked again). */
  function check(value: string): Promise<BreachState | null> {
    if (value.length === 0 || breach.get().status === 'disabled') return Promise.resolve(null);
    if (lastChecked?.value === value && lastChecked.state?.status !== 'could-not-check') return lastChecked.verdict;
    breach.set({ status: 'checking' });
    const entry: NonNullable<typeof lastChecked> = {
      value,
      state: null,
      verdict: deps.checker
        .check(value)
        .catch((): BreachState => ({ status: 'could-not-check', reason: 'unavailable' }))
        .then((state) => {
          entry.state = state;
          if (!deps.signal.aborted && lastChecked === entry && field.value === value) breach.set(state);
          return state;
        }),
    };
    lastChecked = entry;
    return entry.verdict;
  }

  function reportSubmit(value: string): void {
    if (kind === 'register' || value.length === 0) return;
    const username = passwordForm.username();
    const verdict = lastChecked?.value === value ? lastChecked.state?.status : undefined;
    const breached = verdict === 'found' ? true : verdict === 'not-found' ? false : undefined;
    const zxcvbn = deps.zxcvbn.ready();
    // Without zxcvbn yet (a form submitted the instant the page loaded) there is no score to report.
    if (!zxcvbn || (kind === 'login' && !username)) return;
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

  /**
   * Sends the held form on, from the button the user pressed (its name and value are part of the
   * form). In a task of its own: a browser ignores requestSubmit() while a submit event of the same
   * form is still being handled, which is where an answer already known would otherwise land.
   */
  function resubmit(submitter: HTMLElement | null): void {
    const sameForm = (submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) && submitter.form === form;
    setTimeout(() => {
      if (!deps.signal.aborted && form.isConnected) form.requestSubmit(sameForm ? submitter : undefined);
    }, 0);
  }

  const options = { signal: deps.signal };
  const checkField = () => void check(field.value).then(() => markDone('breach-check'));
  field.addEventListener('blur', checkField, options);
  field.addEventListener(
    'input',
    () => {
      // A verdict about a previous password must not be shown for this one.
      if (lastChecked && lastChecked.value !== field.value && breach.get().status !== 'disabled') {
        lastChecked = null;
        breach.set({ status: 'idle' });
      }
      if (heldBack.get()) heldBack.set(false);
    },
    options,
  );
  form.addEventListener(
    'submit',
    (event) => {
      const value = field.value;
      // PyPI's own script may already have stopped this submit (a confirmation step): leave it be.
      const holds = kind !== 'login' && value.length > 0 && value !== heldOnce && !event.defaultPrevented && breach.get().status !== 'disabled';
      if (holds) {
        event.preventDefault();
        heldOnce = value;
        const { submitter } = event;
        void Promise.race([check(value), timeout(SUBMIT_HOLD_MS)]).then((state) => {
          // Gone, or the user changed the password while waiting: their next submit decides.
          if (deps.signal.aborted || field.value !== value) return;
          if (state?.status === 'found') heldBack.set(true);
          else resubmit(submitter);
        });
        return;
      }
      reportSubmit(value);
      void check(value);
    },
    options,
  );

  // On PyPI's signed-out pages this watch starts only once the prompts are injected, some time
  // after the user reached the field: a password typed (or filled by a password manager) and
  // left before then had its blur before anyone listened. Check it now, as that blur would have —
  // only if the user was in the field: a value the browser filled in by itself waits for the
  // user's blur or submit, as PRIVACY.md says.
  if (field.value.length > 0 && field.ownerDocument.activeElement !== field && deps.wasFocused(field)) checkField();

  return { breach, heldBack, checkNow: checkField };
}
