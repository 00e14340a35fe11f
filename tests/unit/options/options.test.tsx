import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { OptionsApp } from '@/entrypoints/options/App';
import type { OptionsDeps } from '@/entrypoints/options/deps';
import { claimReminderFiring, deleteStore, exportAll, getReminderHistory, getReminderState, getSettings, openStore, saveSettings, type ExportFile } from '@/utils/store';
import { formatDateTime } from '@/utils/text/format';
import type { PypiGuardDb } from '@/utils/store/schema';
import { seedEverything } from '../store/seed';
import { DAY, HOUR, UTC } from '../reminders/builders';

const NOW = Date.UTC(2026, 10, 1, 12);
let dbName: string;
let db: PypiGuardDb;
let counter = 0;
let deps: OptionsDeps & {
  refreshReminders: Mock<OptionsDeps['refreshReminders']>;
  clearNotification: Mock<OptionsDeps['clearNotification']>;
  download: Mock<OptionsDeps['download']>;
};

beforeEach(async () => {
  dbName = `pypi-guard-options-${counter++}`;
  db = await openStore(dbName);
  deps = {
    openDb: () => openStore(dbName),
    now: () => NOW,
    clock: UTC,
    refreshReminders: vi.fn<OptionsDeps['refreshReminders']>(async () => undefined),
    clearNotification: vi.fn<OptionsDeps['clearNotification']>(),
    download: vi.fn<OptionsDeps['download']>(),
  };
});
afterEach(async () => {
  cleanup();
  db.close();
  await deleteStore(dbName);
});

async function renderOptions() {
  render(<OptionsApp deps={deps} />);
  await screen.findByRole('heading', { name: 'Reminders' });
}

const statusSays = (text: string | RegExp) => waitFor(() => expect(screen.getByRole('status')).toHaveProperty('textContent', expect.stringMatching(text)));

/** carol changed her password 181 days ago: on the default 180-day schedule, a reminder is due. */
async function storeCarolDueForRotation(): Promise<void> {
  await db.put('accounts', {
    id: 'pypi.org/carol',
    host: 'pypi.org',
    username: 'carol',
    firstSeenAt: NOW - 400 * DAY,
    lastSeenAt: NOW,
    pagesSeenAt: { 'account-settings': NOW },
    observed: { passwordChangedAt: NOW - 181 * DAY },
  });
}

describe('reminder settings', () => {
  it('saves the schedule and asks the background to refresh', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('radio', { name: 'Every 90 days' }));
    await statusSays('Saved.');
    expect((await getSettings(db)).passwordRotationDays).toBe(90);
    expect(screen.getByRole('radio', { name: 'Every 90 days' })).toHaveProperty('checked', true);
    expect(deps.refreshReminders).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('radio', { name: 'Off: only on evidence' }));
    await waitFor(async () => expect((await getSettings(db)).passwordRotationDays).toBe(0));
  });

  it('tells the background after every write, once the write is stored, and shows the page after its answer', async () => {
    let release!: () => void;
    const seenByBackground: number[] = [];
    deps.refreshReminders.mockImplementation(async () => {
      seenByBackground.push((await getSettings(db)).passwordRotationDays);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await renderOptions();
    fireEvent.click(screen.getByRole('radio', { name: 'Every 365 days' }));
    await waitFor(() => expect(seenByBackground).toEqual([365]));
    expect(screen.getByRole('status').textContent).toBe(''); // still waiting for the background's tick
    release();
    await statusSays('Saved.');
    deps.refreshReminders.mockImplementation(async () => undefined);

    fireEvent.click(screen.getByRole('checkbox', { name: /^Recovery codes/ }));
    await waitFor(() => expect(deps.refreshReminders).toHaveBeenCalledTimes(2));
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await statusSays('Reminders paused.');
    expect(deps.refreshReminders).toHaveBeenCalledTimes(3);
  });

  it('has one control for the password’s calendar reminder, defaulting to what its text advises', async () => {
    await renderOptions();
    // No second switch that turns off the same reminder.
    expect(screen.queryByRole('checkbox', { name: /^Password changes/ })).toBeNull();
    const schedule = screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).name === 'password-schedule') as HTMLInputElement[];
    expect(schedule.map((radio) => radio.value)).toEqual(['90', '180', '365', '0']);
    const checked = schedule.find((radio) => radio.checked)!;
    expect(checked.value).toBe('180');
    expect(checked.closest('label')!.textContent).toBe('Every 180 days (default)');
    // The text says what the default does, and does not argue against it.
    const note = document.getElementById(checked.getAttribute('aria-describedby')!)!.textContent!;
    expect(note).toMatch(/change your password every few months, and at once when there is evidence/);
    expect(note).toMatch(/breach hit.*weak strength score.*failed logins.*unrecognised login/);
    expect(note).not.toMatch(/NIST|not by calendar/);
    // "Off" is the one way to stop the calendar reminder.
    fireEvent.click(screen.getByRole('radio', { name: 'Off: only on evidence' }));
    await waitFor(async () => expect((await getSettings(db)).passwordRotationDays).toBe(0));
  });

  it('turns a reminder kind off', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Security check-up/ }));
    await waitFor(async () => expect((await getSettings(db)).reminders.checkUp).toBe(false));
    expect((await getSettings(db)).reminders.recoveryCodes).toBe(true);
  });

  it('sets quiet hours that wrap midnight', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: /No notifications during quiet hours/ }));
    const from = await screen.findByRole('combobox', { name: 'From' });
    fireEvent.change(from, { target: { value: '23' } });
    await waitFor(async () => expect((await getSettings(db)).quietHours).toEqual({ startHour: 23, endHour: 7 }));
    fireEvent.change(screen.getByRole('combobox', { name: 'until' }), { target: { value: '6' } });
    await waitFor(async () => expect((await getSettings(db)).quietHours).toEqual({ startHour: 23, endHour: 6 }));
  });

  it('pauses for a week and resumes', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await statusSays('Reminders paused.');
    expect((await getSettings(db)).pausedUntil).toBe(NOW + 7 * DAY);
    fireEvent.click(screen.getByRole('button', { name: 'Resume reminders' }));
    await statusSays('Reminders resumed.');
    expect((await getSettings(db)).pausedUntil).toBeNull();
  });

  it('turns the breach check off', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: /Have I Been Pwned/ }));
    await waitFor(async () => expect((await getSettings(db)).breachCheck).toBe(false));
  });

  it('saves a valid drill interval and explains an invalid one without saving it', async () => {
    await renderOptions();
    const field = screen.getByRole('spinbutton', { name: 'Recovery-code drill every' });
    fireEvent.input(field, { target: { value: '3' } });
    fireEvent.change(field);
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number of days from 7 to 365.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((await getSettings(db)).drillIntervalDays).toBe(60);

    fireEvent.input(field, { target: { value: '90' } });
    fireEvent.change(field);
    await waitFor(async () => expect((await getSettings(db)).drillIntervalDays).toBe(90));
    expect(screen.queryByRole('alert')).toBeNull();

    const stale = screen.getByRole('spinbutton', { name: /Security check-up when the account page is older than/ });
    fireEvent.input(stale, { target: { value: '45' } });
    fireEvent.keyDown(stale, { key: 'Enter' });
    await waitFor(async () => expect((await getSettings(db)).staleAfterDays).toBe(45));
  });

  it('day fields show the stored value again after an import or a wipe', async () => {
    await saveSettings(db, { drillIntervalDays: 90, staleAfterDays: 45 });
    const exported = JSON.stringify(await exportAll(db, new Date(NOW)));
    await saveSettings(db, { drillIntervalDays: 21, staleAfterDays: 14 });
    await renderOptions();
    const drill = () => screen.getByRole('spinbutton', { name: 'Recovery-code drill every' }) as HTMLInputElement;
    const stale = () => screen.getByRole('spinbutton', { name: /Security check-up when the account page is older than/ }) as HTMLInputElement;
    expect([drill().value, stale().value]).toEqual(['21', '14']);

    // An invalid draft with its error: the import replaces both.
    fireEvent.input(drill(), { target: { value: '3' } });
    fireEvent.change(drill());
    await screen.findByRole('alert');
    const input = screen.getByLabelText(/Import from an export file/) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([exported], 'export.json', { type: 'application/json' })], configurable: true });
    fireEvent.change(input);
    await statusSays(/Import finished/);
    await waitFor(() => expect([drill().value, stale().value]).toEqual(['90', '45']));
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await statusSays('All data deleted.');
    await waitFor(() => expect([drill().value, stale().value]).toEqual(['60', '30'])); // the defaults
  });
});

describe('accounts', () => {
  it('lists accounts with their password date and forgets one after confirmation', async () => {
    await seedEverything(db, NOW);
    await renderOptions();
    const card = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-account="pypi.org/alice"]');
      if (!element) throw new Error('account not listed yet');
      return element;
    });
    expect(card.textContent).toMatch(/Password last changed/);

    fireEvent.click(within(card).getByRole('button', { name: 'Forget alice on pypi.org' }));
    const confirm = within(card).getByRole('group', { name: 'Forget pypi.org/alice' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(confirm.textContent).toMatch(/reminders and their history,\s+recovery requests and prompt choices are removed/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget this account' }));
    await statusSays('Forgot pypi.org/alice.');
    expect(document.querySelector('[data-account="pypi.org/alice"]')).toBeNull();
    expect(await db.get('accounts', 'pypi.org/alice')).toBeUndefined();
    expect(await getReminderState(db, 'check-up|pypi.org/alice')).toBeUndefined();
    expect(deps.refreshReminders).toHaveBeenCalled();
  });

  it('forgetting an account stops its recovery follow-up: request, reminder state and history go', async () => {
    await db.put('accounts', { id: 'pypi.org/dave', host: 'pypi.org', username: 'dave', firstSeenAt: NOW - 400 * DAY, lastSeenAt: NOW, pagesSeenAt: { 'account-settings': NOW } });
    await db.put('recoveryRequests', { id: 'req-dave', host: 'pypi.org', username: 'dave', status: 'submitted', createdAt: NOW - 20 * DAY, submittedAt: NOW - 20 * DAY, updatedAt: NOW - 20 * DAY });
    await claimReminderFiring(db, { id: 'recovery-follow-up|req-dave', kind: 'recovery-follow-up', accountId: 'pypi.org/dave', period: `no-reply:${NOW - 6 * DAY}` }, undefined, NOW - 6 * DAY);
    await db.put('prompts', { id: 'pypi.org/dave|enable-2fa', dismissedAt: NOW });
    await renderOptions();
    expect(document.querySelector('[data-reminder="recovery-follow-up|req-dave"]')).not.toBeNull();

    fireEvent.click(await screen.findByRole('button', { name: 'Forget dave on pypi.org' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget this account' }));
    await statusSays('Forgot pypi.org/dave.');
    expect(await db.get('recoveryRequests', 'req-dave')).toBeUndefined();
    expect(await getReminderState(db, 'recovery-follow-up|req-dave')).toBeUndefined();
    expect(await db.get('prompts', 'pypi.org/dave|enable-2fa')).toBeUndefined();
    expect(await getReminderHistory(db)).toEqual([]);
    expect(document.querySelector('[data-reminder="recovery-follow-up|req-dave"]')).toBeNull();
  });

  it('says why no password reminder can be scheduled when the last change is unknown', async () => {
    await db.put('accounts', { id: 'pypi.org/bob', host: 'pypi.org', username: 'bob', firstSeenAt: NOW, lastSeenAt: NOW, pagesSeenAt: { 'account-settings': NOW } });
    await renderOptions();
    expect((await screen.findByText(/does not know when this password last changed/)).closest('[data-account]')?.getAttribute('data-account')).toBe('pypi.org/bob');
  });

  it('Escape cancels a confirmation', async () => {
    await seedEverything(db, NOW);
    await renderOptions();
    fireEvent.click(await screen.findByRole('button', { name: 'Forget alice on pypi.org' }));
    fireEvent.keyDown(screen.getByRole('group', { name: 'Forget pypi.org/alice' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Forget pypi.org/alice' })).toBeNull();
    expect(await db.get('accounts', 'pypi.org/alice')).toBeDefined();
  });
});

describe('your data', () => {
  const uploadFile = (text: string) => {
    const input = screen.getByLabelText(/Import from an export file/) as HTMLInputElement;
    const file = new File([text], 'export.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
  };

  it('exports everything as a JSON download', async () => {
    await seedEverything(db, NOW);
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));
    await waitFor(() => expect(deps.download).toHaveBeenCalledOnce());
    const [filename, text] = deps.download.mock.calls[0]!;
    expect(filename).toBe('pypi-guard-export-2026-11-01.json');
    const file = JSON.parse(text) as ExportFile;
    expect(file.format).toBe('pypi-guard-export');
    expect(file.stores.accounts?.[0]?.key).toBe('pypi.org/alice');
  });

  it('says what an export holds, and leaves the drill’s hashes out unless asked', async () => {
    await seedEverything(db, NOW);
    await renderOptions();
    const exportButton = screen.getByRole('button', { name: 'Export all data (JSON)' });
    const contents = document.getElementById(exportButton.getAttribute('aria-describedby')!)!;
    expect(contents.textContent).toMatch(/personal data.*email addresses.*security history with the places \(from IP addresses\) and\s+devices/s);
    const include = screen.getByRole('checkbox', { name: /Include the recovery-code drill’s hashes/ });
    expect(include).toHaveProperty('checked', false);
    fireEvent.click(exportButton);
    await waitFor(() => expect(deps.download).toHaveBeenCalledTimes(1));
    expect(deps.download.mock.calls[0]![1]).not.toContain('recoveryDrill');
    fireEvent.click(include);
    fireEvent.click(exportButton);
    await waitFor(() => expect(deps.download).toHaveBeenCalledTimes(2));
    expect((JSON.parse(deps.download.mock.calls[1]![1] as string) as ExportFile).stores.accounts?.[0]?.value).toMatchObject({ observed: { recoveryDrill: { iterations: 600_000 } } });
  });

  it('shows every refusal with its reason — also a failure nobody foresaw — and changes nothing', async () => {
    await seedEverything(db, NOW);
    const before = (await exportAll(db, new Date(NOW))).stores;
    await renderOptions();
    uploadFile(`{"format":"pypi-guard-export","schemaVersion":1,"exportedAt":"x","stores":{"settings":[{"key":"settings","value":${'['.repeat(50_000)}${']'.repeat(50_000)}}]}}`);
    expect((await screen.findByRole('alert')).textContent).toMatch(/nested deeper than any PyPI Guard export.*Nothing was changed\./);
    // The store cannot even be opened: still a sentence, not a silent failure.
    deps.openDb = () => Promise.reject(new DOMException('blocked', 'InvalidStateError'));
    uploadFile(JSON.stringify(await exportAll(db, new Date(NOW))));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('PyPI Guard could not read this file (InvalidStateError). Nothing was changed.'));
    expect((await exportAll(db, new Date(NOW))).stores).toEqual(before);
  });

  it('imports an export back', async () => {
    await seedEverything(db, NOW);
    const exported = JSON.stringify(await exportAll(db, new Date(NOW)));
    const before = (await exportAll(db, new Date(NOW))).stores;
    await saveSettings(db, { passwordRotationDays: 365 });
    await renderOptions();
    uploadFile(exported);
    await statusSays(/Import finished/);
    expect((await exportAll(db, new Date(NOW))).stores).toEqual(before);
    expect(screen.getByRole('radio', { name: 'Every 90 days' })).toHaveProperty('checked', true);
  });

  it('refuses a corrupted file with a message and changes nothing', async () => {
    await seedEverything(db, NOW);
    const before = (await exportAll(db, new Date(NOW))).stores;
    await renderOptions();
    uploadFile('{"format":"pypi-guard-export","schemaVersion":2,"stores":{"accounts":[{"key":');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/not valid JSON.*Nothing was changed\./);
    expect(screen.getByLabelText(/Import from an export file/).getAttribute('aria-describedby')).toBe(alert.id);
    expect((await exportAll(db, new Date(NOW))).stores).toEqual(before);
  });

  it('wipes everything only after the confirmation step', async () => {
    await seedEverything(db, NOW);
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await db.count('accounts')).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await statusSays('All data deleted.');
    const stores = (await exportAll(db, new Date(NOW))).stores;
    expect(Object.values(stores).every((rows) => rows.length === 0)).toBe(true);
    expect(screen.getByText(/No PyPI account yet/)).toBeTruthy();
  });
});

describe('history and due reminders', () => {
  it('lists what fired and what the user did, newest first', async () => {
    await seedEverything(db, NOW);
    await renderOptions();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-history-action'))).toEqual(['snoozed', 'fired']);
    expect(rows[0]?.textContent).toMatch(/Security check-up.*pypi\.org\/alice.*Snoozed for a week/);
  });

  it('answers a due reminder with Done, as the notification would', async () => {
    await storeCarolDueForRotation();
    await renderOptions();
    const card = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-reminder="password-rotation|pypi.org/carol"]');
      if (!element) throw new Error('reminder not listed yet');
      return element;
    });
    expect(within(card).getByRole('link', { name: /^Open pypi.org/ }).getAttribute('href')).toBe('https://pypi.org/manage/account/#change-password');
    fireEvent.click(within(card).getByRole('button', { name: 'Done' }));
    await statusSays(/marked done/);
    expect((await getReminderState(db, 'password-rotation|pypi.org/carol'))?.doneForPeriod).toBe(`rotation-schedule:${NOW - DAY}`);
    expect(deps.clearNotification).toHaveBeenCalledWith(expect.objectContaining({ id: 'password-rotation|pypi.org/carol' }));
    expect(document.querySelector('[data-reminder="password-rotation|pypi.org/carol"]')).toBeNull();
  });

  it('snoozes a reminder that quiet hours are holding (it never fired) for a week', async () => {
    await saveSettings(db, { quietHours: { startHour: 10, endHour: 14 } }); // NOW is 12:00 UTC
    await storeCarolDueForRotation();
    await renderOptions();
    const card = () => document.querySelector<HTMLElement>('[data-reminder="password-rotation|pypi.org/carol"]');
    await waitFor(() => expect(card()?.getAttribute('data-status')).toBe('waiting'));
    expect(card()?.textContent).toContain(`Waiting until ${formatDateTime(NOW + 2 * HOUR)}.`);
    expect(await getReminderState(db, 'password-rotation|pypi.org/carol')).toBeUndefined(); // never fired

    fireEvent.click(within(card()!).getByRole('button', { name: 'Snooze 1 week' }));
    await statusSays(/snoozed for a week/);
    expect(await getReminderState(db, 'password-rotation|pypi.org/carol')).toEqual({
      id: 'password-rotation|pypi.org/carol',
      snoozedUntil: NOW + 7 * DAY,
      snoozedForPeriod: `rotation-schedule:${NOW - DAY}`,
    });
    expect(card()?.textContent).toContain(`Waiting until ${formatDateTime(NOW + 7 * DAY)}.`);
  });
});

describe('email-domain check', () => {
  const toggle = () => document.querySelector<HTMLInputElement>('[data-setting="email-domain-check"]')!;

  it('is off until turned on, and says what is sent to whom', async () => {
    await renderOptions();
    expect(toggle().checked).toBe(false);
    const hint = document.getElementById(toggle().getAttribute('aria-describedby')!)!.textContent!;
    expect(hint).toMatch(/the domain name only/);
    expect(hint).toMatch(/registry’s RDAP server that IANA lists/);
    expect(hint).toMatch(/rdap\.verisign\.com/);
    expect(hint).toMatch(/Never your address or username/);
  });

  it('turning it on saves the setting (answering the popup’s offer too) and asks the background to look up, then lists the domains', async () => {
    deps.refreshReminders.mockImplementation(async () => {
      // What the background's tick stores after the lookup.
      await db.put('emailDomains', { domain: 'example.org', hosts: ['example.org'], failures: 0, lastAttemptAt: NOW, nextCheckAt: NOW + DAY, answer: { kind: 'not-registered', answeredAt: NOW } });
    });
    await renderOptions();
    fireEvent.click(toggle());
    await statusSays('Email domains checked.');
    expect(await getSettings(db)).toMatchObject({ emailDomainCheck: true, emailDomainCheckOffered: true });
    expect(deps.refreshReminders).toHaveBeenCalledTimes(1);
    expect(toggle().checked).toBe(true);
    expect(document.querySelector('[data-list="email-domains"] [data-domain="example.org"]')?.textContent).toMatch(/example\.org — last asked/);
  });
});

describe('pages PyPI Guard could not read', () => {
  it('are listed, and written out for a bug report without username, secret or page text', async () => {
    await db.put('accounts', {
      id: 'pypi.org/frank-fixture',
      host: 'pypi.org',
      username: 'frank-fixture',
      firstSeenAt: NOW - DAY,
      lastSeenAt: NOW,
      locale: 'de',
      pagesSeenAt: { 'two-factor-settings': NOW },
      unreadable: { recoveryCodes: { missing: 'recovery-count', pageKind: 'two-factor-settings', seenAt: NOW, version: '0.1.0' } },
    });
    await renderOptions();
    const section = screen.getByRole('region', { name: 'Pages PyPI Guard could not read' });
    expect(within(section).getByText('recovery codes').closest('li')?.textContent).toMatch(/frank-fixture on pypi\.org: missing the number of unused recovery codes \(two-factor-settings page/);
    const report = (within(section).getByRole('textbox') as HTMLTextAreaElement).value;
    expect(report).toBe('PyPI Guard 0.1.0 · pypi.org two-factor-settings page (language de) · recovery codes: missing the number of unused recovery codes · 2026-11-01');
    expect(report).not.toContain('frank');
  });

  it('are not mentioned while every page was read', async () => {
    await storeCarolDueForRotation();
    await renderOptions();
    expect(screen.queryByRole('region', { name: 'Pages PyPI Guard could not read' })).toBeNull();
  });
});
