import type { ReadySignal } from '../world';

/** PyPI's password fields (pypi-facts.md §2, §7), also while "Show password" makes them text. */
export const PASSWORD_FIELD = 'input[type="password"], input[name="password"], input[name="new_password"], input[name="password_confirm"]';
/** The longest a submit made before the prompts are in waits for them; then it goes on as it would have. */
export const EARLY_SUBMIT_HOLD_MS = 2_000;

export interface PasswordTriggerDeps {
  doc: Document;
  signal: AbortSignal;
  /** Asks for the prompts (once); resolves false when they will not come. */
  loadPrompts(): Promise<boolean>;
  /** Settled by the prompts once they watch the password form with zxcvbn ready. */
  ready: ReadySignal;
  /** Filled with every password field the user focuses, for the prompts' first look (watch.ts). */
  focused: WeakSet<Element>;
  holdMs?: number;
}

/**
 * What the password trigger does on PyPI's signed-out password pages: waits for a password field
 * to get focus or input, then asks for the prompts — once. A form submitted before the prompts
 * are in (a password manager's fill and an instant click) is held until they are (at most
 * `holdMs`) and then sent on from the same button, so its breach check, submit hold and score
 * happen as on any other submit; PyPI's own handlers see only the submit that goes on.
 */
export function watchForPasswordUse({ doc, signal, loadPrompts, ready, focused, holdMs = EARLY_SUBMIT_HOLD_MS }: PasswordTriggerDeps): void {
  const noteFocus = (target: EventTarget | null) => {
    if (target instanceof HTMLInputElement && target.matches(PASSWORD_FIELD)) focused.add(target);
  };
  doc.addEventListener('focusin', (event) => noteFocus(event.target), { capture: true, signal });
  noteFocus(doc.activeElement);
  const requested = new AbortController();
  const engaged = (target: EventTarget | null) => {
    if (!(target instanceof HTMLInputElement) || !target.matches(PASSWORD_FIELD) || requested.signal.aborted) return;
    requested.abort();
    void loadPrompts().then((loaded) => loaded || ready.settle()); // not coming: nothing to wait for
  };
  const untilRequested = { capture: true, signal: AbortSignal.any([signal, requested.signal]) };
  doc.addEventListener('focusin', (event) => engaged(event.target), untilRequested);
  doc.addEventListener('input', (event) => engaged(event.target), untilRequested);
  engaged(doc.activeElement); // the user got there before this script did

  // One hold per form: a second submit while it waits (a double click, Enter then a click) is
  // stopped, so the form is sent on once.
  const holding = new WeakSet<HTMLFormElement>();
  // Capture on the document: before PyPI's own handlers and the form's.
  doc.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (ready.settled || !(form instanceof HTMLFormElement) || event.defaultPrevented) return;
      const field = form.querySelector(PASSWORD_FIELD);
      if (!field) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (holding.has(form)) return;
      holding.add(form);
      engaged(field);
      // Sent on later from the button the user pressed (its name and value are part of the form).
      const { submitter } = event as SubmitEvent;
      const sameForm = (submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) && submitter.form === form;
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, holdMs));
      void Promise.race([ready.whenSettled, timeout]).then(() => {
        ready.settle(); // one hold per page: the next submit goes straight on
        if (!signal.aborted && form.isConnected) form.requestSubmit(sameForm ? submitter : undefined);
      });
    },
    { capture: true, signal },
  );
}
