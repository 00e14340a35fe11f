import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { checkDrillCode, drillDueAt, type DrillAnswer } from '@/utils/drill/hash';
import { getAccounts, getSettings, updateObserved, type AccountId, type AccountRecord, type RecoveryDrill as DrillRecord } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import { formatDate } from '@/utils/text/format';
import { t, type MessageId } from '@/utils/text/messages';

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
    return [{ id: account.id, label: t('account_on_host', { username: account.username, host: account.host }), host: account.host, drill, stale: generatedAt !== undefined && generatedAt > drill.codesShownAt + REGENERATION_SLACK_MS }];
  });
}

/**
 * What the page shows after a check. A code that does not match is first a question — a typo is
 * the likeliest reason — and becomes a failed drill only once the user says it is exactly the code
 * they keep (`failed`). Each state has its own icon and words, not only its colour.
 */
type Outcome = DrillAnswer | 'failed';

const OUTCOMES: Record<Outcome, { tone: 'pass' | 'warn' | 'fail'; icon: string; title: MessageId; text: MessageId }> = {
  'one-of-yours': {
    tone: 'pass',
    icon: '✓',
    title: 'drill_passed_title',
    text: 'drill_passed_text',
  },
  'not-yours': {
    tone: 'warn',
    icon: '!',
    title: 'drill_no_match_title',
    text: 'drill_no_match_text',
  },
  failed: {
    tone: 'fail',
    icon: '✗',
    title: 'drill_failed_title',
    text: 'drill_failed_text',
  },
  'not-a-code': {
    tone: 'warn',
    icon: '!',
    title: 'drill_not_a_code_title',
    text: 'drill_not_a_code_text',
  },
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
  const [answer, setAnswer] = useState<Outcome | null>(null);
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

  if (loadError) return <p role="alert">{t('drill_load_error')}</p>;
  if (accounts === null) return <p>{t('loading')}</p>;
  if (accounts.length === 0) {
    return (
      <p data-drill="none">{t('drill_none')}</p>
    );
  }
  const account = accounts.find((candidate) => candidate.id === selected) ?? accounts[0]!;

  /** Stores the drill's outcome (only the time and pass or fail), then tells the background. */
  const record = async (passed: boolean) => {
    const db = await deps.openDb();
    try {
      const at = deps.now();
      await updateObserved(db, account.id, (observed) =>
        observed.recoveryDrill ? { ...observed, recoveryDrill: { ...observed.recoveryDrill, lastDrillAt: at, lastDrillPassed: passed } } : observed,
      );
    } finally {
      db.close();
    }
    // A pass or a fail changes the recovery-codes check and when the next drill is due.
    deps.dataChanged();
    await load();
  };

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
      // Only a match is recorded now: a mismatch waits for the user to rule out a typo.
      if (result === 'one-of-yours') await record(true);
      setAnswer(result);
    } finally {
      setChecking(false);
      field.focus();
    }
  };

  const confirmFailed = async () => {
    setChecking(true);
    try {
      await record(false);
      setAnswer('failed');
    } finally {
      setChecking(false);
    }
  };

  const dueAt = drillDueAt(account.drill, intervalDays);
  return (
    <div class="drill" data-account={account.id}>
      {accounts.length > 1 && (
        <p>
          <label for="drill-account">{t('drill_account_label')} </label>
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
        {accounts.length === 1 && <>{t('drill_for_account', { account: account.label })} </>}
        {t('drill_codes_shown', { date: formatDate(account.drill.codesShownAt) })}{' '}
        {account.drill.lastDrillAt !== undefined && (
          <>
            {t(account.drill.lastDrillPassed ? 'drill_last_passed' : 'drill_last_not_passed', { date: formatDate(account.drill.lastDrillAt) })}{' '}
          </>
        )}
        {t('drill_next_due', { date: formatDate(dueAt) })}
      </p>
      {account.stale && (
        <p class="drill__warning" role="note">
          {t('drill_stale')}
        </p>
      )}
      <form onSubmit={(event) => void check(event)}>
        <label for="drill-code">{t('drill_code_label')}</label>
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
            {checking ? t('drill_checking') : t('drill_check')}
          </button>
        </div>
        <p id="drill-help" class="hint">
          {t('drill_help')}
        </p>
      </form>
      <div class="drill__answer" data-answer={answer ?? undefined} data-tone={answer ? OUTCOMES[answer].tone : undefined} aria-live="polite" role="status">
        {answer && (
          <>
            <span class="drill__icon" aria-hidden="true">
              {OUTCOMES[answer].icon}
            </span>
            <div>
              <p class="drill__answer-title">{t(OUTCOMES[answer].title)}</p>
              <p>{t(OUTCOMES[answer].text)}</p>
              {answer === 'not-yours' && (
                <p class="drill__actions">
                  <button type="button" data-action="confirm-failed" disabled={checking} onClick={() => void confirmFailed()}>
                    {t('drill_typed_exactly')}
                  </button>
                </p>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
