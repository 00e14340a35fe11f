import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { checkDrillCode, drillDueAt, type DrillAnswer } from '@/utils/drill/hash';
import { getAccounts, getSettings, updateObserved, type AccountId, type AccountRecord, type RecoveryDrill as DrillRecord } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import { formatDate } from '@/utils/text/format';

/** What the drill needs from outside: the store, the clock and the background (tests pass their own). */
export interface DrillDeps {
  openDb(): Promise<PypiGuardDb>;
  now(): number;
  /** A drill's outcome was stored: the background brings the badge and reminders up to date. */
  dataChanged(): void;
}

/** Codes regenerated this long after the drill learned them mean its hashes describe dead codes. */
const REGENERATION_SLACK_MS = 60 * 60_000;

interface DrillAccount {
  id: AccountId;
  label: string;
  host: string;
  drill: DrillRecord;
  /** PyPI says the codes were generated after the drill learned them. */
  stale: boolean;
}

function drillAccounts(accounts: AccountRecord[]): DrillAccount[] {
  return accounts.flatMap((account) => {
    const drill = account.observed?.recoveryDrill;
    if (!drill) return [];
    const generatedAt = account.recoveryCodes?.value.generatedAt;
    return [{ id: account.id, label: `${account.username} on ${account.host}`, host: account.host, drill, stale: generatedAt !== undefined && generatedAt > drill.codesShownAt + REGENERATION_SLACK_MS }];
  });
}

const ANSWERS: Record<DrillAnswer, string> = {
  'one-of-yours': 'Yes — that is one of your recovery codes. Keep it where you found it.',
  'not-yours':
    'No — that is not one of the codes PyPI showed you. Check for typing mistakes and that it is the newest set; if you cannot find your codes, generate new ones on PyPI while you can still log in.',
  'not-a-code': 'That is not a recovery code: PyPI’s codes are 16 characters, digits 0–9 and letters a–f.',
};

/**
 * The recovery-code drill: the user types one code from wherever they keep their codes, and hears
 * whether it is one of theirs. The code is hashed with the stored salt and compared on this
 * computer, never stored, never sent and never used on PyPI (so it is not used up). Only the
 * time and the outcome are recorded.
 */
export function RecoveryDrill({ deps, accountId }: { deps: DrillDeps; accountId?: string | null }) {
  const [accounts, setAccounts] = useState<DrillAccount[] | null>(null);
  const [intervalDays, setIntervalDays] = useState(60);
  const [selected, setSelected] = useState<AccountId | null>(null);
  const [answer, setAnswer] = useState<DrillAnswer | null>(null);
  const [checking, setChecking] = useState(false);
  const [loadError, setLoadError] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const db = await deps.openDb();
      try {
        const [all, settings] = await Promise.all([getAccounts(db), getSettings(db)]);
        const withDrill = drillAccounts(all);
        setAccounts(withDrill);
        setIntervalDays(settings.drillIntervalDays);
        setSelected((current) => current ?? withDrill.find((account) => account.id === accountId?.toLowerCase())?.id ?? withDrill[0]?.id ?? null);
      } finally {
        db.close();
      }
    } catch {
      setLoadError(true);
    }
  }, [deps, accountId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) return <p role="alert">PyPI Guard could not read its data. Reload this page; if that does not help, restart the browser.</p>;
  if (accounts === null) return <p>Loading…</p>;
  if (accounts.length === 0) {
    return (
      <p data-drill="none">
        No drill yet. It starts when PyPI shows you new recovery codes (Account settings → 2FA → Generate recovery codes) with PyPI Guard
        installed: PyPI Guard keeps salted hashes of them — never the codes — so it can check them later.
      </p>
    );
  }
  const account = accounts.find((candidate) => candidate.id === selected) ?? accounts[0]!;

  const check = async (event: Event) => {
    event.preventDefault();
    const field = input.current;
    if (!field || checking) return;
    const typed = field.value;
    // The code leaves the page's DOM at once; only the outcome stays.
    field.value = '';
    setChecking(true);
    try {
      const result = await checkDrillCode(typed, account.drill);
      setAnswer(result);
      if (result !== 'not-a-code') {
        const db = await deps.openDb();
        try {
          const at = deps.now();
          await updateObserved(db, account.id, (observed) =>
            observed.recoveryDrill ? { ...observed, recoveryDrill: { ...observed.recoveryDrill, lastDrillAt: at, lastDrillPassed: result === 'one-of-yours' } } : observed,
          );
        } finally {
          db.close();
        }
        // A pass or a miss changes the recovery-codes check and when the next drill is due.
        deps.dataChanged();
        await load();
      }
    } finally {
      setChecking(false);
      field.focus();
    }
  };

  const dueAt = drillDueAt(account.drill, intervalDays);
  return (
    <div class="drill" data-account={account.id}>
      {accounts.length > 1 && (
        <p>
          <label for="drill-account">Account </label>
          <select
            id="drill-account"
            value={account.id}
            onChange={(event) => {
              setSelected((event.currentTarget as HTMLSelectElement).value as AccountId);
              setAnswer(null);
            }}
          >
            {accounts.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </select>
        </p>
      )}
      <p class="drill__facts">
        {accounts.length === 1 && <>For {account.label}. </>}
        Codes shown by PyPI on {formatDate(account.drill.codesShownAt)}.{' '}
        {account.drill.lastDrillAt !== undefined && (
          <>
            Last drill {formatDate(account.drill.lastDrillAt)}: {account.drill.lastDrillPassed ? 'passed' : 'not passed'}.{' '}
          </>
        )}
        Next drill due {formatDate(dueAt)}.
      </p>
      {account.stale && (
        <p class="drill__warning" role="note">
          PyPI has shown newer codes since the drill learned these. Open PyPI’s recovery codes page again with PyPI Guard installed so the drill knows the new set.
        </p>
      )}
      <form onSubmit={(event) => void check(event)}>
        <label for="drill-code">Type one of your recovery codes, from where you keep them</label>
        <div class="drill__row">
          <input
            id="drill-code"
            ref={input}
            // Text, not password: a password field would make the browser offer to save the code.
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            inputMode="text"
            maxLength={40}
            aria-describedby="drill-help"
            required
          />
          <button type="submit" disabled={checking}>
            {checking ? 'Checking…' : 'Check'}
          </button>
        </div>
        <p id="drill-help" class="hint">
          Checked on this computer against salted hashes. The code is not stored, not sent, and not used up on PyPI.
        </p>
      </form>
      <p class="drill__answer" data-answer={answer ?? undefined} aria-live="polite" role="status">
        {answer && ANSWERS[answer]}
      </p>
    </div>
  );
}
