import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForPasswordUse } from '@/utils/prompts/password/trigger';
import { readySignal } from '@/utils/prompts/world';

/** A login-like form: a username, a password and a submit button. */
function loginForm() {
  const page = new DOMParser().parseFromString('<form id="login-form"><input name="username"><input type="password" name="password"><input type="submit" name="go" value="Log in"></form>', 'text/html');
  document.body.replaceChildren(document.importNode(page.body.firstElementChild!, true));
  const form = document.querySelector('form')!;
  return { form, username: form.querySelector<HTMLInputElement>('[name="username"]')!, password: form.querySelector<HTMLInputElement>('[name="password"]')!, button: form.querySelector<HTMLInputElement>('[type="submit"]')! };
}

function start(options: { holdMs?: number; loaded?: Promise<boolean> } = {}) {
  const ready = readySignal();
  const loadPrompts = vi.fn(() => options.loaded ?? new Promise<boolean>(() => {}));
  const controller = new AbortController();
  const focused = new WeakSet<Element>();
  watchForPasswordUse({ doc: document, signal: controller.signal, ready, loadPrompts, focused, holdMs: options.holdMs ?? 60_000 });
  return { ready, loadPrompts, controller, focused };
}

/** What reaches the form's own submit listeners (PyPI's handlers, the prompts' watch). */
function formSubmits(form: HTMLFormElement): SubmitEvent[] {
  const seen: SubmitEvent[] = [];
  form.addEventListener('submit', (event) => {
    seen.push(event as SubmitEvent);
    event.preventDefault(); // happy-dom would navigate
  });
  return seen;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('watchForPasswordUse', () => {
  it('asks for the prompts once a password field gets focus, and only once', () => {
    const { username, password } = loginForm();
    const { loadPrompts, controller } = start();
    username.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(loadPrompts).not.toHaveBeenCalled();
    password.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    password.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(loadPrompts).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('asks at once when the password field had focus before it started', () => {
    const { password } = loginForm();
    password.focus();
    const { loadPrompts, controller } = start();
    expect(loadPrompts).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('holds a submit made before the prompts are in, then sends it on from the same button once they are', async () => {
    const { form, button } = loginForm();
    const seen = formSubmits(form);
    const { ready, loadPrompts, controller } = start();
    button.click();
    expect(seen).toHaveLength(0); // PyPI's handlers and the form never saw the held submit
    expect(loadPrompts).toHaveBeenCalledTimes(1);
    ready.settle();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.submitter).toBe(button);
    // The next submit goes straight on.
    button.click();
    expect(seen).toHaveLength(2);
    controller.abort();
  });

  it('sends the form on once when it is submitted twice while held (a double click)', async () => {
    const { form, button } = loginForm();
    const seen = formSubmits(form);
    const { ready, controller } = start();
    button.click();
    button.click();
    expect(seen).toHaveLength(0);
    ready.settle();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    // The resubmit is done (it happened in the same settled turn); a stray second one would be here.
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    controller.abort();
  });

  it('sends a held submit on after the longest hold when the prompts do not come', async () => {
    vi.useFakeTimers();
    const { form, button } = loginForm();
    const seen = formSubmits(form);
    const { controller } = start({ holdMs: 2_000 });
    button.click();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(seen).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(1);
    controller.abort();
  });

  it('does not hold once the prompts said they cannot come (the extension was reloaded)', async () => {
    const { form, button, password } = loginForm();
    const seen = formSubmits(form);
    const { ready, controller } = start({ loaded: Promise.resolve(false) });
    password.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await vi.waitFor(() => expect(ready.settled).toBe(true));
    button.click();
    expect(seen).toHaveLength(1);
    controller.abort();
  });
});

describe('the fields the user focused (the prompts check a password left before they came, only if the user was in it)', () => {
  it('notes a password field the user focuses, not one only filled', () => {
    const { username, password } = loginForm();
    const { focused } = start();
    password.value = 'filled by the browser';
    password.dispatchEvent(new Event('input', { bubbles: true }));
    expect(focused.has(password)).toBe(false);
    username.focus();
    password.focus();
    expect(focused.has(password)).toBe(true);
    expect(focused.has(username)).toBe(false);
  });
});
