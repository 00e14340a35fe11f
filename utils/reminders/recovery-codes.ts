import type { HistorySummary } from '../events/history-summary';
import type { AccountRecord } from '../store/types';
import { t } from '../text/messages';
import { accountLabel, siteName } from './text';
import { DAY_MS, HOUR_MS, type ReminderCandidate, type ReminderKindModule } from './types';

/** At or below this many unused codes, a lockout is close: regenerate while you can still sign in. */
export const FEW_RECOVERY_CODES = 3;

function hasSecondFactor(account: AccountRecord): boolean {
  const twoFactor = account.twoFactor?.value;
  return Boolean(twoFactor && (twoFactor.totp || twoFactor.securityKeys.length > 0));
}

/**
 * The recovery-codes reminder of one account, most urgent first: no unused codes while 2FA is on
 * (a lost phone means a support ticket), then few left, then a drill that proves the stored codes
 * still work.
 */
function candidateFor(account: AccountRecord, history: HistorySummary, drillIntervalDays: number): ReminderCandidate | null {
  const codes = account.recoveryCodes;
  const base = {
    id: `recovery-codes|${account.id}`,
    kind: 'recovery-codes' as const,
    accountId: account.id,
    reason: 'state' as const,
    openUrl: `https://${account.host}/manage/account/two-factor/`,
  };
  const who = accountLabel(account.username, account.host);
  const site = siteName(account.host);

  if (codes && !codes.value.generated && hasSecondFactor(account)) {
    // The newest row about recovery codes: a new generation that ran out again is a new period.
    const since = history.newestRecoveryCodeEventAt;
    return {
      ...base,
      trigger: 'no-recovery-codes',
      period: `no-recovery-codes:${since}`,
      dueAt: codes.seenAt,
      title: t('reminder_no_codes_title', { site }),
      message: t('reminder_no_codes_message', { account: who }),
    };
  }
  if (codes?.value.generated && codes.value.unused !== undefined && codes.value.unused <= FEW_RECOVERY_CODES) {
    return {
      ...base,
      trigger: 'few-recovery-codes',
      // Once per generation of codes: using the next code does not re-notify.
      period: `few-recovery-codes:${codes.value.generatedAt ?? 'unknown'}`,
      dueAt: codes.seenAt,
      title: t('reminder_few_codes_title', { site, count: codes.value.unused }),
      message: t('reminder_few_codes_message', { account: who, count: codes.value.unused }),
    };
  }

  const drill = account.observed?.recoveryDrill;
  if (!drill) return null;
  if (codes && !codes.value.generated) return null;
  // Codes regenerated after the drill learned them: the drill's hashes describe dead codes.
  if (codes?.value.generatedAt !== undefined && codes.value.generatedAt > drill.codesShownAt + HOUR_MS) return null;
  // A drill that did not match asks again in a week, not after the whole interval.
  const failedDrill = drill.lastDrillAt !== undefined && drill.lastDrillPassed === false;
  const dueAt = failedDrill ? drill.lastDrillAt! + RETRY_FAILED_DRILL_DAYS * DAY_MS : (drill.lastDrillAt ?? drill.codesShownAt) + drillIntervalDays * DAY_MS;
  return {
    ...base,
    trigger: 'drill-due',
    period: `drill-due:${dueAt}`,
    dueAt,
    title: t('reminder_drill_title', { site }),
    message: failedDrill ? t('reminder_drill_failed_message', { account: who }) : t('reminder_drill_due_message', { account: who }),
    openUrl: `drill.html?${new URLSearchParams({ account: account.id }).toString()}`,
  };
}

/** After a drill that did not match, the next one comes this soon. */
export const RETRY_FAILED_DRILL_DAYS = 7;

export const recoveryCodes: ReminderKindModule = {
  kind: 'recovery-codes',
  setting: 'recoveryCodes',
  candidates(input, settings) {
    return input.accounts.flatMap(({ account, history }) => candidateFor(account, history, settings.drillIntervalDays) ?? []);
  },
};
