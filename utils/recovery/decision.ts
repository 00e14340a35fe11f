import type { PypiHost } from '../pypi/hosts';
import { formatDate } from '../text/format';
import { formatList, quotedNames, t } from '../text/messages';

/**
 * The recovery decision tree: a few plain questions about what is lost and what still works lead
 * to the fastest way back into a PyPI account. The tree is data (NODES → LEAVES) so the page can
 * walk it one question at a time and a test can enumerate every route to every leaf.
 *
 * Routes and processes come from pypi-facts.md: §1 (routes), §2 (two-factor page, remember-device
 * cookie of 30 days, recovery-code login), §7 (a breached password is disabled and must be reset),
 * §9 (the account-recovery request to PyPI support).
 */

// ── Questions ────────────────────────────────────────────────────────────────────────────────────

export const QUESTION_IDS = ['password', 'email', 'twoFactor', 'otherFactor', 'recoveryCodes'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface AnswerValues {
  password: 'works' | 'forgotten' | 'disabled';
  email: 'yes' | 'no';
  twoFactor: 'works' | 'lost' | 'not-enabled';
  otherFactor: 'security-key' | 'remembered-device' | 'none';
  recoveryCodes: 'yes' | 'no';
}

/** What the user said so far. Answers off the current route are kept (they come back if the user goes back). */
export type Answers = { [Q in QuestionId]?: AnswerValues[Q] };

export interface AnswerOption<V extends string = string> {
  value: V;
  label: string;
  help?: string;
}

export interface Question<Q extends QuestionId = QuestionId> {
  id: Q;
  prompt: string;
  help?: string;
  options: AnswerOption<AnswerValues[Q]>[];
}

export const QUESTIONS: { [Q in QuestionId]: Question<Q> } = {
  password: {
    id: 'password',
    prompt: t('recovery_question_password'),
    options: [
      { value: 'works', label: t('recovery_answer_password_works') },
      { value: 'forgotten', label: t('recovery_answer_password_forgotten') },
      {
        value: 'disabled',
        label: t('recovery_answer_password_disabled'),
        help: t('recovery_answer_password_disabled_help'),
      },
    ],
  },
  email: {
    id: 'email',
    prompt: t('recovery_question_email'),
    help: t('recovery_question_email_help'),
    options: [
      { value: 'yes', label: t('recovery_answer_email_yes') },
      { value: 'no', label: t('recovery_answer_email_no') },
    ],
  },
  twoFactor: {
    id: 'twoFactor',
    prompt: t('recovery_question_twoFactor'),
    options: [
      { value: 'works', label: t('recovery_answer_twoFactor_works') },
      { value: 'lost', label: t('recovery_answer_twoFactor_lost') },
      { value: 'not-enabled', label: t('recovery_answer_twoFactor_not_enabled') },
    ],
  },
  otherFactor: {
    id: 'otherFactor',
    prompt: t('recovery_question_otherFactor'),
    options: [
      {
        value: 'security-key',
        label: t('recovery_answer_otherFactor_security_key'),
        help: t('recovery_answer_otherFactor_security_key_help'),
      },
      {
        value: 'remembered-device',
        label: t('recovery_answer_otherFactor_remembered_device'),
        help: t('recovery_answer_otherFactor_remembered_device_help'),
      },
      { value: 'none', label: t('recovery_answer_otherFactor_none') },
    ],
  },
  recoveryCodes: {
    id: 'recoveryCodes',
    prompt: t('recovery_question_recoveryCodes'),
    help: t('recovery_question_recoveryCodes_help'),
    options: [
      { value: 'yes', label: t('recovery_answer_recoveryCodes_yes') },
      { value: 'no', label: t('recovery_answer_recoveryCodes_no') },
    ],
  },
};

// ── Paths and leaves ─────────────────────────────────────────────────────────────────────────────

/**
 * The kinds of way back in. `sign-in` is the honest answer when nothing locks the user out (for
 * example only the mailbox is lost): filing a support request then would only lengthen PyPI's queue.
 */
export const PATH_IDS = ['sign-in', 'password-reset', 'recovery-code-login', 'use-other-factor', 'support-request'] as const;
export type PathId = (typeof PATH_IDS)[number];

export const LEAF_IDS = [
  'sign-in',
  'security-key',
  'remembered-device',
  'recovery-code',
  'password-reset',
  'password-reset-then-security-key',
  'password-reset-then-remembered-device',
  'password-reset-then-recovery-code',
  'support-lost-two-factor',
  'support-lost-email',
] as const;
export type LeafId = (typeof LEAF_IDS)[number];

/** A step on PyPI: `route` is a path on the account's PyPI host (pypi-facts.md §1). */
export interface StepTemplate {
  id: string;
  text: string;
  route?: string;
}

export interface Leaf {
  id: LeafId;
  path: PathId;
  title: string;
  summary: string;
  steps: StepTemplate[];
}

const SIGN_IN: StepTemplate = { id: 'sign-in', text: t('recovery_step_sign_in'), route: '/account/login/' };
/** The step whose link hands the chosen username to PyPI Guard's content script on the reset page. */
export const REQUEST_RESET_STEP_ID = 'request-reset';
const RESET: StepTemplate[] = [
  {
    id: REQUEST_RESET_STEP_ID,
    text: t('recovery_step_request_reset'),
    route: '/account/request-password-reset/',
  },
  { id: 'open-reset-mail', text: t('recovery_step_open_reset_mail') },
  { id: 'choose-password', text: t('recovery_step_choose_password') },
];
const TWO_FACTOR_AS_USUAL: StepTemplate = {
  id: 'two-factor',
  text: t('recovery_step_two_factor'),
};
const SECURITY_KEY: StepTemplate = {
  id: 'security-key',
  text: t('recovery_step_security_key'),
};
const REMEMBERED: StepTemplate = {
  id: 'remembered-device',
  text: t('recovery_step_remembered_device'),
};
const RECOVERY_CODE: StepTemplate[] = [
  {
    id: 'recovery-code-link',
    text: t('recovery_step_recovery_code_link'),
  },
  { id: 'recovery-code-enter', text: t('recovery_step_recovery_code_enter') },
];

/** The support path's three steps, shown as the page's numbered steps (entrypoints/recovery/RequestStep.tsx). */
export const SUPPORT_REQUEST_STEPS: StepTemplate[] = [
  { id: 'prepare', text: t('recovery_step_prepare') },
  { id: 'file', text: t('recovery_step_file') },
  { id: 'track', text: t('recovery_step_track') },
];

export const LEAVES: Record<LeafId, Leaf> = {
  'sign-in': {
    id: 'sign-in',
    path: 'sign-in',
    title: t('recovery_leaf_sign_in_title'),
    summary: t('recovery_leaf_sign_in_summary'),
    steps: [SIGN_IN, TWO_FACTOR_AS_USUAL],
  },
  'security-key': {
    id: 'security-key',
    path: 'use-other-factor',
    title: t('recovery_leaf_security_key_title'),
    summary: t('recovery_leaf_security_key_summary'),
    steps: [SIGN_IN, SECURITY_KEY],
  },
  'remembered-device': {
    id: 'remembered-device',
    path: 'use-other-factor',
    title: t('recovery_leaf_remembered_device_title'),
    summary: t('recovery_leaf_remembered_device_summary'),
    steps: [SIGN_IN, REMEMBERED],
  },
  'recovery-code': {
    id: 'recovery-code',
    path: 'recovery-code-login',
    title: t('recovery_leaf_recovery_code_title'),
    summary: t('recovery_leaf_recovery_code_summary'),
    steps: [SIGN_IN, ...RECOVERY_CODE],
  },
  'password-reset': {
    id: 'password-reset',
    path: 'password-reset',
    title: t('recovery_leaf_password_reset_title'),
    summary: t('recovery_leaf_password_reset_summary'),
    steps: [...RESET, SIGN_IN, TWO_FACTOR_AS_USUAL],
  },
  'password-reset-then-security-key': {
    id: 'password-reset-then-security-key',
    path: 'password-reset',
    title: t('recovery_leaf_password_reset_then_security_key_title'),
    summary: t('recovery_leaf_password_reset_then_security_key_summary'),
    steps: [...RESET, SIGN_IN, SECURITY_KEY],
  },
  'password-reset-then-remembered-device': {
    id: 'password-reset-then-remembered-device',
    path: 'password-reset',
    title: t('recovery_leaf_password_reset_then_remembered_device_title'),
    summary: t('recovery_leaf_password_reset_then_remembered_device_summary'),
    steps: [...RESET, SIGN_IN, REMEMBERED],
  },
  'password-reset-then-recovery-code': {
    id: 'password-reset-then-recovery-code',
    path: 'password-reset',
    title: t('recovery_leaf_password_reset_then_recovery_code_title'),
    summary: t('recovery_leaf_password_reset_then_recovery_code_summary'),
    steps: [...RESET, SIGN_IN, ...RECOVERY_CODE],
  },
  'support-lost-two-factor': {
    id: 'support-lost-two-factor',
    path: 'support-request',
    title: t('recovery_leaf_support_lost_two_factor_title'),
    summary: t('recovery_leaf_support_lost_two_factor_summary'),
    steps: SUPPORT_REQUEST_STEPS,
  },
  'support-lost-email': {
    id: 'support-lost-email',
    path: 'support-request',
    title: t('recovery_leaf_support_lost_email_title'),
    summary: t('recovery_leaf_support_lost_email_summary'),
    steps: SUPPORT_REQUEST_STEPS,
  },
};

// ── The tree ─────────────────────────────────────────────────────────────────────────────────────

export type Target = { node: NodeId } | { leaf: LeafId };

export interface DecisionNode<Q extends QuestionId = QuestionId> {
  id: NodeId;
  question: Q;
  next: Record<AnswerValues[Q], Target>;
}

export const NODE_IDS = [
  'password',
  'email-signed-in',
  'two-factor',
  'other-factor',
  'recovery-codes',
  'email-for-reset',
  'two-factor-after-reset',
  'other-factor-after-reset',
  'recovery-codes-after-reset',
] as const;
export type NodeId = (typeof NODE_IDS)[number];

const node = (id: NodeId) => ({ node: id });
const leaf = (id: LeafId) => ({ leaf: id });

type AnyNode = { [Q in QuestionId]: DecisionNode<Q> }[QuestionId];

/**
 * Question order matters: another two-factor method is asked about before recovery codes because it
 * costs nothing (a code is used up), and the mailbox is asked about whatever happens, because the
 * admins of the support path write to it too.
 */
export const NODES: Record<NodeId, AnyNode> = {
  password: {
    id: 'password',
    question: 'password',
    next: { works: node('email-signed-in'), forgotten: node('email-for-reset'), disabled: node('email-for-reset') },
  },
  // The password works: the mailbox only matters for what to fix afterwards (or for the admins).
  'email-signed-in': { id: 'email-signed-in', question: 'email', next: { yes: node('two-factor'), no: node('two-factor') } },
  'two-factor': {
    id: 'two-factor',
    question: 'twoFactor',
    next: { works: leaf('sign-in'), 'not-enabled': leaf('sign-in'), lost: node('other-factor') },
  },
  'other-factor': {
    id: 'other-factor',
    question: 'otherFactor',
    next: { 'security-key': leaf('security-key'), 'remembered-device': leaf('remembered-device'), none: node('recovery-codes') },
  },
  'recovery-codes': {
    id: 'recovery-codes',
    question: 'recoveryCodes',
    next: { yes: leaf('recovery-code'), no: leaf('support-lost-two-factor') },
  },
  // The password must be reset, which needs the mailbox (pypi-facts.md §7: a breached password too).
  'email-for-reset': {
    id: 'email-for-reset',
    question: 'email',
    next: { yes: node('two-factor-after-reset'), no: leaf('support-lost-email') },
  },
  'two-factor-after-reset': {
    id: 'two-factor-after-reset',
    question: 'twoFactor',
    next: { works: leaf('password-reset'), 'not-enabled': leaf('password-reset'), lost: node('other-factor-after-reset') },
  },
  'other-factor-after-reset': {
    id: 'other-factor-after-reset',
    question: 'otherFactor',
    next: {
      'security-key': leaf('password-reset-then-security-key'),
      'remembered-device': leaf('password-reset-then-remembered-device'),
      none: node('recovery-codes-after-reset'),
    },
  },
  'recovery-codes-after-reset': {
    id: 'recovery-codes-after-reset',
    question: 'recoveryCodes',
    next: { yes: leaf('password-reset-then-recovery-code'), no: leaf('support-lost-two-factor') },
  },
};

export const ROOT: NodeId = 'password';

// ── Walking the tree ─────────────────────────────────────────────────────────────────────────────

export interface RouteStep {
  node: NodeId;
  question: QuestionId;
  answer: string;
}

export type Walk =
  | { kind: 'question'; node: AnyNode; route: RouteStep[] }
  | { kind: 'leaf'; leaf: Leaf; route: RouteStep[]; answers: Answers };

function optionTargets(n: AnyNode): [string, Target][] {
  return Object.entries(n.next) as [string, Target][];
}

/** Follows the answers from the root: the next question to ask, or the leaf they lead to. */
export function walk(answers: Answers): Walk {
  const route: RouteStep[] = [];
  let current: AnyNode = NODES[ROOT];
  for (;;) {
    const answer = answers[current.question];
    const target = answer === undefined ? undefined : optionTargets(current).find(([value]) => value === answer)?.[1];
    if (answer === undefined || !target) return { kind: 'question', node: current, route };
    route.push({ node: current.id, question: current.question, answer });
    if ('leaf' in target) return { kind: 'leaf', leaf: LEAVES[target.leaf], route, answers: answersOnRoute(route) };
    current = NODES[target.node];
  }
}

/** Only the answers that led here: an answer left over from another branch must not shape the result. */
export function answersOnRoute(route: RouteStep[]): Answers {
  const answers: Record<string, string> = {};
  for (const step of route) answers[step.question] = step.answer;
  return answers as Answers;
}

export interface FullRoute {
  route: RouteStep[];
  leaf: LeafId;
}

/** Every root-to-leaf route of the tree, depth first in option order. */
export function enumerateRoutes(): FullRoute[] {
  const routes: FullRoute[] = [];
  const visit = (n: AnyNode, route: RouteStep[]) => {
    for (const [answer, target] of optionTargets(n)) {
      const next = [...route, { node: n.id, question: n.question, answer }];
      if ('leaf' in target) routes.push({ route: next, leaf: target.leaf });
      else visit(NODES[target.node], next);
    }
  };
  visit(NODES[ROOT], []);
  return routes;
}

// ── What PyPI Guard already knows, as hints and caveats ──────────────────────────────────────────

/**
 * Stored facts the tree can use. They never answer a question for the user (they may be stale: a
 * key could have been added since), but they point out a faster way or a contradiction.
 */
export interface DecisionFacts {
  twoFactor?: { totp: boolean; securityKeys: string[]; seenAt: number };
  /** `unused`: number of unused codes, or null when codes exist but the count is unknown. 0: none. */
  recoveryCodes?: { unused: number | null; seenAt: number };
  verifiedEmails?: { addresses: string[]; primary: string | null; seenAt: number };
  /** The account's email domains as their registry last described them (utils/recovery/facts.ts). */
  emailDomains?: { domain: string; addresses: string[]; lapsed: boolean; text: string; checkedAt: number }[];
}

export interface Hint {
  id: string;
  text: string;
}

/** Dates on the page are the reader's own (utils/text/format.ts); the request for the admins keeps ISO dates. */
const day = (time: number) => formatDate(time);

/** Remarks to show beside a question, from the stored facts. */
export function hintsFor(question: QuestionId, facts: DecisionFacts | undefined): Hint[] {
  const hints: Hint[] = [];
  if (!facts) return hints;
  const { twoFactor, recoveryCodes, verifiedEmails } = facts;
  if (question === 'email' && verifiedEmails && verifiedEmails.addresses.length > 0) {
    const seen = { date: day(verifiedEmails.seenAt), addresses: formatList(verifiedEmails.addresses) };
    hints.push({
      id: 'verified-emails',
      text: verifiedEmails.primary ? t('recovery_hint_verified_emails_primary', { ...seen, primary: verifiedEmails.primary }) : t('recovery_hint_verified_emails', seen),
    });
  }
  if (question === 'twoFactor' && twoFactor) {
    const methods = methodNames(twoFactor);
    hints.push({
      id: 'two-factor-methods',
      text:
        methods.length > 0
          ? t('recovery_hint_two_factor_methods', { date: day(twoFactor.seenAt), methods: formatList(methods) })
          : t('recovery_hint_no_two_factor', { date: day(twoFactor.seenAt) }),
    });
  }
  if (question === 'otherFactor' && twoFactor && twoFactor.securityKeys.length > 0) {
    hints.push({
      id: 'security-keys-registered',
      text: t('recovery_hint_security_keys', { date: day(twoFactor.seenAt), keys: quotedNames(twoFactor.securityKeys) }),
    });
  }
  if (question === 'recoveryCodes' && recoveryCodes) {
    hints.push(
      recoveryCodes.unused === 0
        ? { id: 'no-unused-codes', text: t('recovery_hint_no_unused_codes', { date: day(recoveryCodes.seenAt) }) }
        : {
            id: 'unused-codes',
            text:
              recoveryCodes.unused === null
                ? t('recovery_hint_some_unused_codes', { date: day(recoveryCodes.seenAt) })
                : t('recovery_hint_unused_codes', { date: day(recoveryCodes.seenAt), count: recoveryCodes.unused }),
          },
    );
  }
  return hints;
}

/** The two-factor methods an account had, named in the UI language. */
function methodNames(twoFactor: { totp: boolean; securityKeys: string[] }): string[] {
  const names: string[] = [];
  if (twoFactor.totp) names.push(t('recovery_method_totp'));
  if (twoFactor.securityKeys.length > 0) names.push(t('recovery_method_security_keys', { count: twoFactor.securityKeys.length }));
  return names;
}


/** The methods in English, for the request PyPI's admins read (utils/recovery/request.ts). */
export function describeMethods(twoFactor: { totp: boolean; securityKeys: string[] }): string {
  const parts: string[] = [];
  if (twoFactor.totp) parts.push('an authentication application (TOTP)');
  const keys = twoFactor.securityKeys.length;
  if (keys > 0) parts.push(`${keys} security key${keys === 1 ? '' : 's'} (WebAuthn)`);
  return parts.join(' and ');
}

/** Where the answers and the stored facts disagree: the chosen path may fail, and the user should know why. */
export function caveatsFor(answers: Answers, facts: DecisionFacts | undefined): Hint[] {
  const caveats: Hint[] = [];
  if (!facts) return caveats;
  const { twoFactor, recoveryCodes } = facts;
  if (answers.otherFactor === 'security-key' && twoFactor && twoFactor.securityKeys.length === 0) {
    caveats.push({
      id: 'no-security-key-seen',
      text: t('recovery_caveat_no_security_key_seen', { date: day(twoFactor.seenAt) }),
    });
  }
  if (answers.recoveryCodes === 'yes' && recoveryCodes?.unused === 0) {
    caveats.push({
      id: 'codes-used-up',
      text: t('recovery_caveat_codes_used_up', { date: day(recoveryCodes.seenAt) }),
    });
  }
  if (answers.recoveryCodes === 'no' && recoveryCodes && recoveryCodes.unused !== 0) {
    caveats.push({
      id: 'codes-may-exist',
      text:
        recoveryCodes.unused === null
          ? t('recovery_caveat_some_codes_may_exist', { date: day(recoveryCodes.seenAt) })
          : t('recovery_caveat_codes_may_exist', { date: day(recoveryCodes.seenAt), count: recoveryCodes.unused }),
    });
  }
  // A lost mailbox on a lapsed domain: the domain, not the mailbox, is the problem, and someone
  // else may hold it next (PyPI's admins write to the primary address, pypi-facts.md §9).
  if (answers.email === 'no') {
    for (const domain of facts.emailDomains ?? []) {
      caveats.push(
        domain.lapsed
          ? {
              id: 'email-domain-lapsed',
              text: t('recovery_caveat_domain_lapsed', { date: day(domain.checkedAt), fact: domain.text, addresses: formatList(domain.addresses) }),
            }
          : {
              id: 'email-domain-registered',
              text: t('recovery_caveat_domain_registered', { date: day(domain.checkedAt), fact: domain.text }),
            },
      );
    }
  }
  if (answers.otherFactor === 'none' && answers.twoFactor === 'lost' && twoFactor && twoFactor.securityKeys.length > 0) {
    caveats.push({
      id: 'security-key-registered',
      text: t('recovery_caveat_security_key_registered', { keys: quotedNames(twoFactor.securityKeys) }),
    });
  }
  return caveats;
}

// ── Why not a support request ───────────────────────────────────────────────────────────────────

export const WHY_IDS = ['breached-password-reset', 'lost-email-can-sign-in'] as const;
export type WhyId = (typeof WHY_IDS)[number];

/**
 * PyPI's help page lists a lost mailbox, and people often count a breach-disabled password, among
 * the reasons to ask PyPI support. Two routes lead elsewhere, and the user deserves to know why:
 * - the password was disabled after a breach, but the mailbox works: PyPI itself says to reset it
 *   by email (pypi-facts.md §7 and the help page's #compromised-password); the admins could do no
 *   more than that reset, weeks later;
 * - only the mailbox is lost, and the user still gets in: the admins restore access for accounts
 *   nobody can sign in to; this user can replace the address themselves (§9: the admins write to
 *   the primary address, so it must be one they can read).
 */
export function whyNotSupport(leafId: LeafId, answers: Answers): Hint[] {
  const path = LEAVES[leafId].path;
  if (path === 'support-request') return [];
  const why: Hint[] = [];
  if (answers.password === 'disabled' && answers.email === 'yes') {
    why.push({
      id: 'breached-password-reset',
      text: t('recovery_why_breached_password_reset'),
    });
  }
  if (answers.email === 'no') {
    why.push({
      id: 'lost-email-can-sign-in',
      text: t('recovery_why_lost_email_can_sign_in'),
    });
  }
  return why;
}

// ── Steps, resolved for a host, and what to do once back in ──────────────────────────────────────

export interface Step {
  id: string;
  text: string;
  url?: string;
}

export function resolveSteps(steps: StepTemplate[], host: PypiHost): Step[] {
  return steps.map(({ id, text, route }) => (route ? { id, text, url: `https://${host}${route}` } : { id, text }));
}

export const AFTER_STEP_IDS = [
  'replace-lost-method',
  'second-two-factor-method',
  'new-recovery-codes',
  'new-password',
  'update-email',
  'check-security-history',
] as const;
export type AfterStepId = (typeof AFTER_STEP_IDS)[number];

/**
 * What to do once back in, from what was lost. Every route ends with the security history; the rest
 * follows from the answers (a used recovery code must be replaced, a lost mailbox too, because the
 * admins and the password reset both write to it).
 */
export function afterSteps(leafId: LeafId, answers: Answers, host: PypiHost): Step[] {
  const leafPath = LEAVES[leafId].path;
  const viaSupport = leafPath === 'support-request';
  const lostTwoFactor = answers.twoFactor === 'lost' || viaSupport;
  const usedCode = answers.recoveryCodes === 'yes' && lostTwoFactor;
  const steps: Step[] = [];
  const url = (route: string) => `https://${host}${route}`;

  if (lostTwoFactor) {
    steps.push({
      id: 'replace-lost-method',
      text: viaSupport ? t('recovery_after_set_up_again') : t('recovery_after_replace_lost_method'),
      url: url('/manage/account/two-factor/'),
    });
  }
  steps.push({
    id: 'second-two-factor-method',
    text: t('recovery_after_second_method'),
    url: url('/manage/account/two-factor/'),
  });
  steps.push({
    id: 'new-recovery-codes',
    text: usedCode || lostTwoFactor ? t('recovery_after_new_codes') : t('recovery_after_check_codes'),
    url: url('/manage/account/two-factor/'),
  });
  steps.push({
    id: 'new-password',
    text:
      answers.password === 'disabled'
        ? t('recovery_after_password_breached')
        : answers.password === 'forgotten' || viaSupport
          ? t('recovery_after_password_keep')
          : t('recovery_after_password_suspect'),
    url: url('/manage/account/#change-password'),
  });
  if (answers.email === 'no') {
    steps.push({
      id: 'update-email',
      text: t('recovery_after_update_email'),
      url: url('/manage/account/#account-emails'),
    });
  }
  steps.push({
    id: 'check-security-history',
    text: t('recovery_after_security_history'),
    url: url('/manage/account/#account-events'),
  });
  return steps;
}
