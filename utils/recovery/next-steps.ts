import type { Answers } from './decision';
import { primaryEmail, type RecoveryAccountFacts } from './facts';

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
  const address = primary ? `the primary address (${primary.address})` : 'the account’s primary address';

  const adminEmail: NextStep = {
    id: 'admin-email',
    title: 'An admin emails the account’s primary address',
    detail: `A PyPI admin writes to ${address}, naming your support issue.`,
    ability: emailAbility,
    because:
      emailAbility === 'yes'
        ? 'You said you can still read that mailbox. Watch it, including the spam folder.'
        : emailAbility === 'no'
          ? 'You said you lost that mailbox. Say so on the issue (the reason already does) and expect the admins to ask for other proof, often through other services you control.'
          : 'You have not said whether you can read that mailbox.',
  };

  const targets = pushTargets(facts);
  const unlooked = projectsWithoutSourceLookup(facts);
  const projects = facts?.projects?.value ?? [];
  let pushAbility: Ability;
  let pushBecause: string;
  let pushAction: NextStep['action'];
  if (targets.length > 0) {
    pushAbility = 'yes';
    pushBecause = `Your projects with a public source repository: ${targets.map((target) => `${target.project} (${target.repositoryUrl})`).join(', ')}. Make sure you can still push to one of them.`;
  } else if (unlooked.length > 0) {
    pushAbility = 'unknown';
    pushBecause = `PyPI Guard has not looked up where ${unlooked.length === 1 ? 'your project keeps its' : 'your projects keep their'} source yet (${unlooked.join(', ')}).`;
    pushAction = 'look-up-sources';
  } else if (projects.length > 0) {
    pushAbility = 'no';
    pushBecause = 'None of your projects names a public source repository in its PyPI metadata.';
  } else if (facts?.projects) {
    pushAbility = 'no';
    pushBecause = 'The account had no projects when PyPI Guard last saw it.';
  } else {
    pushAbility = 'unknown';
    pushBecause = 'PyPI Guard does not know this account’s projects. If one of your projects has a public repository you can push to, mention it in the reason.';
  }
  const pushBranch: NextStep = {
    id: 'push-branch',
    title: 'If a project has a public repository: push a branch the admin names',
    detail: 'Where the account has a project with a public source repository, the admin asks you to push a branch with a given name to it and reply to the email. The branch may be empty and can be deleted afterwards.',
    ability: pushAbility,
    because: pushBecause,
    ...(pushAction ? { action: pushAction } : {}),
  };

  const waiting: NextStep = {
    id: 'waiting-period',
    title: `Otherwise: reply to confirm, then a ${WAITING_PERIOD_DAYS}-day waiting period`,
    detail: `Without such a project, you reply to the admin’s email to confirm the request, and there is a ${WAITING_PERIOD_DAYS}-day waiting period before anything changes.`,
    ability: emailAbility,
    because:
      pushAbility === 'yes'
        ? 'Only needed if you cannot push to any of your repositories.'
        : pushAbility === 'no'
          ? `This is likely your path: plan for at least ${WAITING_PERIOD_DAYS} days after the admin writes.`
          : 'Applies if none of your projects has a public repository you can push to.',
  };

  const reset: NextStep = {
    id: 'reset',
    title: 'Then two-factor authentication is reset and a password reset is emailed',
    detail: 'The admin removes two-factor authentication from the account and PyPI sends a password reset link to the primary address. Set a new password, then set up two-factor authentication again at once.',
    ability: emailAbility,
    because: emailAbility === 'no' ? 'The reset link goes to the primary address too.' : 'The link goes to the same mailbox.',
  };

  return [adminEmail, pushBranch, waiting, reset];
}
