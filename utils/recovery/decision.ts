import type { PypiHost } from '../pypi/hosts';
import { formatDate } from '../text/format';

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
    prompt: 'Can you log in to PyPI with your password?',
    options: [
      { value: 'works', label: 'Yes, PyPI accepts my password' },
      { value: 'forgotten', label: 'No, I forgot it (or PyPI says it is invalid)' },
      {
        value: 'disabled',
        label: 'No, PyPI disabled it because it appeared in a data breach',
        help: 'PyPI checks passwords against Have I Been Pwned at login and disables a breached one; it must be reset by email.',
      },
    ],
  },
  email: {
    id: 'email',
    prompt: 'Can you still read mail sent to the email address on your PyPI account?',
    help: 'A password reset link, and any message from PyPI’s admins, goes to the account’s address.',
    options: [
      { value: 'yes', label: 'Yes, I can read that mailbox' },
      { value: 'no', label: 'No, I lost access to it' },
    ],
  },
  twoFactor: {
    id: 'twoFactor',
    prompt: 'Can you still complete PyPI’s two-factor step (authentication application code or security key)?',
    options: [
      { value: 'works', label: 'Yes, my authentication application or security key still works' },
      { value: 'lost', label: 'No, I lost my phone, app or security key' },
      { value: 'not-enabled', label: 'My account has no two-factor authentication' },
    ],
  },
  otherFactor: {
    id: 'otherFactor',
    prompt: 'Is another way through the two-factor step still available?',
    options: [
      {
        value: 'security-key',
        label: 'Yes, a security key registered on the account still works',
        help: 'PyPI offers every registered method on its two-factor page; any one of them is enough.',
      },
      {
        value: 'remembered-device',
        label: 'Yes, I ticked “Remember this device” in this browser within the last 30 days',
        help: 'PyPI then skips the two-factor step in that browser for 30 days (its remember-device cookie).',
      },
      { value: 'none', label: 'No, none of these' },
    ],
  },
  recoveryCodes: {
    id: 'recoveryCodes',
    prompt: 'Do you have your PyPI recovery codes, with at least one not used yet?',
    help: 'PyPI makes eight recovery codes of 16 characters, each usable once, when you set up two-factor authentication. Look in your password manager or a printed copy.',
    options: [
      { value: 'yes', label: 'Yes, I have an unused recovery code' },
      { value: 'no', label: 'No, I never saved them, lost them or used them all' },
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

const SIGN_IN: StepTemplate = { id: 'sign-in', text: 'Log in with your username and password.', route: '/account/login/' };
/** The step whose link hands the chosen username to PyPI Guard's content script on the reset page. */
export const REQUEST_RESET_STEP_ID = 'request-reset';
const RESET: StepTemplate[] = [
  {
    id: REQUEST_RESET_STEP_ID,
    text: 'Open PyPI’s password reset page and enter your username (PyPI Guard fills it in on that page).',
    route: '/account/request-password-reset/',
  },
  { id: 'open-reset-mail', text: 'Open the reset email from PyPI and follow its link within the time it states.' },
  { id: 'choose-password', text: 'Choose a new, strong password that you use nowhere else, and save it in your password manager.' },
];
const TWO_FACTOR_AS_USUAL: StepTemplate = {
  id: 'two-factor',
  text: 'Complete the two-factor step with your authentication application or security key.',
};
const SECURITY_KEY: StepTemplate = {
  id: 'security-key',
  text: 'On the two-factor page, choose the security key option and touch your key when the browser asks.',
};
const REMEMBERED: StepTemplate = {
  id: 'remembered-device',
  text: 'Log in from the same browser where you ticked “Remember this device”: PyPI skips the two-factor step there for 30 days. If it still asks for a code, go back and answer “none of these”.',
};
const RECOVERY_CODE: StepTemplate[] = [
  {
    id: 'recovery-code-link',
    text: 'On the two-factor page, follow the link to log in with a recovery code (it leads to /account/recovery-code/).',
  },
  { id: 'recovery-code-enter', text: 'Type one unused 16-character recovery code. Each code works once; PyPI emails you when one is used.' },
];

/** The support path's three steps, shown as the page's numbered steps (entrypoints/recovery/RequestStep.tsx). */
export const SUPPORT_REQUEST_STEPS: StepTemplate[] = [
  { id: 'prepare', text: 'PyPI Guard fills in what it knows. Check each field; add your own words if you like.' },
  { id: 'file', text: 'Open PyPI’s account recovery form on GitHub, paste each field, tick the three boxes yourself and submit it once.' },
  { id: 'track', text: 'Paste the issue’s address here, so PyPI Guard reminds you to follow up on it instead of filing again.' },
];

export const LEAVES: Record<LeafId, Leaf> = {
  'sign-in': {
    id: 'sign-in',
    path: 'sign-in',
    title: 'You can still log in',
    summary: 'Nothing locks you out: log in and fix what is missing from your account settings. No request to PyPI support is needed.',
    steps: [SIGN_IN, TWO_FACTOR_AS_USUAL],
  },
  'security-key': {
    id: 'security-key',
    path: 'use-other-factor',
    title: 'Log in with your security key',
    summary: 'Any one registered two-factor method is enough: use the security key you still have.',
    steps: [SIGN_IN, SECURITY_KEY],
  },
  'remembered-device': {
    id: 'remembered-device',
    path: 'use-other-factor',
    title: 'Log in from your remembered browser',
    summary: 'A browser PyPI remembered in the last 30 days skips the two-factor step.',
    steps: [SIGN_IN, REMEMBERED],
  },
  'recovery-code': {
    id: 'recovery-code',
    path: 'recovery-code-login',
    title: 'Log in with a recovery code',
    summary: 'A recovery code replaces your lost two-factor method once. Then set up a new method straight away.',
    steps: [SIGN_IN, ...RECOVERY_CODE],
  },
  'password-reset': {
    id: 'password-reset',
    path: 'password-reset',
    title: 'Reset your password by email',
    summary: 'PyPI emails a reset link to your account’s address. Your two-factor method still works after the reset.',
    steps: [...RESET, SIGN_IN, TWO_FACTOR_AS_USUAL],
  },
  'password-reset-then-security-key': {
    id: 'password-reset-then-security-key',
    path: 'password-reset',
    title: 'Reset your password, then use your security key',
    summary: 'A reset does not remove two-factor authentication: after it, use the security key you still have.',
    steps: [...RESET, SIGN_IN, SECURITY_KEY],
  },
  'password-reset-then-remembered-device': {
    id: 'password-reset-then-remembered-device',
    path: 'password-reset',
    title: 'Reset your password, then log in from your remembered browser',
    summary: 'A reset does not remove two-factor authentication: log in from the browser PyPI remembered.',
    steps: [...RESET, SIGN_IN, REMEMBERED],
  },
  'password-reset-then-recovery-code': {
    id: 'password-reset-then-recovery-code',
    path: 'password-reset',
    title: 'Reset your password, then log in with a recovery code',
    summary: 'A reset does not remove two-factor authentication: after it, use one of your recovery codes.',
    steps: [...RESET, SIGN_IN, ...RECOVERY_CODE],
  },
  'support-lost-two-factor': {
    id: 'support-lost-two-factor',
    path: 'support-request',
    title: 'Ask PyPI support to recover your account',
    summary: 'Without a working two-factor method or a recovery code, only PyPI’s admins can reset two-factor authentication. File one account recovery request.',
    steps: SUPPORT_REQUEST_STEPS,
  },
  'support-lost-email': {
    id: 'support-lost-email',
    path: 'support-request',
    title: 'Ask PyPI support to recover your account',
    summary: 'A password reset needs the account’s mailbox. Without it, only PyPI’s admins can help. File one account recovery request.',
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
    const primary = verifiedEmails.primary ? ` (primary: ${verifiedEmails.primary})` : '';
    hints.push({
      id: 'verified-emails',
      text: `Verified addresses PyPI Guard saw on ${day(verifiedEmails.seenAt)}: ${verifiedEmails.addresses.join(', ')}${primary}.`,
    });
  }
  if (question === 'twoFactor' && twoFactor) {
    const methods = describeMethods(twoFactor);
    hints.push({
      id: 'two-factor-methods',
      text: methods
        ? `On ${day(twoFactor.seenAt)} your account had: ${methods}.`
        : `On ${day(twoFactor.seenAt)} PyPI Guard saw no two-factor method on your account.`,
    });
  }
  if (question === 'otherFactor' && twoFactor && twoFactor.securityKeys.length > 0) {
    hints.push({
      id: 'security-keys-registered',
      text: `Security keys registered on ${day(twoFactor.seenAt)}: ${twoFactor.securityKeys.map((label) => `“${label}”`).join(', ')}. If you still have one, it is the fastest way in.`,
    });
  }
  if (question === 'recoveryCodes' && recoveryCodes) {
    hints.push(
      recoveryCodes.unused === 0
        ? { id: 'no-unused-codes', text: `On ${day(recoveryCodes.seenAt)} your account had no unused recovery codes.` }
        : {
            id: 'unused-codes',
            text: `On ${day(recoveryCodes.seenAt)} your account had ${recoveryCodes.unused ?? 'some'} unused recovery code${recoveryCodes.unused === 1 ? '' : 's'}. Search your password manager, notes and printouts before filing an account recovery request.`,
          },
    );
  }
  return hints;
}

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
      text: `On ${day(twoFactor.seenAt)} PyPI Guard saw no security key on this account. If you never added one, go back and answer “none of these”.`,
    });
  }
  if (answers.recoveryCodes === 'yes' && recoveryCodes?.unused === 0) {
    caveats.push({
      id: 'codes-used-up',
      text: `On ${day(recoveryCodes.seenAt)} this account had no unused recovery codes. Unless you made new ones since, they will not work.`,
    });
  }
  if (answers.recoveryCodes === 'no' && recoveryCodes && recoveryCodes.unused !== 0) {
    caveats.push({
      id: 'codes-may-exist',
      text: `On ${day(recoveryCodes.seenAt)} this account still had ${recoveryCodes.unused ?? 'some'} unused recovery code${recoveryCodes.unused === 1 ? '' : 's'}. Finding one is far faster than an account recovery request.`,
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
              text: `At its last lookup (${day(domain.checkedAt)}), ${domain.text}. Mail to ${domain.addresses.join(', ')} cannot reach you, and whoever registers the domain next receives PyPI’s mail for it, password resets included. If your registrar still lets you renew or restore it, do that first: with the mailbox back, a password reset may be all you need. Otherwise say in your request that the domain lapsed, so PyPI’s admins do not write to that address.`,
            }
          : {
              id: 'email-domain-registered',
              text: `At its last lookup (${day(domain.checkedAt)}), ${domain.text}: the domain has not lapsed, so whoever runs its mail may be able to give you the mailbox back.`,
            },
      );
    }
  }
  if (answers.otherFactor === 'none' && answers.twoFactor === 'lost' && twoFactor && twoFactor.securityKeys.length > 0) {
    caveats.push({
      id: 'security-key-registered',
      text: `Your account has a security key registered (${twoFactor.securityKeys.map((label) => `“${label}”`).join(', ')}). If you find it, it works instead of the lost method.`,
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
      text: 'PyPI disabled your password because it turned up in a data breach, but your account is not lost: PyPI’s own help says to choose a new password through “Forgot password?”, and the reset email reaches you because you can still read your mailbox. An account recovery request would only make you wait weeks for the same reset.',
    });
  }
  if (answers.email === 'no') {
    why.push({
      id: 'lost-email-can-sign-in',
      text: 'You can no longer read your account’s mailbox, but you can still get into the account, so there is nothing for PyPI’s admins to restore: they step in only when nobody can log in. Once in, add an address you can read and make it primary. Until you do, a forgotten password could not be reset and PyPI could not reach you.',
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
      text: viaSupport
        ? 'Once the admins reset two-factor authentication, set it up again with an authentication application or a security key.'
        : 'Remove the lost method from your account and set up a new one in its place.',
      url: url('/manage/account/two-factor/'),
    });
  }
  steps.push({
    id: 'second-two-factor-method',
    text: 'Add a second two-factor method (for example a security key besides your app), so losing one device never locks you out again.',
    url: url('/manage/account/two-factor/'),
  });
  steps.push({
    id: 'new-recovery-codes',
    text:
      usedCode || lostTwoFactor
        ? 'Generate new recovery codes and store them apart from your phone (a password manager or a printout); the old set is spent or lost.'
        : 'Make sure you have unused recovery codes stored apart from your phone; regenerate them if you are not sure.',
    url: url('/manage/account/two-factor/'),
  });
  steps.push({
    id: 'new-password',
    text:
      answers.password === 'disabled'
        ? 'Your old password is in a public breach: never use it again anywhere, and change it on every other site that shares it.'
        : answers.password === 'forgotten' || viaSupport
          ? 'Keep the new password in a password manager so it is never lost again.'
          : 'If you suspect anyone else knew your password, change it now.',
    url: url('/manage/account/#change-password'),
  });
  if (answers.email === 'no') {
    steps.push({
      id: 'update-email',
      text: 'Add an email address you can read, verify it, make it primary and remove the lost one; a second verified address on another domain helps future recovery.',
      url: url('/manage/account/#account-emails'),
    });
  }
  steps.push({
    id: 'check-security-history',
    text: 'Read your account’s security history for logins or changes you do not recognise.',
    url: url('/manage/account/#account-events'),
  });
  return steps;
}
