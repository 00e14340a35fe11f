import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RecoveryDrill, type DrillDeps } from '@/components/drill/RecoveryDrill';
import { hashRecoveryCodes } from '@/utils/drill/hash';
import { deleteStore, exportAll, getAccount, openStore } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import { account, DAY, T0 } from '../reminders/builders';
import { RECOVERY_CODES } from '../../fixtures/pypi/secrets';

let dbName: string;
let db: PypiGuardDb;
let counter = 0;
let deps: DrillDeps;
let dataChanges: number;

beforeEach(async () => {
  dbName = `pypi-guard-drill-${counter++}`;
  db = await openStore(dbName);
  dataChanges = 0;
  deps = { openDb: () => openStore(dbName), now: () => T0, dataChanged: () => void dataChanges++ };
});
afterEach(async () => {
  cleanup();
  db.close();
  await deleteStore(dbName);
});

async function seedDrill() {
  const hashes = await hashRecoveryCodes(RECOVERY_CODES, 1_000);
  await db.put('accounts', account({ observed: { recoveryDrill: { ...hashes, codesShownAt: T0 - 61 * DAY } } }));
}

async function typeCode(code: string) {
  const field = await screen.findByLabelText('Type one of your recovery codes, from where you keep them');
  fireEvent.input(field, { target: { value: code } });
  fireEvent.submit(field.closest('form')!);
  return field as HTMLInputElement;
}

describe('RecoveryDrill', () => {
  it('explains how the drill starts when there is none', async () => {
    render(<RecoveryDrill deps={deps} />);
    expect(await screen.findByText(/No drill yet/)).toBeTruthy();
  });

  it('accepts a shown code, records a pass, and keeps no code anywhere', async () => {
    await seedDrill();
    render(<RecoveryDrill deps={deps} />);
    const field = await typeCode(RECOVERY_CODES[5]);
    await waitFor(() => expect(document.querySelector('[data-answer]')?.getAttribute('data-answer')).toBe('one-of-yours'));
    expect(field.value).toBe('');
    await waitFor(async () => expect((await getAccount(db, 'pypi.org/alice'))?.observed?.recoveryDrill).toMatchObject({ lastDrillAt: T0, lastDrillPassed: true }));
    // The background is told, after the store has the outcome (badge and reminders follow it).
    await waitFor(() => expect(dataChanges).toBe(1));
    const everything = JSON.stringify(await exportAll(db, new Date(T0)));
    for (const code of RECOVERY_CODES) expect(everything).not.toContain(code);
  });

  it('takes a mismatch for a possible typo: nothing recorded until the user says it is the code they keep', async () => {
    await seedDrill();
    render(<RecoveryDrill deps={deps} />);
    const answer = () => document.querySelector<HTMLElement>('[data-answer]');
    await typeCode('0123456789abcdef');
    await waitFor(() => expect(answer()?.dataset.answer).toBe('not-yours'));
    // A question, not a verdict: its own icon and words, and nothing stored or sent.
    expect(answer()!.dataset.tone).toBe('warn');
    expect(answer()!.textContent).toContain('That code does not match');
    expect(answer()!.textContent).toContain('Nothing is recorded yet');
    expect((await getAccount(db, 'pypi.org/alice'))?.observed?.recoveryDrill?.lastDrillAt).toBeUndefined();
    expect(dataChanges).toBe(0);

    // Typed again, right this time: a pass, with its own icon — the typo never counted.
    await typeCode(RECOVERY_CODES[1]);
    await waitFor(() => expect(answer()?.dataset.answer).toBe('one-of-yours'));
    expect(answer()!.dataset.tone).toBe('pass');
    expect(answer()!.querySelector('.drill__icon')!.textContent).toBe('✓');
    await waitFor(async () => expect((await getAccount(db, 'pypi.org/alice'))?.observed?.recoveryDrill?.lastDrillPassed).toBe(true));

    // A mismatch the user confirms is the failed drill, recorded, with a different icon and words.
    await typeCode('fedcba9876543211');
    await waitFor(() => expect(answer()?.dataset.answer).toBe('not-yours'));
    fireEvent.click(screen.getByRole('button', { name: 'I typed it exactly as I keep it' }));
    await waitFor(() => expect(answer()?.dataset.answer).toBe('failed'));
    expect(answer()!.dataset.tone).toBe('fail');
    expect(answer()!.querySelector('.drill__icon')!.textContent).toBe('✗');
    expect(answer()!.textContent).toContain('Drill not passed');
    await waitFor(async () => expect((await getAccount(db, 'pypi.org/alice'))?.observed?.recoveryDrill).toMatchObject({ lastDrillAt: T0, lastDrillPassed: false }));
    expect(dataChanges).toBe(2);
  });

  it('says when input is not a code, and records nothing', async () => {
    await seedDrill();
    render(<RecoveryDrill deps={deps} />);
    await typeCode('nope');
    await waitFor(() => expect(document.querySelector('[data-answer]')?.getAttribute('data-answer')).toBe('not-a-code'));
    expect(document.querySelector('[data-answer]')!.textContent).toContain('That is not a recovery code');
    expect((await getAccount(db, 'pypi.org/alice'))?.observed?.recoveryDrill?.lastDrillAt).toBeUndefined();
    expect(dataChanges).toBe(0);
  });

  it('warns when PyPI shows newer codes than the drill knows', async () => {
    await seedDrill();
    const record = await getAccount(db, 'pypi.org/alice');
    await db.put('accounts', { ...record!, recoveryCodes: { value: { generated: true, generatedAt: T0 - DAY }, seenAt: T0 } });
    render(<RecoveryDrill deps={deps} />);
    expect(await screen.findByText(/PyPI has shown newer codes/)).toBeTruthy();
  });
});
