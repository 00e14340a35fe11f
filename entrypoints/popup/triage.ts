import { t } from '@/utils/text/messages';
import type { AccountTriage } from '@/utils/audit/triage';

/** An account's own headline: "2 problems · 1 to improve", "All 11 checks pass". */
export function accountHeadline(triage: AccountTriage): string {
  const problems = t('headline_problems', { count: triage.problems });
  const toImprove = t('headline_to_improve', { count: triage.toImprove });
  if (triage.problems > 0 && triage.toImprove > 0) return t('headline_problems_and_to_improve', { problems, toImprove });
  if (triage.problems > 0) return problems;
  if (triage.toImprove > 0) return toImprove;
  if (triage.items.length > 0) return t('headline_not_known', { count: triage.items.length });
  return triage.passing.length === 1 ? t('headline_one_passes') : t('headline_all_pass', { count: triage.passing.length });
}
