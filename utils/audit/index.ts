import { apiTokens } from './checks/api-tokens';
import { dataFreshness } from './checks/data-freshness';
import { emailDomain } from './checks/email-domain';
import { passwordAge } from './checks/password-age';
import { passwordStrength } from './checks/password-strength';
import { recoveryCodes } from './checks/recovery-codes';
import { recoveryCodesRemaining } from './checks/recovery-codes-remaining';
import { recoveryReadiness } from './checks/recovery-readiness';
import { secondFactorMethod } from './checks/second-factor-method';
import { securityEvents } from './checks/security-events';
import { twoFactor } from './checks/two-factor';
import { verifiedEmail } from './checks/verified-email';
import type { AuditState, Check, CheckResult, CheckStatus } from './types';

export * from './types';

/** In the order the popup lists them: what can take the account over or lock you out first. */
export const CHECKS: readonly Check[] = [
  twoFactor,
  securityEvents,
  recoveryCodes,
  recoveryCodesRemaining,
  secondFactorMethod,
  verifiedEmail,
  emailDomain,
  passwordStrength,
  passwordAge,
  apiTokens,
  recoveryReadiness,
  dataFreshness,
];

export interface Audit {
  results: CheckResult[];
  /**
   * 0–100, or null when nothing is known yet. Each check has a weight (2FA 25; recovery codes 15,
   * verified email 15; codes left, second method, password strength, security events 10; password
   * age, API tokens, recovery readiness 5; email domains 10, only while that opt-in check is on;
   * freshness 0) and scores pass 1, warn ½, fail 0. Unknown and unreadable checks are left out rather
   * than counted as failures: the score is over what PyPI Guard knows. It is not capped: a cap made
   * very different accounts read the same ("59"). The popup shows no score at all but each account's
   * worst status and counts (entrypoints/popup/triage.ts), which no average can hide.
   */
  score: number | null;
  worst: CheckStatus;
  failCount: number;
}

const STATUS_VALUE: Record<Exclude<CheckStatus, 'unknown' | 'unreadable'>, number> = { pass: 1, warn: 0.5, fail: 0 };
const SEVERITY: CheckStatus[] = ['fail', 'warn', 'unreadable', 'unknown', 'pass'];
/** Statuses that say nothing about the account: left out of the score, never marked stale. */
const isOpen = (status: CheckStatus): status is 'unknown' | 'unreadable' => status === 'unknown' || status === 'unreadable';

/** Runs every check on one account. Pure: `now` is passed in. */
export function runAudit(state: AuditState, now: number): Audit {
  const freshness = dataFreshness.run(state, now);
  const stale = freshness.status === 'warn';
  // An opt-in check that is off is not run at all: it neither shows nor counts.
  const checks = CHECKS.filter((check) => check.isOn?.(state.settings) ?? true);
  const results = checks.map((check): CheckResult => {
    const outcome = check === dataFreshness ? freshness : check.run(state, now);
    const isStale = stale && check !== dataFreshness && !isOpen(outcome.status);
    return { id: check.id, title: check.title, ...outcome, detail: isStale ? `${outcome.detail} (may be out of date)` : outcome.detail, stale: isStale };
  });

  let earned = 0;
  let possible = 0;
  for (const check of checks) {
    const status = results.find((result) => result.id === check.id)!.status;
    if (isOpen(status) || check.weight === 0) continue;
    earned += check.weight * STATUS_VALUE[status];
    possible += check.weight;
  }
  const worst = SEVERITY.find((status) => results.some((result) => result.status === status)) ?? 'pass';
  return {
    results,
    score: possible > 0 ? Math.round((100 * earned) / possible) : null,
    worst,
    failCount: results.filter((result) => result.status === 'fail').length,
  };
}

/** The check itself, by id: for prompts that act on one check. */
export function checkById(id: Check['id']): Check {
  return CHECKS.find((check) => check.id === id)!;
}
