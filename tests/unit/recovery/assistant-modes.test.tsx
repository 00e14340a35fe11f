import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { App } from '@/entrypoints/recovery/App';
import { recoveryReadiness } from '@/utils/audit/checks/recovery-readiness';
import { parseRecoveryQuery } from '@/utils/recovery/query';
import { listRequests, recordSubmission } from '@/utils/recovery/tracker';
import { deleteStore, getAccount, openStore, recordSnapshot } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { AccountRecord } from '@/utils/store/types';
import { $, NOW, answer, answerLostTwoFactorNoCodes, find, makeEffects } from './page-harness';

const DAY = 86_400_000;
const seenAt = Date.UTC(2026, 4, 1);
let db: PypiGuardDb;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  dbName = `pypi-guard-modes-test-${counter++}`;
  db = await openStore(dbName);
});
afterEach(async () => {
  cleanup();
  db.close();
  await deleteStore(dbName);
});

async function seed(host: 'pypi.org' | 'test.pypi.org' = 'pypi.org', username = 'Ada', projects = ['engine'], at = seenAt) {
  await recordSnapshot(db, {
    host,
    username,
    pageKind: 'account-settings',
    seenAt: at,
    dateJoined: Date.UTC(2019, 2, 4),
    emails: [{ address: 'ada@example.org', primary: true, verified: true, status: 'verified' }],
    twoFactor: { totp: true, securityKeys: [] },
  });
  await recordSnapshot(db, { host, username, pageKind: 'projects', seenAt: at + 1, projects });
}

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

describe('evidence mode (?intent=evidence): the kit at once, while the user can still log in', () => {
  it('is where the popup’s “Prepare your evidence” leads', () => {
    const account: AccountRecord = {
      id: 'pypi.org/ada',
      host: 'pypi.org',
      username: 'ada',
      firstSeenAt: seenAt,
      lastSeenAt: seenAt,
      pagesSeenAt: {},
      emails: { value: [{ address: 'ada@example.org', primary: true, verified: true, status: 'verified' }], seenAt },
      projects: { value: ['engine'], seenAt },
      projectSources: { value: [{ project: 'engine', repositoryUrl: 'https://github.com/ada/engine' }], seenAt },
    };
    const result = recoveryReadiness.run({ account, events: [], settings: {} } as unknown as Parameters<typeof recoveryReadiness.run>[0], NOW);
    expect(result).toMatchObject({ status: 'pass', fixLabel: 'Prepare your evidence', fix: { kind: 'extension' } });
    const path = (result.fix as { path: string }).path;
    expect(path.startsWith('recovery.html?')).toBe(true);
    expect(parseRecoveryQuery(path.slice('recovery.html'.length))).toEqual({ host: 'pypi.org', username: 'ada', from: 'popup', intent: 'evidence' });
  });

  it('shows the filled kit for the chosen account without a question, exports it as Markdown and looks up the repositories', async () => {
    await seed();
    const effects = makeEffects();
    effects.fetch.mockImplementation(async () => json({ info: { name: 'engine', project_urls: { Source: 'https://github.com/ada/engine' } } }));
    render(<App db={db} search="?host=pypi.org&username=ada&from=popup&intent=evidence" effects={effects} />);

    const kit = await find('[data-step="evidence"]');
    expect(kit.querySelector('h2')!.textContent).toMatch(/while you still have access/);
    expect($('[data-question]')).toBeNull();
    expect($('[data-step="path"]')).toBeNull();
    await waitFor(() => expect($('[data-evidence="date-joined"]')!.dataset.source).toBe('stored'));
    expect($('[data-evidence="emails"]')!.textContent).toContain('ada@example.org (primary, verified)');
    expect($('[data-evidence="projects"]')!.textContent).toContain('engine');
    expect($('[data-evidence="reason"]')!.dataset.source).toBe('missing');

    // Markdown: as a file and on the clipboard, the same text.
    fireEvent.click($('[data-action="download-evidence"]')!);
    const [fileName, markdown] = effects.download.mock.calls[0]!;
    expect(fileName).toBe('pypi-evidence-pypi.org-Ada-2026-06-15.md');
    expect(markdown).toContain('- [x] **Account creation date**: 2019-03-04');
    fireEvent.click($('[data-copy="evidence-markdown"]')!);
    await waitFor(() => expect(effects.copy).toHaveBeenCalledWith(markdown));

    // The one item stored data cannot fill yet: where a branch could be pushed.
    expect($('[data-evidence="source-repositories"]')!.dataset.source).toBe('missing');
    fireEvent.click($('[data-evidence="source-repositories"] [data-action="look-up-sources"]')!);
    await waitFor(() => expect($('[data-evidence="source-repositories"]')!.textContent).toContain('engine: https://github.com/ada/engine'));
    expect(effects.fetch).toHaveBeenCalledExactlyOnceWith('https://pypi.org/pypi/engine/json', expect.objectContaining({ credentials: 'omit' }));
    expect($('[data-action="look-up-sources"]')).toBeNull();
    expect(effects.dataChanged).toHaveBeenCalledOnce();

    // Locked out after all: the questions, for the same account.
    fireEvent.click($('[data-action="start-recovery"]')!);
    await find('[data-question="password"]');
    expect($('[data-chosen-account]')!.dataset.chosenAccount).toBe('pypi.org/ada');
  });

  it('asks for the account first when the link names none, then shows its kit', async () => {
    await seed('test.pypi.org', 'ada');
    render(<App db={db} search="?intent=evidence&from=popup" effects={makeEffects()} />);
    expect((await find<HTMLInputElement>('[data-account="test.pypi.org/ada"]')).checked).toBe(true);
    expect($('[data-step="evidence"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect($('[data-evidence="projects"]')?.dataset.source).toBe('stored'));
  });
});

describe('opened from the lost-2FA prompt with only the host', () => {
  it('preselects that host’s most recent stored account', async () => {
    await seed('pypi.org', 'ada', ['engine'], seenAt + 5 * DAY);
    await seed('test.pypi.org', 'ada-test', ['engine'], seenAt);
    await seed('test.pypi.org', 'ada-newer', ['engine'], seenAt + DAY);
    render(<App db={db} search="?host=test.pypi.org&from=prompt" effects={makeEffects()} />);
    expect((await find<HTMLInputElement>('[data-account="test.pypi.org/ada-newer"]')).checked).toBe(true);
    expect($<HTMLInputElement>('[data-account="pypi.org/ada"]')!.checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await find('[data-chosen-account]')).dataset.chosenAccount).toBe('test.pypi.org/ada-newer');
  });

  it('types the account on that host when none is stored there', async () => {
    await seed('pypi.org', 'ada');
    render(<App db={db} search="?host=test.pypi.org&from=prompt" effects={makeEffects()} />);
    expect((await find<HTMLInputElement>('[data-account="other"]')).checked).toBe(true);
    expect($<HTMLSelectElement>('[data-field="account-host"]')!.value).toBe('test.pypi.org');
    fireEvent.input($('[data-field="account-username"]')!, { target: { value: 'grace' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await find('[data-chosen-account]')).dataset.chosenAccount).toBe('test.pypi.org/grace');
  });

  it('goes straight to the questions when the background passed the username too, and does not ask whether the password works', async () => {
    render(<App db={db} search="?host=test.pypi.org&username=grace&from=prompt" effects={makeEffects()} />);
    expect((await find('[data-chosen-account]')).dataset.chosenAccount).toBe('test.pypi.org/grace');
    // The lost-2FA prompt shows only after PyPI accepted the password: the first question is the mailbox.
    await find('[data-question="email"]');
    expect($('[data-question="password"]')).toBeNull();
    const known = $('[data-answered="password"]')!;
    expect(known.dataset.answer).toBe('works');
    expect(known.querySelector('[data-known]')!.textContent).toContain('you reached its two-factor step');
    // Still the user's to change: then the question is asked.
    fireEvent.click($('[data-action="change-password"]')!);
    await find('[data-question="password"]');
  });

  it('from the popup, asks about the password first', async () => {
    render(<App db={db} search="?host=test.pypi.org&username=grace&from=popup" effects={makeEffects()} />);
    await find('[data-question="password"]');
    expect($('[data-answered]')).toBeNull();
  });
});

describe('the duplicate-request warning', () => {
  it('does not warn about the request the user has just filed from this page', async () => {
    const effects = makeEffects();
    render(<App db={db} search="?host=pypi.org&username=ada" effects={effects} />);
    await answerLostTwoFactorNoCodes();
    await find('[data-step="request"]');
    // The way is found: the answers fold into one closed line, each still there to change.
    const folded = $<HTMLDetailsElement>('details[data-answers-folded]')!;
    expect(folded.open).toBe(false);
    expect(folded.querySelector('[data-action="change-email"]')).not.toBeNull();
    expect($('[data-warning="duplicate"]')).toBeNull();
    fireEvent.input($('[data-field="issue-url"]')!, { target: { value: 'https://github.com/pypi/support/issues/9001' } });
    fireEvent.click($('[data-action="mark-submitted"]')!);
    await find('[data-status="submitted"]');
    // The tracker lists it once the page has reloaded the requests: the warning must not take it for a duplicate.
    await find('[data-step="tracker"] [data-request]');
    expect($('[data-warning="duplicate"]')).toBeNull();
  });

  it('warns about another open request for the account, and only that one', async () => {
    await recordSubmission(db, 'pypi.org', 'ada', 'https://github.com/pypi/support/issues/77', NOW - 3 * DAY);
    await recordSubmission(db, 'pypi.org', 'someone-else', 'https://github.com/pypi/support/issues/78', NOW - 3 * DAY);
    render(<App db={db} search="?host=pypi.org&username=ada" effects={makeEffects()} />);
    await answerLostTwoFactorNoCodes();
    const warning = await find('[data-warning="duplicate"]');
    expect([...warning.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://github.com/pypi/support/issues/77']);
    // Filing anyway (a second issue): the warning still names the earlier one, not the new one.
    fireEvent.input($('[data-field="issue-url"]')!, { target: { value: 'https://github.com/pypi/support/issues/9002' } });
    fireEvent.click($('[data-action="mark-submitted"]')!);
    await find('[data-status="submitted"]');
    await waitFor(async () => expect(await listRequests(db)).toHaveLength(3));
    await waitFor(() => expect(document.querySelectorAll('[data-step="tracker"] [data-request]')).toHaveLength(3));
    expect([...$('[data-warning="duplicate"]')!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://github.com/pypi/support/issues/77']);
  });
});

describe('looking up the project repositories from the assistant', () => {
  it('adds the new sources to the known ones, so the button does not come back', async () => {
    await seed('pypi.org', 'ada', ['engine', 'gears']);
    const record = (await getAccount(db, 'pypi.org/ada'))!;
    await db.put('accounts', { ...record, projectSources: { value: [{ project: 'engine', repositoryUrl: null }], seenAt } });
    const effects = makeEffects();
    effects.fetch.mockImplementation(async () => json({ info: { name: 'gears', project_urls: null } }));
    render(<App db={db} search="?host=pypi.org&username=ada" effects={effects} />);
    await answerLostTwoFactorNoCodes();
    const push = await find('[data-next-step="push-branch"]');
    await waitFor(() => expect(push.textContent).toContain('source yet (gears)'));
    expect(push.dataset.ability).toBe('unknown');
    fireEvent.click($('[data-next-step="push-branch"] [data-action="look-up-sources"]')!);
    await waitFor(() => expect($('[data-next-step="push-branch"]')!.dataset.ability).toBe('no'));
    expect(effects.fetch).toHaveBeenCalledExactlyOnceWith('https://pypi.org/pypi/gears/json', expect.anything());
    expect($('[data-action="look-up-sources"]')).toBeNull();
    expect((await getAccount(db, 'pypi.org/ada'))?.projectSources?.value).toEqual([
      { project: 'gears', repositoryUrl: null },
      { project: 'engine', repositoryUrl: null },
    ]);
  });
});

describe('telling the background after each tracker write', () => {
  /** What the store holds when the page calls dataChanged: the write must be done by then. */
  function watchStore(effects: ReturnType<typeof makeEffects>) {
    const seen: Promise<string[]>[] = [];
    effects.dataChanged.mockImplementation(() => void seen.push(listRequests(db).then((all) => all.map((request) => `${request.issueUrl ?? '-'}:${request.status}`))));
    return seen;
  }

  /** On the support path for ada: review the request, then open PyPI's form (which drafts it). */
  async function openTheFormFor(effects: ReturnType<typeof makeEffects>) {
    render(<App db={db} search="?host=pypi.org&username=ada" effects={effects} />);
    await answerLostTwoFactorNoCodes();
    fireEvent.click(await find('[data-field="reviewed"]'));
    await waitFor(() => expect($<HTMLButtonElement>('[data-action="open-form"]')!.disabled).toBe(false));
    fireEvent.click($('[data-action="open-form"]')!);
  }

  it('after opening the form, marking submitted, answered and resolved', async () => {
    const effects = makeEffects();
    const seen = watchStore(effects);
    await openTheFormFor(effects);
    await waitFor(() => expect(seen).toHaveLength(1));
    fireEvent.input($('[data-field="issue-url"]')!, { target: { value: 'https://github.com/pypi/support/issues/9001' } });
    fireEvent.click($('[data-action="mark-submitted"]')!);
    await waitFor(() => expect(seen).toHaveLength(2));
    fireEvent.click(await find('[data-action="mark-answered"]'));
    await waitFor(() => expect(seen).toHaveLength(3));
    fireEvent.click(await find('[data-action="mark-resolved"]'));
    await waitFor(() => expect(seen).toHaveLength(4));
    const issue = 'https://github.com/pypi/support/issues/9001';
    expect(await Promise.all(seen)).toEqual([['-:drafted'], [`${issue}:submitted`], [`${issue}:answered`], [`${issue}:resolved`]]);
  });

  it('after discarding a draft, and not after a change that failed', async () => {
    const effects = makeEffects();
    const seen = watchStore(effects);
    await openTheFormFor(effects);
    fireEvent.click(await find('[data-action="discard-draft"]'));
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(await seen[1]).toEqual([]);

    fireEvent.input($('[data-field="issue-url"]')!, { target: { value: 'https://github.com/pypi/support/issues/new' } });
    fireEvent.click($('[data-action="mark-submitted"]')!);
    await find('#issue-url-error');
    expect(seen).toHaveLength(2);
  });
});

describe('the page explains two paths that are not a support request', () => {
  it('a breach-disabled password with a working mailbox: the reset, and why', async () => {
    render(<App db={db} search="?host=pypi.org&username=ada" effects={makeEffects()} />);
    await answer('password', 'disabled');
    await answer('email', 'yes');
    await answer('twoFactor', 'works');
    expect((await find('[data-path]')).dataset.path).toBe('password-reset');
    expect($('[data-why="breached-password-reset"]')!.textContent).toMatch(/data breach.*not lost.*Forgot password\?/);
    expect($('[data-step="request"]')).toBeNull();
  });

  it('a lost mailbox while the user can log in: log in and replace the address, and why', async () => {
    render(<App db={db} search="?host=pypi.org&username=ada" effects={makeEffects()} />);
    await answer('password', 'works');
    await answer('email', 'no');
    await answer('twoFactor', 'works');
    expect((await find('[data-path]')).dataset.path).toBe('sign-in');
    expect($('[data-why="lost-email-can-sign-in"]')!.textContent).toMatch(/still get into the account.*nothing for PyPI’s admins to restore/);
    expect($('[data-after-steps] [data-step-id="update-email"]')).not.toBeNull();
  });

  it('no such note on the support path', async () => {
    render(<App db={db} search="?host=pypi.org&username=ada" effects={makeEffects()} />);
    await answerLostTwoFactorNoCodes();
    await find('[data-path="support-request"]');
    expect($('[data-why-not-support]')).toBeNull();
  });
});

describe('the help text on what the scrub cannot catch', () => {
  it('says a password typed on its own is not recognised', async () => {
    render(<App db={db} search="?host=pypi.org&username=ada" effects={makeEffects()} />);
    await answerLostTwoFactorNoCodes();
    expect((await find('[data-warning="public"]')).textContent).toMatch(/a password on its own looks like any other word and would stay/);
    expect($('#evidence-notes-help')!.textContent).toMatch(/password typed on its own cannot be told from other words/);
  });
});
