import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import zxcvbnModule from 'zxcvbn';
import { lazyZxcvbn } from '@/utils/prompts/password/lazy-zxcvbn';
import { findPasswordForm } from '@/utils/prompts/password/form';
import { SUBMIT_HOLD_MS, watchPasswordForm } from '@/utils/prompts/password/watch';
import type { BreachChecker, BreachState } from '@/utils/prompts/breach/checker';
import type { ContentMessage } from '@/utils/messages';
import type { PageKind } from '@/utils/pypi/page-kinds';

/**
 * The submit hold on new-password forms: the first submit of a password waits (at most
 * SUBMIT_HOLD_MS) for Have I Been Pwned; a breached one stays with the warning, anything else
 * goes on from the button the user pressed. Never on the login form.
 */

const zxcvbn = lazyZxcvbn(async () => zxcvbnModule);
await zxcvbn.load();

/** A deferred breach answer the test resolves when it likes. */
function controlledChecker() {
  const asked: string[] = [];
  let answer: (state: BreachState) => void = () => {};
  const checker = {
    check: (password: string) => {
      asked.push(password);
      return new Promise<BreachState>((resolve) => (answer = resolve));
    },
    known: async () => undefined,
  } as BreachChecker;
  return { checker, asked, answer: (state: BreachState) => answer(state) };
}

function resetForm(): { form: HTMLFormElement; field: HTMLInputElement; button: HTMLInputElement } {
  const form = document.createElement('form');
  form.id = 'reset-password-form';
  const field = Object.assign(document.createElement('input'), { name: 'new_password', type: 'password' });
  const confirm = Object.assign(document.createElement('input'), { name: 'password_confirm', type: 'password' });
  const button = Object.assign(document.createElement('input'), { type: 'submit', name: 'action', value: 'reset' });
  form.append(field, confirm, button);
  document.body.append(form);
  return { form, field, button };
}

function loginForm(): { form: HTMLFormElement; field: HTMLInputElement } {
  const form = document.createElement('form');
  form.id = 'login-form';
  const username = Object.assign(document.createElement('input'), { name: 'username', value: 'alice' });
  const field = Object.assign(document.createElement('input'), { name: 'password', type: 'password' });
  form.append(username, field);
  document.body.append(form);
  return { form, field };
}

function watch(kind: PageKind, checker: BreachChecker, focusedBefore: readonly Element[] = []) {
  const sent: ContentMessage[] = [];
  const passwordForm = findPasswordForm(kind, document)!;
  const resubmits = vi.spyOn(passwordForm.form, 'requestSubmit').mockImplementation(() => {});
  const watched = watchPasswordForm(passwordForm, {
    zxcvbn,
    checker,
    send: async (message) => (sent.push(message), null),
    signal: new AbortController().signal,
    afterReset: () => false,
    wasFocused: (field) => focusedBefore.includes(field),
  });
  return { sent, resubmits, watched };
}

/** Dispatches a submit as the browser does for Enter or a click; true when not prevented. */
const submit = (form: HTMLFormElement, submitter: HTMLElement | null = null) => form.dispatchEvent(new SubmitEvent('submit', { cancelable: true, bubbles: true, submitter }));

/** Runs what is due now and the tasks it queues (the fake clock runs a 0 ms timeout 1 ms later). */
const nextTask = () => vi.advanceTimersByTimeAsync(1);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('the submit hold on the reset form (PyPI has no breach check there)', () => {
  it('holds a breached password with the warning, and lets the second submit through', async () => {
    const { form, field, button } = resetForm();
    const { checker, answer } = controlledChecker();
    const { sent, resubmits, watched } = watch('reset-password', checker);
    field.value = 'password1';
    expect(submit(form, button)).toBe(false);
    expect(watched.breach.get()).toEqual({ status: 'checking' });
    answer({ status: 'found', count: 9 });
    await nextTask();
    expect(watched.breach.get()).toEqual({ status: 'found', count: 9 });
    expect(watched.heldBack.get()).toBe(true);
    await vi.advanceTimersByTimeAsync(SUBMIT_HOLD_MS * 2);
    expect(resubmits).not.toHaveBeenCalled();
    expect(sent).toEqual([]);

    expect(submit(form, button)).toBe(true);
    expect(sent).toEqual([{ type: 'password-submitted', form: 'reset', score: expect.any(Number), breached: true }]);
  });

  it('sends a clean password on at once, from the button that was pressed', async () => {
    const { form, field, button } = resetForm();
    const { checker, answer } = controlledChecker();
    const { resubmits } = watch('reset-password', checker);
    field.value = 'Quartz-Lantern-Fjord-8812-Mosaic';
    expect(submit(form, button)).toBe(false);
    answer({ status: 'not-found' });
    await nextTask();
    expect(resubmits).toHaveBeenCalledTimes(1);
    expect(resubmits).toHaveBeenCalledWith(button);
    // The resubmit itself goes through (same password, held once already).
    expect(submit(form, button)).toBe(true);
  });

  it('resubmits only after the submit event is over, even when the answer is already known', async () => {
    const { form, field, button } = resetForm();
    const { resubmits } = watch('reset-password', { check: async () => ({ status: 'not-found' }), known: async () => undefined } as BreachChecker);
    field.value = 'Quartz-Lantern-Fjord-8812-Mosaic';
    field.dispatchEvent(new Event('blur')); // checked on blur: known by the time of the submit
    await nextTask();
    expect(submit(form, button)).toBe(false);
    // A browser ignores requestSubmit() while the form's submit event is being handled, and
    // promise callbacks run in that window: the resubmit must wait for a task of its own.
    for (let round = 0; round < 10; round++) await Promise.resolve();
    expect(resubmits).not.toHaveBeenCalled();
    await nextTask();
    expect(resubmits).toHaveBeenCalledWith(button);
  });

  it('never waits more than SUBMIT_HOLD_MS, and lets the form go when Have I Been Pwned cannot be reached', async () => {
    const { form, field } = resetForm();
    const { checker } = controlledChecker(); // never answers
    const { resubmits } = watch('reset-password', checker);
    field.value = 'slow-answer-password-42';
    expect(submit(form)).toBe(false);
    await vi.advanceTimersByTimeAsync(SUBMIT_HOLD_MS - 1);
    expect(resubmits).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await nextTask(); // the resubmit's own task
    expect(resubmits).toHaveBeenCalledTimes(1);
    expect(resubmits).toHaveBeenCalledWith(undefined);

    document.body.replaceChildren();
    const offline = resetForm();
    const { resubmits: offlineResubmits } = watch('reset-password', { check: async () => ({ status: 'could-not-check', reason: 'offline' }), known: async () => undefined } as BreachChecker);
    offline.field.value = 'offline-password-42';
    expect(submit(offline.form, offline.button)).toBe(false);
    await nextTask();
    expect(offlineResubmits).toHaveBeenCalledWith(offline.button);
  });

  it('holds each new password once, and does not resubmit a password changed while waiting', async () => {
    const { form, field } = resetForm();
    const { checker, answer, asked } = controlledChecker();
    const { resubmits } = watch('reset-password', checker);
    field.value = 'first-try-password';
    expect(submit(form)).toBe(false);
    field.value = 'second-try-password';
    field.dispatchEvent(new Event('input'));
    answer({ status: 'not-found' });
    await vi.advanceTimersByTimeAsync(SUBMIT_HOLD_MS);
    expect(resubmits).not.toHaveBeenCalled();
    // The new password gets its own first-submit check.
    expect(submit(form)).toBe(false);
    expect(asked).toEqual(['first-try-password', 'second-try-password']);
  });

  it('leaves a submit alone that PyPI’s own script already stopped', () => {
    const { form, field } = resetForm();
    const { checker } = controlledChecker();
    watch('reset-password', checker);
    form.addEventListener('submit', (event) => event.preventDefault(), { capture: true });
    field.value = 'password1';
    const event = new SubmitEvent('submit', { cancelable: true });
    form.dispatchEvent(event);
    // Prevented by the page, not held by PyPI Guard: nothing waits to resubmit it.
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the login form', () => {
  it('is never held: PyPI checks a login password itself', async () => {
    const { form, field } = loginForm();
    const { checker, answer } = controlledChecker();
    const { sent, resubmits } = watch('login', checker);
    field.value = 'password1';
    expect(submit(form)).toBe(true);
    expect(sent).toEqual([{ type: 'password-submitted', form: 'login', username: 'alice', score: expect.any(Number) }]);
    answer({ status: 'found', count: 1 });
    await vi.advanceTimersByTimeAsync(SUBMIT_HOLD_MS);
    expect(resubmits).not.toHaveBeenCalled();
  });
});

describe('a password typed before the watch began (the prompts come on demand, after the field is used)', () => {
  it('is checked at once when the field was already left, as its blur would have', async () => {
    const { field } = loginForm();
    field.value = 'password1'; // typed, then the focus moved on: that blur had no listener yet
    const { checker, asked, answer } = controlledChecker();
    const { watched } = watch('login', checker, [field]);
    expect(asked).toEqual(['password1']);
    answer({ status: 'found', count: 3 });
    await nextTask();
    expect(watched.breach.get()).toEqual({ status: 'found', count: 3 });
  });

  it('waits for the blur while the field is still in use, and does nothing for an empty field', () => {
    loginForm();
    const { checker, asked } = controlledChecker();
    watch('login', checker);
    expect(asked).toEqual([]);
    document.body.replaceChildren();

    const typing = loginForm();
    typing.field.focus();
    typing.field.value = 'password1';
    const second = controlledChecker();
    watch('login', second.checker);
    expect(second.asked).toEqual([]);
    typing.field.blur();
    expect(second.asked).toEqual(['password1']);
  });

  it('waits for the blur or submit when the user never was in the field (a browser autofill as the page loaded)', () => {
    const { form, field } = loginForm();
    field.value = 'password1';
    const { checker, asked } = controlledChecker();
    watch('login', checker, []);
    expect(asked).toEqual([]);
    submit(form);
    expect(asked).toEqual(['password1']);
  });
});
