import type { AccountTriage } from '@/utils/audit/triage';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** An account's own headline: "2 problems · 1 to improve", "All 11 checks pass". */
export function accountHeadline(triage: AccountTriage): string {
  const parts = [
    triage.problems > 0 ? plural(triage.problems, 'problem', 'problems') : null,
    triage.toImprove > 0 ? `${triage.toImprove} to improve` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length > 0) return parts.join(' · ');
  if (triage.items.length > 0) return `${plural(triage.items.length, 'check', 'checks')} not known yet`;
  return triage.passing.length === 1 ? 'The check passes' : `All ${triage.passing.length} checks pass`;
}
