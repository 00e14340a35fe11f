import type { CheckResult, CheckStatus, FixTarget } from './index';
import type { AccountAudit } from './summary';

/**
 * How an account's checks are triaged: what to do first, what one fix settles, what passes. The
 * popup lists it per account, and the toolbar badge counts the same problems summed over accounts
 * (the popup's header counts accounts at risk instead).
 */

/**
 * One thing to do for an account: the most urgent check that asks for it, and the other checks
 * the same fix settles (shown under it, without a button of their own: one piece of advice once).
 */
export interface TriageItem {
  lead: CheckResult;
  alsoSettled: CheckResult[];
}

/** An account as the popup triages it. */
export interface AccountTriage {
  /** What is not passing, most urgent first, one item per distinct fix. */
  items: TriageItem[];
  /** Passing checks: folded into one line that expands, no buttons. */
  passing: CheckResult[];
  /** Items led by a failure: what could cost the account. */
  problems: number;
  /** Items led by a warning. */
  toImprove: number;
  /** The worst status of the account's checks. */
  worst: CheckStatus;
}

/** Most urgent first; within one status, the audit's own order (utils/audit CHECKS). */
export const SEVERITY: Record<CheckStatus, number> = { fail: 0, warn: 1, unreadable: 2, unknown: 3, pass: 4 };

const fixKey = (fix: FixTarget) => (fix.kind === 'pypi' ? `pypi:${fix.url}` : `extension:${fix.path}`);

/**
 * Sorts an account's checks by severity and folds the ones that share a fix into the most urgent
 * of them: an account without codes sees one "Generate recovery codes" item, not three. A check
 * with its own acknowledge action is never folded, since that action would be lost.
 */
export function triageAccount(results: readonly CheckResult[]): AccountTriage {
  const sorted = [...results].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);
  const items: TriageItem[] = [];
  const byFix = new Map<string, TriageItem>();
  for (const result of sorted) {
    if (result.status === 'pass') continue;
    const key = fixKey(result.fix);
    const existing = byFix.get(key);
    if (existing && !result.acknowledgeLabel) {
      existing.alsoSettled.push(result);
      continue;
    }
    const item = { lead: result, alsoSettled: [] };
    items.push(item);
    if (!result.acknowledgeLabel) byFix.set(key, item);
  }
  return {
    items,
    passing: sorted.filter((result) => result.status === 'pass'),
    problems: items.filter((item) => item.lead.status === 'fail').length,
    toImprove: items.filter((item) => item.lead.status === 'warn').length,
    worst: sorted[0]?.status ?? 'pass',
  };
}

/**
 * Accounts most at risk first: the worst status, then the most problems, then the most to improve.
 * Ties keep the order given (the caller's: the active tab's PyPI, then the most recently seen).
 */
export function byUrgency<T extends AccountAudit>(entries: readonly T[]): T[] {
  const triaged = new Map(entries.map((entry) => [entry, triageAccount(entry.audit.results)]));
  return [...entries].sort((a, b) => {
    const x = triaged.get(a)!;
    const y = triaged.get(b)!;
    return SEVERITY[x.worst] - SEVERITY[y.worst] || y.problems - x.problems || y.toImprove - x.toImprove;
  });
}
