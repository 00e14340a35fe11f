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

  it('rejects another code and records the failed drill; says when input is not a code', async () => {
    await seedDrill();
    render(<RecoveryDrill deps={deps} />);
    await typeCode('0123456789abcdef');
    await waitFor(() => expect(document.querySelector('[data-answer]')?.getAttribute('data-answer')).toBe('not-yours'));
    await waitFor(async () => expect((await getAccount(db, 'pypi.org/alice'))?.observed?.recoveryDrill?.lastDrillPassed).toBe(false));
    await waitFor(() => expect(dataChanges).toBe(1));
    await typeCode('nope');
    await waitFor(() => expect(document.querySelector('[data-answer]')?.getAttribute('data-answer')).toBe('not-a-code'));
    // Not a code: nothing was stored, nothing to tell.
    expect(dataChanges).toBe(1);
  });

  it('warns when PyPI shows newer codes than the drill knows', async () => {
    await seedDrill();
    const record = await getAccount(db, 'pypi.org/alice');
    await db.put('accounts', { ...record!, recoveryCodes: { value: { generated: true, generatedAt: T0 - DAY }, seenAt: T0 } });
    render(<RecoveryDrill deps={deps} />);
    expect(await screen.findByText(/PyPI has shown newer codes/)).toBeTruthy();
  });
});
