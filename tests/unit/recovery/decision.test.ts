import { describe, expect, it } from 'vitest';
import {
  LEAF_IDS,
  LEAVES,
  NODES,
  NODE_IDS,
  PATH_IDS,
  QUESTIONS,
  ROOT,
  afterSteps,
  answersOnRoute,
  caveatsFor,
  enumerateRoutes,
  hintsFor,
  resolveSteps,
  walk,
  whyNotSupport,
  type Answers,
  type DecisionFacts,
  type LeafId,
  type PathId,
} from '@/utils/recovery/decision';

const routes = enumerateRoutes();
const describeRoute = (route: { question: string; answer: string }[]) => route.map((step) => `${step.question}=${step.answer}`).join(' → ');

function leafOf(answers: Answers): LeafId {
  const result = walk(answers);
  if (result.kind !== 'leaf') throw new Error(`no leaf for ${JSON.stringify(answers)}: asks ${result.node.question}`);
  return result.leaf.id;
}

describe('the decision tree as data', () => {
  // One test per leaf, named with the first route that reaches it: the tree's map, checked.
  it.each(LEAF_IDS.map((id) => [id, routes.find((route) => route.leaf === id)] as const))('leaf %s is reachable', (id, found) => {
    expect(found, `no route reaches ${id}`).toBeDefined();
    const answers = answersOnRoute(found!.route);
    const result = walk(answers);
    expect(result.kind).toBe('leaf');
    if (result.kind === 'leaf') {
      expect(result.leaf.id).toBe(id);
      expect(describeRoute(result.route)).toBe(describeRoute(found!.route));
    }
  });

  it('prints every leaf with its route (a readable map of the tree)', () => {
    const map = Object.fromEntries(LEAF_IDS.map((id) => [id, routes.filter((r) => r.leaf === id).map((r) => describeRoute(r.route))]));
    expect(map['support-lost-two-factor']).toContain('password=works → email=yes → twoFactor=lost → otherFactor=none → recoveryCodes=no');
    expect(map['support-lost-email']).toEqual(['password=forgotten → email=no', 'password=disabled → email=no']);
    expect(map['password-reset']).toContain('password=forgotten → email=yes → twoFactor=works');
    expect(map['recovery-code']).toContain('password=works → email=no → twoFactor=lost → otherFactor=none → recoveryCodes=yes');
    expect(map['security-key']).toContain('password=works → email=yes → twoFactor=lost → otherFactor=security-key');
    expect(map['remembered-device']).toContain('password=works → email=yes → twoFactor=lost → otherFactor=remembered-device');
  });

  it('walks every enumerated route to the leaf it names', () => {
    expect(routes.length).toBeGreaterThanOrEqual(LEAF_IDS.length);
    for (const { route, leaf } of routes) expect(leafOf(answersOnRoute(route))).toBe(leaf);
  });

  it('reaches every node, and every option of every node leads somewhere defined', () => {
    const visited = new Set(routes.flatMap((route) => route.route.map((step) => step.node)));
    expect([...visited].sort()).toEqual([...NODE_IDS].sort());
    for (const id of NODE_IDS) {
      const node = NODES[id];
      expect(node.id).toBe(id);
      const optionValues = QUESTIONS[node.question].options.map((option) => option.value).sort();
      expect(Object.keys(node.next).sort(), `${id} must branch on every answer of ${node.question}`).toEqual(optionValues);
      for (const target of Object.values(node.next)) {
        if ('leaf' in target) expect(LEAVES[target.leaf]).toBeDefined();
        else expect(NODES[target.node]).toBeDefined();
      }
    }
  });

  it('asks each question at most once on any route (no loops)', () => {
    for (const { route } of routes) {
      const asked = route.map((step) => step.question);
      expect(new Set(asked).size).toBe(asked.length);
    }
  });

  it('gives every kind of path at least one leaf', () => {
    const paths = new Set<PathId>(LEAF_IDS.map((id) => LEAVES[id].path));
    expect([...paths].sort()).toEqual([...PATH_IDS].sort());
  });

  it('starts with the password question', () => {
    const first = walk({});
    expect(first.kind).toBe('question');
    if (first.kind === 'question') expect(first.node.id).toBe(ROOT);
  });
});

describe('walk', () => {
  it('leads a lost 2FA device without codes to a support request', () => {
    expect(LEAVES[leafOf({ password: 'works', email: 'yes', twoFactor: 'lost', otherFactor: 'none', recoveryCodes: 'no' })].path).toBe('support-request');
  });

  it('leads a forgotten password with a working mailbox to the password reset', () => {
    expect(leafOf({ password: 'forgotten', email: 'yes', twoFactor: 'works' })).toBe('password-reset');
  });

  it('leads a breach-disabled password without the mailbox to a support request', () => {
    expect(leafOf({ password: 'disabled', email: 'no' })).toBe('support-lost-email');
  });

  it('prefers another registered factor and then recovery codes over support', () => {
    expect(LEAVES[leafOf({ password: 'works', email: 'yes', twoFactor: 'lost', otherFactor: 'security-key' })].path).toBe('use-other-factor');
    expect(LEAVES[leafOf({ password: 'works', email: 'yes', twoFactor: 'lost', otherFactor: 'none', recoveryCodes: 'yes' })].path).toBe('recovery-code-login');
  });

  it('needs both a reset and a second factor when password and device are lost', () => {
    expect(leafOf({ password: 'forgotten', email: 'yes', twoFactor: 'lost', otherFactor: 'none', recoveryCodes: 'yes' })).toBe('password-reset-then-recovery-code');
    expect(leafOf({ password: 'forgotten', email: 'yes', twoFactor: 'lost', otherFactor: 'none', recoveryCodes: 'no' })).toBe('support-lost-two-factor');
  });

  it('does not send a user who only lost the mailbox to support', () => {
    expect(LEAVES[leafOf({ password: 'works', email: 'no', twoFactor: 'works' })].path).toBe('sign-in');
  });

  it('asks the next question of the current branch', () => {
    const result = walk({ password: 'forgotten' });
    expect(result.kind === 'question' && result.node.id).toBe('email-for-reset');
    expect(result.route).toEqual([{ node: 'password', question: 'password', answer: 'forgotten' }]);
  });

  it('ignores answers from another branch and unknown answer values', () => {
    const result = walk({ password: 'works', email: 'yes', twoFactor: 'works', otherFactor: 'none', recoveryCodes: 'no' });
    expect(result.kind === 'leaf' && result.leaf.id).toBe('sign-in');
    if (result.kind === 'leaf') expect(result.answers).toEqual({ password: 'works', email: 'yes', twoFactor: 'works' });
    const odd = walk({ password: 'maybe' } as unknown as Answers);
    expect(odd.kind === 'question' && odd.node.id).toBe('password');
  });
});

describe('why not a support request (two routes that differ from what people expect)', () => {
  it('sends a breach-disabled password with a working mailbox to the password reset, and says why', () => {
    const fromBreach = routes.filter(({ route }) => route[0]!.answer === 'disabled' && route[1]!.answer === 'yes');
    expect(fromBreach.length).toBeGreaterThan(0);
    for (const { route, leaf } of fromBreach) {
      const answers = answersOnRoute(route);
      if (LEAVES[leaf].path === 'support-request') {
        // Only when the two-factor step is lost too: then it is the device, not the password.
        expect(answers.recoveryCodes, describeRoute(route)).toBe('no');
        expect(whyNotSupport(leaf, answers)).toEqual([]);
      } else {
        expect(LEAVES[leaf].path, describeRoute(route)).toBe('password-reset');
        expect(whyNotSupport(leaf, answers).map((why) => why.id)).toEqual(['breached-password-reset']);
      }
    }
    expect(whyNotSupport('password-reset', { password: 'disabled', email: 'yes', twoFactor: 'works' })[0]!.text).toMatch(/data breach.*Forgot password\?.*mailbox/);
  });

  it('sends a lost mailbox to login while the user still gets in, and says why', () => {
    expect(leafOf({ password: 'works', email: 'no', twoFactor: 'works' })).toBe('sign-in');
    expect(leafOf({ password: 'works', email: 'no', twoFactor: 'not-enabled' })).toBe('sign-in');
    for (const { route, leaf } of routes.filter(({ route }) => route[0]!.answer === 'works' && route[1]!.answer === 'no')) {
      const ids = whyNotSupport(leaf, answersOnRoute(route)).map((why) => why.id);
      expect(ids, describeRoute(route)).toEqual(LEAVES[leaf].path === 'support-request' ? [] : ['lost-email-can-sign-in']);
    }
    expect(whyNotSupport('sign-in', { password: 'works', email: 'no', twoFactor: 'works' })[0]!.text).toMatch(/still get into the account.*make it primary/);
  });

  it('explains nothing on routes where no one would expect support', () => {
    expect(whyNotSupport('password-reset', { password: 'forgotten', email: 'yes', twoFactor: 'works' })).toEqual([]);
    expect(whyNotSupport('sign-in', { password: 'works', email: 'yes', twoFactor: 'works' })).toEqual([]);
  });
});

describe('steps', () => {
  it('links the password reset on the account’s host', () => {
    const steps = resolveSteps(LEAVES['password-reset'].steps, 'test.pypi.org');
    expect(steps[0]!.url).toBe('https://test.pypi.org/account/request-password-reset/');
    expect(resolveSteps(LEAVES['password-reset'].steps, 'pypi.org')[0]!.url).toBe('https://pypi.org/account/request-password-reset/');
  });

  it('sends recovery-code logins through login and the two-factor page’s recovery link', () => {
    const steps = resolveSteps(LEAVES['recovery-code'].steps, 'pypi.org');
    expect(steps[0]!.url).toBe('https://pypi.org/account/login/');
    expect(steps.map((step) => step.text).join(' ')).toContain('/account/recovery-code/');
  });

  it('ends every route with the after-steps that fit what was lost', () => {
    for (const { route, leaf } of routes) {
      const answers = answersOnRoute(route);
      const ids = afterSteps(leaf, answers, 'pypi.org').map((step) => step.id);
      expect(ids.at(-1), describeRoute(route)).toBe('check-security-history');
      expect(ids).toContain('second-two-factor-method');
      expect(ids).toContain('new-recovery-codes');
      expect(ids).toContain('new-password');
      expect(ids.includes('update-email'), describeRoute(route)).toBe(answers.email === 'no');
      expect(ids.includes('replace-lost-method'), describeRoute(route)).toBe(answers.twoFactor === 'lost' || LEAVES[leaf].path === 'support-request');
    }
  });

  it('tells a breached password never to be used again', () => {
    const step = afterSteps('password-reset', { password: 'disabled', email: 'yes', twoFactor: 'works' }, 'pypi.org').find((s) => s.id === 'new-password');
    expect(step?.text).toMatch(/breach/);
    expect(step?.url).toBe('https://pypi.org/manage/account/#change-password');
  });
});

describe('stored facts', () => {
  const seenAt = Date.UTC(2026, 2, 1);
  const facts: DecisionFacts = {
    twoFactor: { totp: true, securityKeys: ['Blue key'], seenAt },
    recoveryCodes: { unused: 5, seenAt },
    verifiedEmails: { addresses: ['ada@example.org'], primary: 'ada@example.org', seenAt },
  };

  it('points out a registered security key and unused codes beside the questions', () => {
    expect(hintsFor('otherFactor', facts).map((h) => h.text).join()).toContain('“Blue key”');
    expect(hintsFor('recoveryCodes', facts)[0]?.text).toContain('5 unused recovery codes');
    expect(hintsFor('twoFactor', facts)[0]?.text).toContain('an authentication application (TOTP) and 1 security key');
    expect(hintsFor('email', facts)[0]?.text).toContain('ada@example.org');
    expect(hintsFor('password', facts)).toEqual([]);
    expect(hintsFor('recoveryCodes', undefined)).toEqual([]);
  });

  it('warns when the answers contradict the facts', () => {
    expect(caveatsFor({ recoveryCodes: 'no' }, facts).map((c) => c.id)).toEqual(['codes-may-exist']);
    expect(caveatsFor({ twoFactor: 'lost', otherFactor: 'none' }, facts).map((c) => c.id)).toEqual(['security-key-registered']);
    const none: DecisionFacts = { twoFactor: { totp: true, securityKeys: [], seenAt }, recoveryCodes: { unused: 0, seenAt } };
    expect(caveatsFor({ otherFactor: 'security-key', recoveryCodes: 'yes' }, none).map((c) => c.id)).toEqual(['no-security-key-seen', 'codes-used-up']);
    expect(caveatsFor({ recoveryCodes: 'no' }, none)).toEqual([]);
  });
});
