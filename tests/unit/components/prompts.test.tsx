import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import zxcvbnModule from 'zxcvbn';
import { lazyZxcvbn } from '@/utils/prompts/password/lazy-zxcvbn';

// zxcvbn already loaded, as it is once the user reaches a password field.
const zxcvbn = lazyZxcvbn(async () => zxcvbnModule);
await zxcvbn.load();
import { generateSync } from 'otplib';
import { PromptDock } from '@/components/prompts/PromptDock';
import { PromptCard } from '@/components/prompts/PromptCard';
import { passwordVerdictPrompt } from '@/components/prompts/PasswordVerdict';
import { totpCheckPrompt } from '@/components/prompts/TotpCheck';
import { lost2faHelpPrompt } from '@/components/prompts/LostTwoFactorHelp';
import { saveRecoveryCodesPrompt } from '@/components/prompts/SaveRecoveryCodes';
import { addSecondMethodPrompt, enable2faPrompt, generateRecoveryCodesPrompt } from '@/components/prompts/audit-nudges';
import type { DrillSetup } from '@/utils/drill/page';
import { definePrompt, type PromptEnv } from '@/utils/prompts/types';
import { findPasswordForm } from '@/utils/prompts/password/form';
import { watchPasswordForm } from '@/utils/prompts/password/watch';
import { observable } from '@/utils/prompts/observable';
import type { BreachChecker, BreachState } from '@/utils/prompts/breach/checker';
import type { ContentMessage } from '@/utils/messages';
import type { PageKind } from '@/utils/pypi/page-kinds';
import type { PromptId } from '@/utils/prompts/ids';
import { NEW_TOTP_SECRET } from '../../fixtures/pypi/secrets';
import { userClick } from '../user-click';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 10);

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

function env(pageKind: PageKind, send: PromptEnv['send'] = async () => null): PromptEnv {
  return { url: new URL('https://pypi.org/'), doc: document, host: 'pypi.org', pageKind, username: 'alice', dismissalAccount: () => ({ username: 'alice' }), signal: new AbortController().signal, now: () => NOW, send };
}

/** Builds PyPI-like markup with the DOM API (never innerHTML). */
function element(tag: string, attributes: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function typeInto(field: HTMLInputElement, value: string) {
  field.value = value;
  fireEvent.input(field);
}

describe('PromptDock and PromptCard', () => {
  const plain = (id: 'enable-2fa' | 'lookalike-host', dismissal: 'remember' | 'page') =>
    definePrompt({ id, pages: ['account-settings'], dismissal, Component: () => <PromptCard title={`Title ${id}`}>Body</PromptCard> });

  it('renders each prompt as [data-prompt] with its dismissal controls', () => {
    render(<PromptDock env={env('account-settings')} prompts={[plain('enable-2fa', 'remember'), plain('lookalike-host', 'page')]} remember={() => {}} />);
    const remembered = document.querySelector('[data-prompt="enable-2fa"]')!;
    const pageOnly = document.querySelector('[data-prompt="lookalike-host"]')!;
    expect(remembered.querySelector('[data-action="snooze"]')).not.toBeNull();
    expect(remembered.querySelector('[data-action="dismiss"]')).not.toBeNull();
    expect(pageOnly.querySelector('[data-action="snooze"]')).toBeNull();
    expect(pageOnly.querySelector('[data-action="close"]')).not.toBeNull();
    expect(screen.getByRole('region', { name: 'Title enable-2fa' })).toBe(remembered);
  });

  it('hides a prompt on close without remembering, and remembers snooze and dismiss', () => {
    const remember = vi.fn();
    render(<PromptDock env={env('account-settings')} prompts={[plain('enable-2fa', 'remember')]} remember={remember} />);
    userClick(screen.getByRole('button', { name: 'Close “Title enable-2fa”' }));
    expect(document.querySelector('[data-prompt="enable-2fa"]')).toBeNull();
    expect(remember).not.toHaveBeenCalled();

    cleanup();
    render(<PromptDock env={env('account-settings')} prompts={[plain('enable-2fa', 'remember')]} remember={remember} />);
    userClick(screen.getByRole('button', { name: 'Remind me later' }));
    expect(remember).toHaveBeenLastCalledWith('enable-2fa', 'snooze');
    cleanup();
    render(<PromptDock env={env('account-settings')} prompts={[plain('enable-2fa', 'remember')]} remember={remember} />);
    userClick(screen.getByRole('button', { name: 'Don’t show again' }));
    expect(remember).toHaveBeenLastCalledWith('enable-2fa', 'dismiss');
    expect(document.querySelector('[data-prompt="enable-2fa"]')).toBeNull();
  });

  it('ignores clicks a page script dispatches: close, snooze and dismiss answer only the user', () => {
    const remember = vi.fn();
    render(<PromptDock env={env('account-settings')} prompts={[plain('enable-2fa', 'remember')]} remember={remember} />);
    for (const name of ['Close “Title enable-2fa”', 'Remind me later', 'Don’t show again']) {
      const button = screen.getByRole('button', { name });
      fireEvent.click(button);
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    expect(remember).not.toHaveBeenCalled();
    expect(document.querySelector('[data-prompt="enable-2fa"]')).not.toBeNull();
  });

  it('field helpers close with × only; the account nudges keep “Remind me later” and “Don’t show again”', () => {
    const helpers = [totpCheckPrompt(async () => 0), lost2faHelpPrompt, saveRecoveryCodesPrompt({ setup: observable<DrillSetup>({ status: 'hashing' }), forget: async () => {} })];
    expect(helpers.map((helper) => [helper.id, helper.dismissal])).toEqual([
      ['totp-check', 'page'],
      ['lost-2fa-help', 'page'],
      ['save-recovery-codes', 'page'],
    ]);
    expect([enable2faPrompt, addSecondMethodPrompt, generateRecoveryCodesPrompt].map((nudge) => nudge.dismissal)).toEqual(['remember', 'remember', 'remember']);
    render(<PromptDock env={env('two-factor')} prompts={[lost2faHelpPrompt]} remember={() => {}} />);
    const card = document.querySelector('[data-prompt="lost-2fa-help"]')!;
    expect([...card.querySelectorAll('button')].map((button) => button.dataset.action)).toEqual(['close', 'open-recovery']);
  });

  it('hides remembered prompts silenced for the account as it changes (a typed username), never page-only ones', () => {
    const silenced = observable<readonly PromptId[]>([]);
    render(<PromptDock env={env('account-settings')} prompts={[plain('enable-2fa', 'remember'), plain('lookalike-host', 'page')]} remember={() => {}} silenced={silenced} />);
    expect(document.querySelector('[data-prompt="enable-2fa"]')).not.toBeNull();
    act(() => silenced.set(['enable-2fa', 'lookalike-host']));
    expect(document.querySelector('[data-prompt="enable-2fa"]')).toBeNull();
    expect(document.querySelector('[data-prompt="lookalike-host"]')).not.toBeNull();
    act(() => silenced.set([]));
    expect(document.querySelector('[data-prompt="enable-2fa"]')).not.toBeNull();
  });
});

function changePasswordPage(): HTMLInputElement {
  document.body.append(
    element('section', { id: 'account-details' }, [element('p', { class: 'form-group__text' }, ['alice']), element('input', { name: 'name', value: 'Alice Example' })]),
    element('section', { id: 'account-emails' }, [
      element('table', {}, [element('tbody', {}, [element('tr', {}, [element('td', { class: 'table__email' }, ['alice@example.org']), element('td', {}, [element('span', { class: 'badge' }, ['Primary'])])])])]),
    ]),
    element('form', { id: 'change-password-form' }, [element('input', { name: 'password', type: 'password' }), element('input', { name: 'new_password', type: 'password' })]),
    element('section', { id: 'two-factor' }, []),
  );
  return document.querySelector<HTMLInputElement>('input[name="new_password"]')!;
}

describe('password: one card per password field', () => {
  const card = () => document.querySelector('[data-prompt="password"]')!;
  const quietWatch = () => ({ breach: observable<BreachState>({ status: 'idle' }), heldBack: observable(false), checkNow: vi.fn() });

  it('appears on focus, says PyPI will refuse a weak password, then accepts a strong one — one card, one headline', async () => {
    const field = changePasswordPage();
    const passwordForm = findPasswordForm('account-settings', document)!;
    const watch = quietWatch();
    render(<PromptDock env={env('account-settings')} prompts={[passwordVerdictPrompt({ passwordForm, zxcvbn, watch })]} remember={() => {}} />);
    expect(document.querySelector('[data-prompt="password"]')).toBeNull();
    fireEvent.focus(field);
    expect(card().getAttribute('data-state')).toBe('empty');

    typeInto(field, 'alice123');
    expect(card().getAttribute('data-state')).toBe('weak');
    expect(card().querySelector('h2')?.textContent).toBe('PyPI will refuse this password: it is too easy to guess');
    expect(card().querySelector('[data-field="suggestions"]')).not.toBeNull();
    // The page's two-factor section lists no method: the length advice says so.
    expect(card().querySelector('[data-field="length-advice"]')?.textContent).toContain('no two-factor authentication');

    typeInto(field, 'vivid-trombone-glacier-7-marmalade');
    expect(card().getAttribute('data-state')).toBe('strong');
    expect(card().querySelector('h2')?.textContent).toBe('A strong password: PyPI will accept it');
    expect(card().querySelector('[data-field="length-advice"]')).toBeNull();
    expect(card().querySelector('[data-field="crack-time"]')?.textContent).toMatch(/centuries|years/);

    // The breach check answers in the same card: a line while it runs, then the headline itself.
    act(() => watch.breach.set({ status: 'checking' }));
    expect(document.querySelectorAll('[data-prompt]')).toHaveLength(1);
    expect(card().getAttribute('data-state')).toBe('strong');
    expect(card().querySelector('[data-field="breach"]')?.getAttribute('data-state')).toBe('checking');
    act(() => watch.breach.set({ status: 'found', count: 1234 }));
    expect(document.querySelectorAll('[data-prompt]')).toHaveLength(1);
    expect(card().getAttribute('data-state')).toBe('breached');
    expect(card().querySelector('h2')?.textContent).toBe('This password has leaked');
    expect(card().textContent).toContain('1,234 times');
    expect(card().textContent).toContain('PyPI will refuse it when you submit');
    // Strength and breach never speak against each other: no "PyPI will accept" under a leaked password.
    expect(card().textContent).not.toContain('will accept');
    expect(card().querySelector('[data-field="strength"]')?.getAttribute('data-verdict')).toBe('strong');
    expect(card().querySelector('[data-field="crack-time"]')).toBeNull();
  });
});

describe('watchPasswordForm', () => {
  function harness(kind: PageKind, answer: BreachState = { status: 'not-found' }) {
    const sent: ContentMessage[] = [];
    const checked: string[] = [];
    const checker = { check: async (password: string) => (checked.push(password), answer), known: async () => undefined } as BreachChecker;
    const send = async (message: ContentMessage) => (sent.push(message), null);
    return { sent, checked, deps: { zxcvbn, checker, send, signal: new AbortController().signal, afterReset: () => false, wasFocused: () => false } };
  }

  it('checks on blur only, and sends the score — never the password — on submit', async () => {
    const field = changePasswordPage();
    const { sent, checked, deps } = harness('account-settings', { status: 'found', count: 3 });
    const watch = watchPasswordForm(findPasswordForm('account-settings', document)!, deps);
    typeInto(field, 'hunter2hunter2');
    typeInto(field, 'hunter2hunter22');
    expect(checked).toEqual([]);
    fireEvent.blur(field);
    await vi.waitFor(() => expect(watch.breach.get()).toEqual({ status: 'found', count: 3 }));
    expect(checked).toEqual(['hunter2hunter22']);
    fireEvent.blur(field);
    expect(checked).toHaveLength(1);

    // The first submit of a breached new password is held back, with the warning…
    expect(fireEvent.submit(field.form!)).toBe(false);
    await vi.waitFor(() => expect(watch.heldBack.get()).toBe(true));
    expect(sent).toEqual([]);
    // …and the second goes through, with the score.
    expect(fireEvent.submit(field.form!)).toBe(true);
    expect(sent).toEqual([{ type: 'password-submitted', form: 'change', username: 'alice', score: expect.any(Number), breached: true }]);
    expect(JSON.stringify(sent)).not.toContain('hunter2');

    typeInto(field, 'something else');
    expect(watch.breach.get()).toEqual({ status: 'idle' });
    expect(watch.heldBack.get()).toBe(false);
  });

  it('sends nothing for the register form (no account yet)', () => {
    const field = element('input', { name: 'new_password', type: 'password' }) as HTMLInputElement;
    document.body.append(element('form', {}, [element('input', { name: 'username', value: 'newbie' }), field]));
    const { sent, deps } = harness('register');
    watchPasswordForm(findPasswordForm('register', document)!, deps);
    typeInto(field, 'whatever-it-is');
    fireEvent.submit(field.form!);
    expect(sent).toEqual([]);
  });
});

describe('password: the breach line', () => {
  const card = () => document.querySelector('[data-prompt="password"]');
  const breachLine = () => card()?.querySelector('[data-field="breach"]');

  function resetPage(): HTMLInputElement {
    document.body.append(element('form', { id: 'reset-password-form' }, [element('input', { name: 'new_password', type: 'password' }), element('input', { name: 'password_confirm', type: 'password' })]));
    return document.querySelector<HTMLInputElement>('input[name="new_password"]')!;
  }
  function loginPage(): HTMLInputElement {
    document.body.append(element('form', { id: 'login-form' }, [element('input', { name: 'username', value: 'alice' }), element('input', { name: 'password', type: 'password' })]));
    return document.querySelector<HTMLInputElement>('input[name="password"]')!;
  }

  it('shows found (with the held-back line), could-not-check and off as lines of the one card; the reset page says what PyPI will do like the others', () => {
    const field = resetPage();
    const breach = observable<BreachState>({ status: 'idle' });
    const heldBack = observable(false);
    const checkNow = vi.fn();
    render(<PromptDock env={env('reset-password')} prompts={[passwordVerdictPrompt({ passwordForm: findPasswordForm('reset-password', document)!, zxcvbn, watch: { breach, heldBack, checkNow } })]} remember={() => {}} />);
    expect(card()).toBeNull();
    typeInto(field, 'tr0ub4dor-staple-horse-battery');
    expect(breachLine()).toBeNull(); // not asked yet: nothing to say about breaches
    act(() => breach.set({ status: 'found', count: 1234 }));
    expect(card()?.getAttribute('data-state')).toBe('breached');
    expect(card()?.textContent).toContain('1,234 times');
    expect(card()?.textContent).toContain('PyPI will refuse it when you submit');
    expect(card()?.textContent).not.toContain('does not check');
    expect(card()?.querySelector('[data-field="held-back"]')).toBeNull();
    act(() => heldBack.set(true));
    expect(card()?.querySelector('[data-field="held-back"]')?.textContent).toContain('Submitting again sends it');
    act(() => breach.set({ status: 'could-not-check', reason: 'offline' }));
    expect(card()?.getAttribute('data-state')).not.toBe('breached');
    expect(breachLine()?.getAttribute('data-state')).toBe('could-not-check');
    expect(breachLine()?.textContent).toContain('offline');
    userClick(screen.getByRole('button', { name: 'Check again' }));
    expect(checkNow).toHaveBeenCalled();
    act(() => breach.set({ status: 'disabled' }));
    expect(breachLine()?.getAttribute('data-state')).toBe('disabled');
    expect(document.querySelectorAll('[data-prompt]')).toHaveLength(1);
    // A field helper: closed with × only, never silenced for good (a leak must come back).
    expect(card()?.querySelector('[data-action="dismiss"]')).toBeNull();
    expect(card()?.querySelector('[data-action="snooze"]')).toBeNull();
  });

  it('on the login page speaks only of a leaked password, with the way to reset it', () => {
    const field = loginPage();
    const breach = observable<BreachState>({ status: 'not-found' });
    render(<PromptDock env={env('login')} prompts={[passwordVerdictPrompt({ passwordForm: findPasswordForm('login', document)!, zxcvbn, watch: { breach, heldBack: observable(false), checkNow: vi.fn() } })]} remember={() => {}} />);
    typeInto(field, 'vivid-trombone-glacier-7-marmalade');
    expect(card()).toBeNull(); // strong and clean: nothing to say while logging in
    typeInto(field, 'password1');
    expect(card()).toBeNull(); // weak: the popup's strength check rates it; no card pushes "Log in" away mid-typing
    act(() => breach.set({ status: 'found', count: 1 }));
    expect(card()?.getAttribute('data-state')).toBe('breached');
    expect(card()?.querySelector('[data-field="strength"]')?.getAttribute('data-verdict')).toBe('weak');
    expect(card()?.textContent).toContain('1 time in data breaches');
    expect(card()?.textContent).toContain('PyPI will refuse the login and disable it');
    expect(card()?.querySelector('a[href="/account/request-password-reset/"]')).not.toBeNull();
  });
});

describe('totp-check', () => {
  function provisionPage(): HTMLInputElement {
    document.body.append(
      element('div', { class: 'totp-form__manual-code' }, [element('code', { 'data-clipboard-target': 'source' }, [NEW_TOTP_SECRET])]),
      element('form', { class: 'totp-form__form' }, [element('input', { name: 'totp_value' })]),
    );
    return document.querySelector<HTMLInputElement>('input[name="totp_value"]')!;
  }
  const code = (offsetSteps: number) => generateSync({ secret: NEW_TOTP_SECRET, epoch: Math.floor(NOW / 1000) + offsetSteps * 30 });

  it('says match, drift or no match as six digits are typed', async () => {
    const field = provisionPage();
    render(<PromptDock env={env('totp-provision')} prompts={[totpCheckPrompt(async () => 400)]} remember={() => {}} />);
    const card = () => document.querySelector('[data-prompt="totp-check"]');
    expect(card()).toBeNull();
    typeInto(field, code(0).slice(0, 5));
    expect(card()).toBeNull();
    typeInto(field, code(0));
    expect(card()?.getAttribute('data-state')).toBe('match');
    typeInto(field, code(1));
    expect(card()?.getAttribute('data-state')).toBe('drift');
    expect(card()?.textContent).toContain('about 30 seconds ahead');
    typeInto(field, code(-4));
    expect(card()?.textContent).toContain('about 120 seconds behind');
    expect(card()?.textContent).toContain('PyPI will refuse this code');
    typeInto(field, generateSync({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', epoch: Math.floor(NOW / 1000) }));
    expect(card()?.getAttribute('data-state')).toBe('no-match');
  });

  it('warns when this computer’s clock differs from PyPI’s by more than 30 s, and judges codes by PyPI’s time', async () => {
    const field = provisionPage();
    // This computer is 2 minutes ahead of PyPI: a code for PyPI's "now" is 4 steps behind ours.
    const measure = vi.fn(async () => 120_000);
    render(<PromptDock env={env('totp-provision')} prompts={[totpCheckPrompt(measure)]} remember={() => {}} />);
    // Nothing is measured (no request to PyPI) until the user turns to the code field.
    expect(measure).not.toHaveBeenCalled();
    fireEvent.focus(field);
    fireEvent.input(field);
    expect(measure).toHaveBeenCalledTimes(1);
    const card = await screen.findByRole('region', { name: 'Check the code from your app' });
    expect(card.getAttribute('data-state')).toBe('clock-only');
    expect(card.querySelector('[data-field="clock"]')?.textContent).toContain('about 2 minutes ahead of');
    typeInto(field, code(-4));
    expect(card.getAttribute('data-state')).toBe('match');
  });
});

describe('save-recovery-codes', () => {
  it('gives one piece of advice, PyPI’s and the guide’s: a password manager or paper, not a plain file or an email', () => {
    const prompt = saveRecoveryCodesPrompt({ setup: observable<DrillSetup>({ status: 'hashing' }), forget: async () => {} });
    render(<PromptDock env={env('recovery-codes')} prompts={[prompt]} remember={() => {}} />);
    const card = screen.getByRole('region', { name: 'Keep these codes somewhere safe' });
    expect(card.textContent).toContain('Save them in your password manager, or print them');
    expect(card.textContent).toContain('Not in a plain file or an email');
    // No advice that contradicts the password manager (which syncs to this computer).
    expect(card.textContent).not.toMatch(/off this computer|not this computer/);
  });
});

describe('lost-2fa-help', () => {
  it('asks the background to open the recovery assistant', async () => {
    const sent: ContentMessage[] = [];
    render(<PromptDock env={env('two-factor', async (message) => (sent.push(message), { opened: true }) as never)} prompts={[lost2faHelpPrompt]} remember={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open PyPI Guard’s recovery assistant' }));
    expect(sent).toEqual([]); // a page script's click opens nothing
    userClick(screen.getByRole('button', { name: 'Open PyPI Guard’s recovery assistant' }));
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'open-recovery-assistant' }]));
  });
});
