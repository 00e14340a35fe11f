import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App, type PopupDeps } from '@/entrypoints/popup/App';
import { deleteStore, getAccount, getSettings, openStore, recordSnapshot, replaceEmailDomainRecords, saveAuditSummary, saveSettings, updateObserved } from '@/utils/store';
import { auditEveryAccount } from '@/utils/audit/summary';
import { summariseHistory } from '@/utils/events/history-summary';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';
import type { PypiHost } from '@/utils/pypi/hosts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);
let dbName: string;
let db: PypiGuardDb;
let counter = 0;
let deps: PopupDeps & { dataChanged: Mock<PopupDeps['dataChanged']>; clearNotification: Mock<PopupDeps['clearNotification']> };
let activeHost: PypiHost | null;

beforeEach(async () => {
  dbName = `pypi-guard-popup-${counter++}`;
  db = await openStore(dbName);
  activeHost = null;
  deps = {
    openDb: () => openStore(dbName),
    now: () => NOW,
    activeHost: async () => activeHost,
    extensionUrl: (path) => `chrome-extension://test/${path}`,
    dataChanged: vi.fn<PopupDeps['dataChanged']>(),
    clearNotification: vi.fn<PopupDeps['clearNotification']>(),
  };
});
afterEach(async () => {
  cleanup();
  db.close();
  await deleteStore(dbName);
});

const accountPage = (username: string, host: PypiHost, facts: Partial<AccountSnapshot>): AccountSnapshot & { username: string } => ({
  host,
  username,
  pageKind: 'account-settings',
  seenAt: NOW - DAY,
  emails: [{ address: `${username}@example.org`, primary: true, verified: true, status: 'verified' }],
  twoFactor: { totp: true, securityKeys: [] },
  recoveryCodes: { generated: true, unused: 7, generatedAt: NOW - 30 * DAY },
  apiTokens: [],
  securityEvents: [],
  ...facts,
});

const checkRow = (account: string, check: string) => document.querySelector(`[data-account="${account}"] [data-check="${check}"]`);

describe('popup', () => {
  it('shows the empty state leading to PyPI’s 2FA page when nothing is stored', async () => {
    render(<App deps={deps} />);
    const empty = await screen.findByText('No PyPI account seen yet.');
    expect(empty.closest('[data-empty-state]')?.querySelector('a')?.getAttribute('href')).toBe('https://pypi.org/manage/account/two-factor/');
  });

  it('paints the background’s summary at once, then what the store says', async () => {
    // The summary is from before alice turned 2FA off (the background's last tick); the store is current.
    await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
    const before = await getAccount(db, 'pypi.org/alice');
    await saveAuditSummary(db, { computedAt: NOW - DAY, entries: auditEveryAccount([{ account: before!, history: summariseHistory([], before!.observed) }], DEFAULT_SETTINGS, NOW - DAY), reminders: [] });
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { twoFactor: { totp: false, securityKeys: [] }, seenAt: NOW - DAY + 1 }));

    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const main = document.querySelector('main');
      const status = checkRow('pypi.org/alice', 'two-factor')?.getAttribute('data-status');
      const state = `${main?.getAttribute('data-source') ?? 'loading'}:${status ?? '-'}`;
      if (seen.at(-1) !== state) seen.push(state);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-source')).toBe('store'));
    observer.disconnect();
    expect(seen.filter((state) => !state.startsWith('loading'))).toEqual(['summary:pass', 'store:fail']);
  });

  it('without a summary (a new install, just wiped), waits for the store', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-source')).toBe('store'));
    expect(checkRow('pypi.org/alice', 'two-factor')?.getAttribute('data-status')).toBe('pass');
  });

  it('shows each check with its status for each account, the most urgent account first, then the active tab’s PyPI', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { twoFactor: { totp: false, securityKeys: [] }, seenAt: NOW - DAY }));
    await recordSnapshot(db, accountPage('bob', 'test.pypi.org', { seenAt: NOW - 2 * DAY }));
    await recordSnapshot(db, accountPage('carol', 'pypi.org', { seenAt: NOW - DAY }));
    activeHost = 'test.pypi.org';
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelectorAll('[data-account]')).toHaveLength(3));
    // alice has no 2FA: she leads although bob is on the active tab's PyPI; bob and carol are alike, so the active tab decides.
    expect([...document.querySelectorAll('[data-account]')].map((section) => section.getAttribute('data-account'))).toEqual(['pypi.org/alice', 'test.pypi.org/bob', 'pypi.org/carol']);
    expect(checkRow('pypi.org/alice', 'two-factor')?.getAttribute('data-status')).toBe('fail');
    expect(checkRow('test.pypi.org/bob', 'two-factor')?.getAttribute('data-status')).toBe('pass');
    expect(checkRow('test.pypi.org/bob', 'password-strength')?.getAttribute('data-status')).toBe('unknown');
    expect(screen.getByRole('status').textContent).toBe('alice: 1 problem · 1 to improve');
  });

  it('a fact PyPI Guard could not read shows as such, apart from “not seen yet”, with the PyPI page to open', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
    // The two-factor page came later and its recovery row had no count.
    await recordSnapshot(db, { host: 'pypi.org', username: 'alice', pageKind: 'two-factor-settings', seenAt: NOW - DAY + 1, unreadable: [{ fact: 'recoveryCodes', missing: 'recovery-count' }] }, '0.1.0');
    render(<App deps={deps} />);
    await waitFor(() => expect(checkRow('pypi.org/alice', 'recovery-codes-remaining')?.getAttribute('data-status')).toBe('unreadable'));
    // Both code checks read the same block and open the same page: said once, the second folded under the first.
    const row = checkRow('pypi.org/alice', 'recovery-codes') as HTMLElement;
    expect(row.getAttribute('data-status')).toBe('unreadable');
    expect(row.textContent).toContain("PyPI Guard could not read your recovery codes on PyPI's two-factor page; PyPI may have changed it.");
    expect(within(row).getAllByText('Could not read:').length).toBeGreaterThan(0);
    expect(within(row).getByRole('link', { name: /Open the two-factor page/ }).getAttribute('href')).toBe('https://pypi.org/manage/account/two-factor/');
    const folded = checkRow('pypi.org/alice', 'recovery-codes-remaining') as HTMLElement;
    expect(row.contains(folded)).toBe(true);
    expect(folded.textContent).toContain('Also settles: Recovery codes left');
    expect(folded.querySelector('[data-action]')).toBeNull();
    // Not seen yet is still its own state, in its own words.
    const notSeen = checkRow('pypi.org/alice', 'password-strength') as HTMLElement;
    expect(notSeen.getAttribute('data-status')).toBe('unknown');
    expect(notSeen.querySelector('.status-icon')?.textContent).toContain('Unknown:');
    expect(screen.getByRole('status').textContent).not.toMatch(/good shape/);
  });

  it('orders by last seen without an active PyPI tab', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { seenAt: NOW - 5 * DAY }));
    await recordSnapshot(db, accountPage('bob', 'test.pypi.org', { seenAt: NOW - DAY }));
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelectorAll('[data-account]')).toHaveLength(2));
    expect(document.querySelector('[data-account]')?.getAttribute('data-account')).toBe('test.pypi.org/bob');
  });

  it('a fix button opens the exact PyPI page of that account’s host', async () => {
    await recordSnapshot(db, accountPage('bob', 'test.pypi.org', { twoFactor: { totp: false, securityKeys: [] } }));
    render(<App deps={deps} />);
    await waitFor(() => expect(checkRow('test.pypi.org/bob', 'two-factor')).not.toBeNull());
    const fix = within(checkRow('test.pypi.org/bob', 'two-factor') as HTMLElement).getByRole('link', { name: /Add 2FA|first/ });
    expect(fix.getAttribute('href')).toBe('https://test.pypi.org/manage/account/two-factor/');
    expect(fix.getAttribute('target')).toBe('_blank');
  });

  it('recovery readiness opens the extension’s assistant for that account', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { projects: ['alice-tools'] }));
    render(<App deps={deps} />);
    await waitFor(() => expect(checkRow('pypi.org/alice', 'recovery-readiness')).not.toBeNull());
    const fix = within(checkRow('pypi.org/alice', 'recovery-readiness') as HTMLElement).getByRole('link', { name: /Look them up/ });
    expect(fix.getAttribute('href')).toBe('chrome-extension://test/recovery.html?host=pypi.org&username=alice&from=popup&intent=evidence');
  });

  it('“It was me” acknowledges security events, turns the check green and tells the background', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { securityEvents: [{ tag: 'account:login:failure', summary: 'Login failed', time: NOW - 2 * DAY, location: 'Lagos' }] }));
    render(<App deps={deps} />);
    await waitFor(() => expect(checkRow('pypi.org/alice', 'security-events')?.getAttribute('data-status')).toBe('fail'));
    fireEvent.click(within(checkRow('pypi.org/alice', 'security-events') as HTMLElement).getByRole('button', { name: /It was me/ }));
    await waitFor(() => expect(checkRow('pypi.org/alice', 'security-events')?.getAttribute('data-status')).toBe('pass'));
    expect((await getAccount(db, 'pypi.org/alice'))?.observed?.eventsAcknowledgedAt).toBe(NOW);
    expect(deps.dataChanged).toHaveBeenCalledTimes(1);
  });

  it('offers to acknowledge rows it could not read (unknown), which clears them; none on a pass', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { securityEvents: [{ tag: 'unknown', summary: 'Anmeldung fehlgeschlagen', time: NOW - 2 * DAY }] }));
    await recordSnapshot(db, accountPage('bob', 'test.pypi.org', { securityEvents: [{ tag: 'account:login:success', summary: 'Logged in', time: NOW - 2 * DAY }] }));
    render(<App deps={deps} />);
    await waitFor(() => expect(checkRow('pypi.org/alice', 'security-events')?.getAttribute('data-status')).toBe('unknown'));
    expect(checkRow('test.pypi.org/bob', 'security-events')?.getAttribute('data-status')).toBe('pass');
    expect(checkRow('test.pypi.org/bob', 'security-events')?.querySelector('[data-action="acknowledge"]')).toBeNull();
    fireEvent.click(within(checkRow('pypi.org/alice', 'security-events') as HTMLElement).getByRole('button', { name: /I checked them/ }));
    await waitFor(() => expect(checkRow('pypi.org/alice', 'security-events')?.getAttribute('data-status')).toBe('pass'));
    expect((await getAccount(db, 'pypi.org/alice'))?.observed?.eventsAcknowledgedAt).toBe(NOW);
    expect(checkRow('pypi.org/alice', 'security-events')?.querySelector('[data-action="acknowledge"]')).toBeNull();
  });

  it('while loading, shows the same frame it shows after: header with its reminders line, body, footer', async () => {
    deps.openDb = () => new Promise<PypiGuardDb>(() => undefined); // never answers: stays loading
    render(<App deps={deps} />);
    const main = document.querySelector('main')!;
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect([...main.children].map((child) => child.className)).toEqual(['popup__header popup__header--none', 'popup__body', 'popup__footer']);
    expect(main.querySelector('.popup__header [data-slot="reminders"]')).not.toBeNull();
    expect(main.querySelector('.popup__body [data-skeleton]')).not.toBeNull();
  });

  it('keeps the frame once loaded; due reminders come after the accounts, and the header’s line links to them', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
    await updateObserved(db, 'pypi.org/alice', (observed) => ({ ...observed, passwordChangedAt: NOW - 200 * DAY }));
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelector('[data-reminder]')).not.toBeNull());
    const main = document.querySelector('main')!;
    expect([...main.children].map((child) => child.className)).toEqual(['popup__header popup__header--warn', 'popup__body', 'popup__footer']);
    const body = main.querySelector('.popup__body')!;
    // alice@example.org is on her own domain: the one-time email-domain offer sits between them.
    expect([...body.children].map((child) => child.getAttribute('data-account') ?? child.id)).toEqual(['pypi.org/alice', 'email-domain-offer', 'reminders']);
    const line = main.querySelector('[data-slot="reminders"]')!;
    expect(line.textContent).toContain('1 reminder due');
    expect(line.querySelector('a')?.getAttribute('href')).toBe('#reminders');
  });

  it('says “No reminders due” in the reminders line when none is', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelector('[data-account]')).not.toBeNull());
    expect(document.querySelector('[data-slot="reminders"]')?.textContent).toBe('No reminders due');
    expect(document.querySelector('#reminders')).toBeNull();
  });

  it('lists failing checks first within an account', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { twoFactor: { totp: false, securityKeys: [] } }));
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelectorAll('[data-check]').length).toBeGreaterThan(5));
    const statuses = [...document.querySelectorAll('[data-check]')].map((row) => row.getAttribute('data-status'));
    expect(statuses[0]).toBe('fail');
    expect(statuses.indexOf('pass')).toBeGreaterThan(statuses.lastIndexOf('warn'));
  });

  it('folds the passing checks into one line that expands, with no buttons, and keeps their rows', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', { twoFactor: { totp: true, securityKeys: ['key'] }, projects: [] }));
    render(<App deps={deps} />);
    await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-source')).toBe('store'));
    const account = document.querySelector('[data-account="pypi.org/alice"]') as HTMLElement;
    const passing = [...account.querySelectorAll('[data-check][data-status="pass"]')];
    expect(passing.length).toBeGreaterThan(2);
    const fold = account.querySelector('details[data-passing]') as HTMLDetailsElement;
    expect(fold.open).toBe(false);
    expect(fold.querySelector('summary')?.textContent).toContain(`${passing.length} checks pass`);
    // Every passing row is inside the fold, and none has a button.
    expect(passing.every((row) => fold.contains(row))).toBe(true);
    expect(fold.querySelectorAll('a, button')).toHaveLength(0);
    // What is not passing stays outside it, each with its fix.
    const open = [...account.querySelectorAll(':scope > .checks > [data-check]')];
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((row) => row.getAttribute('data-status') !== 'pass' && row.querySelector('[data-action="fix"]'))).toBe(true);
  });

  it('lists due reminders with Open, Snooze and Done, and Done takes one away', async () => {
    await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
    await updateObserved(db, 'pypi.org/alice', (observed) => ({ ...observed, passwordChangedAt: NOW - 200 * DAY }));
    render(<App deps={deps} />);
    const reminder = await waitFor(() => {
      const row = document.querySelector('[data-reminder="password-rotation|pypi.org/alice"]');
      expect(row).not.toBeNull();
      return row as HTMLElement;
    });
    expect(within(reminder).getByRole('link', { name: /Open/ }).getAttribute('href')).toBe('https://pypi.org/manage/account/#change-password');
    fireEvent.click(within(reminder).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(document.querySelector('[data-reminder]')).toBeNull());
    expect(deps.clearNotification).toHaveBeenCalled();
    expect(deps.dataChanged).toHaveBeenCalled();
  });

  it('says so, without a stack trace, when the data cannot be read', async () => {
    deps.openDb = () => Promise.reject(new Error('boom'));
    render(<App deps={deps} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not read its data/);
  });

  describe('the one-time email-domain offer', () => {
    const offer = () => document.querySelector('[data-offer="email-domain-check"]');

    it('asks once, for an address on the user’s own domain; “Check them” turns the check on and shows its result', async () => {
      await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
      // What the background's tick does when told the data changed: it looks the domain up.
      deps.dataChanged.mockImplementation(async () => {
        await replaceEmailDomainRecords(db, [
          { domain: 'example.org', hosts: ['example.org'], failures: 0, nextCheckAt: NOW + DAY, answer: { kind: 'registered', expiresAt: NOW + 10 * DAY, statuses: ['active'], answeredAt: NOW } },
        ]);
      });
      render(<App deps={deps} />);
      await waitFor(() => expect(offer()).not.toBeNull());
      expect(offer()!.textContent).toContain('Check when your email domains expire?');
      expect(offer()!.textContent).toContain('example.org');
      expect(checkRow('pypi.org/alice', 'email-domain')).toBeNull();

      fireEvent.click(within(offer() as HTMLElement).getByRole('button', { name: 'Check them' }));
      await waitFor(() => expect(checkRow('pypi.org/alice', 'email-domain')?.getAttribute('data-status')).toBe('warn'));
      expect(offer()).toBeNull();
      expect(deps.dataChanged).toHaveBeenCalledTimes(1);
      expect(await getSettings(db)).toMatchObject({ emailDomainCheck: true, emailDomainCheckOffered: true });
    });

    it('“No thanks” is final: the check stays off and the question does not come back', async () => {
      await recordSnapshot(db, accountPage('alice', 'pypi.org', {}));
      render(<App deps={deps} />);
      await waitFor(() => expect(offer()).not.toBeNull());
      fireEvent.click(within(offer() as HTMLElement).getByRole('button', { name: 'No thanks' }));
      await waitFor(() => expect(offer()).toBeNull());
      expect(await getSettings(db)).toMatchObject({ emailDomainCheck: false, emailDomainCheckOffered: true });
      cleanup();
      render(<App deps={deps} />);
      await waitFor(() => expect(document.querySelector('[data-account]')).not.toBeNull());
      await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-source')).toBe('store'));
      expect(offer()).toBeNull();
    });

    it('is not offered when every address is at a large mail provider, nor once the check is on', async () => {
      await recordSnapshot(db, accountPage('alice', 'pypi.org', { emails: [{ address: 'alice@gmail.com', primary: true, verified: true, status: 'verified' }] }));
      render(<App deps={deps} />);
      await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-source')).toBe('store'));
      expect(offer()).toBeNull();
      cleanup();

      await recordSnapshot(db, accountPage('bob', 'pypi.org', {}));
      await saveSettings(db, { emailDomainCheck: true });
      render(<App deps={deps} />);
      await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-source')).toBe('store'));
      expect(offer()).toBeNull();
      expect(checkRow('pypi.org/alice', 'email-domain')?.getAttribute('data-status')).toBe('pass');
      expect(checkRow('pypi.org/bob', 'email-domain')?.getAttribute('data-status')).toBe('unknown');
    });
  });
});
