import type { Answers } from './decision';
import { primaryEmail, type RecoveryAccountFacts } from './facts';
import { formatList, t } from '../text/messages';

/**
 * What happens after the support request is filed (pypi-facts.md §9, from PyPI's admin tooling):
 * an admin emails the account's PRIMARY address about the issue; if the account has a project
 * with a public source repository the owner proves control by pushing a branch with a name the
 * admin gives; otherwise the owner replies to confirm and waits 7 days; then two-factor
 * authentication is reset and a password reset is sent to that address. For each step this says
 * whether the user can do it, judged from the stored facts and their answers.
 */

export const WAITING_PERIOD_DAYS = 7;

/** `yes`: the facts say the user can; `no`: they say the user cannot; `unknown`: not enough is stored. */
export type Ability = 'yes' | 'no' | 'unknown';

export const NEXT_STEP_IDS = ['admin-email', 'push-branch', 'waiting-period', 'reset'] as const;
export type NextStepId = (typeof NEXT_STEP_IDS)[number];

export interface NextStep {
  id: NextStepId;
  title: string;
  detail: string;
  ability: Ability;
  /** Why the ability is what it is, in the user's terms. */
  because: string;
  /** Something the user can do now to change an `unknown` or `no`. */
  action?: 'look-up-sources' | 'save-evidence';
}

export interface PushTarget {
  project: string;
  repositoryUrl: string;
}

export function pushTargets(facts: RecoveryAccountFacts | undefined): PushTarget[] {
  return (facts?.projectSources?.value ?? []).flatMap((source) => (source.repositoryUrl ? [{ project: source.project, repositoryUrl: source.repositoryUrl }] : []));
}

/** Projects whose repository has not been looked up yet. */
export function projectsWithoutSourceLookup(facts: RecoveryAccountFacts | undefined): string[] {
  const looked = new Set((facts?.projectSources?.value ?? []).map((source) => source.project.toLowerCase()));
  return (facts?.projects?.value ?? []).filter((project) => !looked.has(project.toLowerCase()));
}

export function nextSteps(facts: RecoveryAccountFacts | undefined, answers: Answers): NextStep[] {
  const primary = primaryEmail(facts);
  const emailAbility: Ability = answers.email === 'yes' ? 'yes' : answers.email === 'no' ? 'no' : 'unknown';

  const adminEmail: NextStep = {
    id: 'admin-email',
    title: t('next_admin_email_title'),
    detail: primary ? t('next_admin_email_detail_known', { address: primary.address }) : t('next_admin_email_detail'),
    ability: emailAbility,
    because:
      emailAbility === 'yes' ? t('next_admin_email_yes') : emailAbility === 'no' ? t('next_admin_email_no') : t('next_admin_email_unknown'),
  };

  const targets = pushTargets(facts);
  const unlooked = projectsWithoutSourceLookup(facts);
  const projects = facts?.projects?.value ?? [];
  let pushAbility: Ability;
  let pushBecause: string;
  let pushAction: NextStep['action'];
  if (targets.length > 0) {
    pushAbility = 'yes';
    pushBecause = t('next_push_targets', { targets: formatList(targets.map((target) => t('next_push_target', { project: target.project, url: target.repositoryUrl }))) });
  } else if (unlooked.length > 0) {
    pushAbility = 'unknown';
    pushBecause = t('next_push_not_looked_up', { count: unlooked.length, projects: formatList(unlooked) });
    pushAction = 'look-up-sources';
  } else if (projects.length > 0) {
    pushAbility = 'no';
    pushBecause = t('next_push_no_repository');
  } else if (facts?.projects) {
    pushAbility = 'no';
    pushBecause = t('next_push_no_projects');
  } else {
    pushAbility = 'unknown';
    pushBecause = t('next_push_projects_unknown');
  }
  const pushBranch: NextStep = {
    id: 'push-branch',
    title: t('next_push_title'),
    detail: t('next_push_detail'),
    ability: pushAbility,
    because: pushBecause,
    ...(pushAction ? { action: pushAction } : {}),
  };

  const waiting: NextStep = {
    id: 'waiting-period',
    title: t('next_waiting_title', { days: WAITING_PERIOD_DAYS }),
    detail: t('next_waiting_detail', { days: WAITING_PERIOD_DAYS }),
    ability: emailAbility,
    because:
      pushAbility === 'yes'
        ? t('next_waiting_if_no_push')
        : pushAbility === 'no'
          ? t('next_waiting_likely', { days: WAITING_PERIOD_DAYS })
          : t('next_waiting_applies'),
  };

  const reset: NextStep = {
    id: 'reset',
    title: t('next_reset_title'),
    detail: t('next_reset_detail'),
    ability: emailAbility,
    because: emailAbility === 'no' ? t('next_reset_lost_mailbox') : t('next_reset_same_mailbox'),
  };

  return [adminEmail, pushBranch, waiting, reset];
}
