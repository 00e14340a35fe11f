import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { $, NOW, answer, answerLostTwoFactorNoCodes, fieldValue, find, makeEffects } from './page-harness';
import { App } from '@/entrypoints/recovery/App';
import { parseRecoveryQuery, recoveryPageQuery } from '@/utils/recovery/query';
import type { PageEffects } from '@/entrypoints/recovery/ui';
import { SUPPORT_FORM_URL } from '@/utils/recovery/request';
import { listRequests, recordSubmission } from '@/utils/recovery/tracker';
import { deleteStore, getAccount, openStore, recordSnapshot } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';

const seenAt = Date.UTC(2026, 4, 1);
let db: PypiGuardDb;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  dbName = `pypi-guard-page-test-${counter++}`;
  db = await openStore(dbName);
});
afterEach(async () => {
  cleanup();
  db.close();
  await deleteStore(dbName);
});

describe('query parameters', () => {
  it('pre-selects a valid account and ignores anything malformed', () => {
    expect(parseRecoveryQuery('?host=test.pypi.org&username=ada&from=prompt')).toEqual({ host: 'test.pypi.org', username: 'ada', from: 'prompt', intent: null });
    expect(parseRecoveryQuery('?host=evil.example&username=a%20b&from=elsewhere&intent=hack')).toEqual({ host: null, username: null, from: null, intent: null });
    expect(parseRecoveryQuery(recoveryPageQuery('pypi.org', 'ada.l', 'reminder'))).toEqual({ host: 'pypi.org', username: 'ada.l', from: 'reminder', intent: null });
    expect(parseRecoveryQuery(recoveryPageQuery('pypi.org', 'ada', 'popup', 'evidence'))).toEqual({ host: 'pypi.org', username: 'ada', from: 'popup', intent: 'evidence' });
  });
});

describe('the assistant with nothing stored (a new computer)', () => {
  it('walks from a typed account to a complete support request, opens the exact form and tracks the issue', async () => {
    const effects = makeEffects();
    render(<App db={db} search="" effects={effects} />);

    const account = await find('[data-step="account"]');
    expect(account.textContent).toContain('PyPI Guard has no account stored in this browser');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await find('#account-username-error')).textContent).toBe('Type your PyPI username.');
    fireEvent.input($('[data-field="account-username"]')!, { target: { value: 'newcomer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await find('[data-chosen-account]')).dataset.chosenAccount).toBe('pypi.org/newcomer');

    await answerLostTwoFactorNoCodes();
    expect((await find('[data-path]')).dataset.path).toBe('support-request');

    // Three numbered steps, in the order the user acts.
    expect([...document.querySelectorAll<HTMLElement>('[data-request-step]')].map((el) => el.dataset.requestStep)).toEqual(['prepare', 'file', 'track']);
    expect([...document.querySelectorAll('[data-request-step] > h3')].map((h3) => h3.textContent)).toEqual([
      '1Step 1: Fill in the fields',
      '2Step 2: Open the form',
      '3Step 3: Paste the issue’s address back',
    ]);
    // What comes after the request is folded away until it is filed, and follows the steps.
    const after = $<HTMLDetailsElement>('[data-step="after"] details')!;
    expect(after.open).toBe(false);
    expect(after.querySelector('[data-after-steps]')!.textContent).toContain('security history');
    expect($('[data-step="path"]')!.querySelector('[data-after-steps]')).toBeNull();
    expect(document.querySelector('[data-step="request"]')!.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // Every field to fill in, once, in the form's order; the three boxes the user ticks, as text (no fake ☐).
    const fields = [...document.querySelectorAll<HTMLElement>('[data-step="request"] [data-field]')].map((el) => el.dataset.field);
    expect(fields).toEqual(['username', 'reason', 'boxes', 'recovery-codes', 'code-of-conduct', 'acknowledgement', 'reviewed', 'issue-url']);
    expect(document.body.textContent).not.toMatch(/[☐☑]/);
    expect(document.querySelectorAll('input[type="checkbox"]')).toHaveLength(1);
    expect(fieldValue('username')).toBe('`newcomer`');
    expect(fieldValue('reason')).toContain('Lost 2FA authentication app or security token.');
    expect($('[data-field="code-of-conduct"] a')!.getAttribute('href')).toBe('https://policies.python.org/python.org/code-of-conduct/');

    // Typed text shows up; a pasted recovery code does not.
    fireEvent.input($('[data-input="reason-text"]')!, { target: { value: 'Mon téléphone a été volé 📱, code 0123456789abcdef' } });
    await waitFor(() => expect(fieldValue('reason')).toContain('Mon téléphone a été volé 📱, code [removed: a recovery code]'));
    expect($('[data-problems]')!.textContent).toMatch(/looks like a recovery code/);
    expect(document.body.textContent).not.toContain('0123456789abcdef');
    // The reason is shown once: in its field (the Markdown copy is not on the page).
    for (const sentence of ['Lost 2FA authentication app or security token.', 'I do not have an unused recovery code.']) {
      expect(document.body.textContent!.split(sentence).length - 1, sentence).toBe(1);
    }
    fireEvent.click($('[data-copy="markdown"]')!);
    await waitFor(() => expect(effects.copy).toHaveBeenCalledTimes(1));
    expect(effects.copy.mock.calls[0]![0]).toContain('### Reason for request');
    expect(effects.copy.mock.calls[0]![0]).not.toContain('0123456789abcdef');

    fireEvent.click($('[data-copy="username"]')!);
    await waitFor(() => expect(effects.copy).toHaveBeenLastCalledWith('`newcomer`'));
    expect((await find('[data-announce]')).textContent).toBe('Copied “PyPI Username”.');

    // The form opens only once the user says they have seen everything.
    const open = $<HTMLButtonElement>('[data-action="open-form"]')!;
    expect(open.disabled).toBe(true);
    fireEvent.click($('[data-field="reviewed"]')!);
    await waitFor(() => expect(open.disabled).toBe(false));
    fireEvent.click(open);
    expect(effects.openTab).toHaveBeenCalledExactlyOnceWith(SUPPORT_FORM_URL);
    await waitFor(async () => expect((await listRequests(db)).map((r) => r.status)).toEqual(['drafted']));

    fireEvent.input($('[data-field="issue-url"]')!, { target: { value: 'https://github.com/pypi/support/issues/new' } });
    fireEvent.click($('[data-action="mark-submitted"]')!);
    expect((await find('#issue-url-error')).textContent).toMatch(/Submit the form first/);
    fireEvent.input($('[data-field="issue-url"]')!, { target: { value: 'https://github.com/pypi/support/issues/9001' } });
    fireEvent.click($('[data-action="mark-submitted"]')!);
    expect((await find('[data-status="submitted"]')).textContent).toContain('https://github.com/pypi/support/issues/9001');
    const [tracked] = await listRequests(db);
    expect(tracked).toMatchObject({ host: 'pypi.org', username: 'newcomer', status: 'submitted', submittedAt: NOW, issueUrl: 'https://github.com/pypi/support/issues/9001' });
    expect((await find(`[data-step="tracker"] [data-request="${tracked!.id}"]`)).dataset.status).toBe('submitted');
    // Filed: what happens next unfolds.
    await waitFor(() => expect($<HTMLDetailsElement>('[data-step="after"] details')!.open).toBe(true));

    // What happens next, with nothing stored: the admins' email and an unknown push path.
    expect($('[data-next-step="admin-email"]')!.dataset.ability).toBe('yes');
    expect($('[data-next-step="push-branch"]')!.dataset.ability).toBe('unknown');
  });

  it('works without any store at all', async () => {
    const effects = makeEffects();
    render(<App db={null} search="?host=test.pypi.org&username=offline" effects={effects} />);
    await answer('password', 'forgotten');
    await answer('email', 'no');
    expect((await find('[data-path]')).dataset.leaf).toBe('support-lost-email');
    expect(fieldValue('reason')).toContain('This is a TestPyPI account (test.pypi.org).');
    fireEvent.input($('[data-field="issue-url"]')!, { target: { value: 'https://github.com/pypi/support/issues/1' } });
    fireEvent.click($('[data-action="mark-submitted"]')!);
    expect((await find('#issue-url-error')).textContent).toMatch(/cannot store anything/);
  });

  it('shows the fastest path, not support, when a recovery code still works', async () => {
    render(<App db={db} search="?host=pypi.org&username=ada" effects={makeEffects()} />);
    await answer('password', 'works');
    await answer('email', 'yes');
    await answer('twoFactor', 'lost');
    await answer('otherFactor', 'none');
    await answer('recoveryCodes', 'yes');
    expect((await find('[data-path]')).dataset.path).toBe('recovery-code-login');
    expect($('[data-step="request"]')).toBeNull();
    expect($('[data-step="evidence"] h2')!.textContent).toMatch(/while you still have access/);
  });

  it('lets an earlier answer be changed, dropping the answers after it', async () => {
    render(<App db={db} search="?host=pypi.org&username=ada" effects={makeEffects()} />);
    await answer('password', 'forgotten');
    await answer('email', 'yes');
    await answer('twoFactor', 'works');
    expect((await find('[data-path]')).dataset.leaf).toBe('password-reset');
    const resetLink = [...document.querySelectorAll('[data-step="path"] a')].map((a) => a.getAttribute('href'));
    expect(resetLink).toContain('https://pypi.org/account/request-password-reset/');
    fireEvent.click($('[data-action="change-email"]')!);
    await find('[data-question="email"]');
    expect($('[data-path]')).toBeNull();
    expect([...document.querySelectorAll('[data-answered]')].map((el) => el.getAttribute('data-answered'))).toEqual(['password']);
  });
});

describe('the assistant with stored data', () => {
  async function seed() {
    await recordSnapshot(db, {
      host: 'pypi.org',
      username: 'Ada',
      pageKind: 'account-settings',
      seenAt,
      dateJoined: Date.UTC(2019, 2, 4),
      emails: [{ address: 'ada@example.org', primary: true, verified: true, status: 'verified' }],
      twoFactor: { totp: true, securityKeys: [] },
      recoveryCodes: { generated: false },
      securityEvents: [{ tag: 'account:login:success', summary: 'Logged in', time: Date.UTC(2026, 3, 28) }],
    });
    await recordSnapshot(db, { host: 'pypi.org', username: 'Ada', pageKind: 'projects', seenAt: seenAt + 1, projects: ['engine'] });
  }

  it('fills the request, next steps and evidence kit from the account PyPI Guard saw', async () => {
    await seed();
    const effects = makeEffects();
    effects.fetch.mockImplementation(async () => new Response(JSON.stringify({ info: { name: 'engine', project_urls: { Source: 'https://github.com/ada/engine' } } })));
    render(<App db={db} search="?host=pypi.org&username=ada&from=popup" effects={effects} />);

    await answer('password', 'works');
    await answer('email', 'yes');
    expect((await find('[data-hint="two-factor-methods"]')).textContent).toContain('an authentication application (TOTP)');
    await answer('twoFactor', 'lost');
    await answer('otherFactor', 'none');
    expect((await find('[data-hint="no-unused-codes"]')).textContent).toContain('no unused recovery codes');
    await answer('recoveryCodes', 'no');

    await waitFor(() => expect(fieldValue('reason')).toContain('Account created: 2019-03-04'));
    const reason = fieldValue('reason');
    expect(reason).toContain('Projects I maintain: engine');
    expect(reason).toContain('a…a@example.org (primary, verified)');
    expect(reason).toContain('My last login that I know of: 2026-04-28');
    expect(reason).toContain('the account has an authentication application (TOTP)');
    expect(fieldValue('username')).toBe('`Ada`');

    // Full addresses only when the user picks them.
    fireEvent.click(screen.getByLabelText('In full'));
    await waitFor(() => expect(fieldValue('reason')).toContain('ada@example.org (primary, verified)'));

    // Where the branch push is possible: look the project's repository up on PyPI's JSON API.
    expect($('[data-next-step="push-branch"]')!.dataset.ability).toBe('unknown');
    fireEvent.click($('[data-action="look-up-sources"]')!);
    await waitFor(() => expect($('[data-next-step="push-branch"]')!.dataset.ability).toBe('yes'));
    expect(effects.fetch).toHaveBeenCalledWith('https://pypi.org/pypi/engine/json', expect.objectContaining({ credentials: 'omit' }));
    expect((await getAccount(db, 'pypi.org/ada'))?.projectSources?.value).toEqual([{ project: 'engine', repositoryUrl: 'https://github.com/ada/engine' }]);
    await waitFor(() => expect(fieldValue('reason')).toContain('engine: https://github.com/ada/engine'));

    // The evidence kit, downloaded as Markdown with the full address (it is a private file).
    expect($('[data-evidence="date-joined"]')!.dataset.source).toBe('stored');
    fireEvent.click($('[data-action="download-evidence"]')!);
    expect(effects.download).toHaveBeenCalledOnce();
    const [fileName, markdown] = effects.download.mock.calls[0]!;
    expect(fileName).toBe('pypi-evidence-pypi.org-Ada-2026-06-15.md');
    expect(markdown).toContain('ada@example.org (primary, verified)');
    expect(markdown).toContain('- [x] **Account creation date**: 2019-03-04');
  });

  it('offers the stored accounts to pick from', async () => {
    await seed();
    render(<App db={db} search="" effects={makeEffects()} />);
    const radio = await find<HTMLInputElement>('[data-account="pypi.org/ada"]');
    expect(radio.checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await find('[data-chosen-account]')).dataset.chosenAccount).toBe('pypi.org/ada');
    await find('[data-question="password"]');
  });

  it('warns against a duplicate when the account already has an open request', async () => {
    await seed();
    await recordSubmission(db, 'pypi.org', 'ada', 'https://github.com/pypi/support/issues/77', NOW - 3 * 86_400_000);
    render(<App db={db} search="?host=pypi.org&username=Ada" effects={makeEffects()} />);
    await answerLostTwoFactorNoCodes();
    const warning = await find('[data-warning="duplicate"]');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain('https://github.com/pypi/support/issues/77');
    expect($('[data-step="tracker"] [data-status="submitted"]')!.textContent).toContain('submitted 3 days ago');
  });

  it('opens on the tracker when a reminder sent the user, and records the answer', async () => {
    const request = await recordSubmission(db, 'pypi.org', 'ada', 'https://github.com/pypi/support/issues/77', NOW - 14 * 86_400_000);
    render(<App db={db} search="?host=pypi.org&username=ada&from=reminder" effects={makeEffects()} />);
    const tracker = await find('[data-step="tracker"]');
    expect(document.querySelector('[data-step]')).toBe(tracker);
    expect($('[data-follow-up]')!.textContent).toMatch(/do not open a new request/);
    fireEvent.click(await find('[data-action="mark-answered"]'));
    await waitFor(() => expect($(`[data-request="${request.id}"]`)!.dataset.status).toBe('answered'));
    expect((await listRequests(db))[0]).toMatchObject({ status: 'answered', submittedAt: NOW - 14 * 86_400_000 });
  });
});

describe('following the link to PyPI’s password reset', () => {
  async function resetPath(search: string) {
    const expectPasswordReset = vi.fn<PageEffects['expectPasswordReset']>();
    render(<App db={db} search={search} effects={{ ...makeEffects(), expectPasswordReset }} />);
    await answer('password', 'forgotten');
    await answer('email', 'yes');
    await answer('twoFactor', 'works');
    expect((await find('[data-path]')).dataset.leaf).toBe('password-reset');
    return expectPasswordReset;
  }
  // The test opens no tab: the link's own navigation is cancelled after the page's handler ran.
  const follow = (link: HTMLElement, init?: MouseEventInit) => {
    link.addEventListener('click', (event) => event.preventDefault());
    link.addEventListener('auxclick', (event) => event.preventDefault());
    fireEvent(link, new MouseEvent(init?.button === 1 ? 'auxclick' : 'click', { bubbles: true, cancelable: true, ...init }));
  };

  it('tells the background the chosen account, and puts no username in the link', async () => {
    const expectPasswordReset = await resetPath('?host=test.pypi.org&username=ada.l');
    const link = $<HTMLAnchorElement>('[data-step-link="request-reset"]')!;
    expect(link.getAttribute('href')).toBe('https://test.pypi.org/account/request-password-reset/');
    expect(expectPasswordReset).not.toHaveBeenCalled();
    follow(link);
    expect(expectPasswordReset).toHaveBeenCalledExactlyOnceWith('test.pypi.org', 'ada.l');
  });

  it('also on a middle click, but not for the other links on the page', async () => {
    const expectPasswordReset = await resetPath('?host=pypi.org&username=ada');
    const others = [...document.querySelectorAll<HTMLElement>('[data-step-link]:not([data-step-link="request-reset"])')];
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) follow(other);
    expect(expectPasswordReset).not.toHaveBeenCalled();
    follow($('[data-step-link="request-reset"]')!, { button: 1 });
    expect(expectPasswordReset).toHaveBeenCalledExactlyOnceWith('pypi.org', 'ada');
  });
});
