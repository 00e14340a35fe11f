import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freeText, unlabelledSecret } from './secret-shapes';
import { EVIDENCE_ITEM_IDS, buildEvidenceKit, evidenceFileName, evidenceMarkdown } from '@/utils/recovery/evidence';
import { decisionFactsOf, recoveryFactsOf, type RecoveryAccountFacts } from '@/utils/recovery/facts';
import { nextSteps, projectsWithoutSourceLookup } from '@/utils/recovery/next-steps';
import type { AccountRecord, StoredEvent } from '@/utils/store/types';

const seenAt = Date.UTC(2026, 4, 1);
const NOW = Date.UTC(2026, 5, 15, 12);

const RECORD: AccountRecord = {
  id: 'pypi.org/ada',
  host: 'pypi.org',
  username: 'Ada',
  firstSeenAt: seenAt,
  lastSeenAt: seenAt,
  pagesSeenAt: { 'account-settings': seenAt },
  emails: {
    value: [
      { address: 'ada@example.org', primary: true, verified: true, status: 'verified' },
      { address: 'ada@old.example', primary: false, verified: false, status: 'unverified' },
    ],
    seenAt,
  },
  projects: { value: ['engine', 'notes'], seenAt },
  dateJoined: { value: Date.UTC(2019, 2, 4), seenAt },
  twoFactor: { value: { totp: true, securityKeys: ['Blue key'] }, seenAt },
  recoveryCodes: { value: { generated: true, unused: 6 }, seenAt },
  projectSources: { value: [{ project: 'engine', repositoryUrl: 'https://github.com/ada/engine' }, { project: 'notes', repositoryUrl: null }], seenAt },
  // Fields the recovery modules do not read.
  apiTokens: { value: [{ name: 'ci', scope: { kind: 'account' } }], seenAt },
};

const event = (tag: StoredEvent['tag'], time: number): StoredEvent => ({ id: `${tag}${time}`, accountId: 'pypi.org/ada', firstSeenAt: time, tag, summary: tag, time });

describe('recoveryFactsOf', () => {
  it('reads the account record and the newest login', () => {
    const facts = recoveryFactsOf(RECORD, [event('account:login:success', 5), event('account:login:success', 9), event('account:login:failure', 20)]);
    expect(facts).toEqual({
      host: 'pypi.org',
      username: 'Ada',
      emails: RECORD.emails,
      projects: RECORD.projects,
      dateJoined: RECORD.dateJoined,
      twoFactor: RECORD.twoFactor,
      unusedRecoveryCodes: { value: 6, seenAt },
      projectSources: RECORD.projectSources,
      lastSignInAt: 9,
    });
  });

  it('takes the recovery-code state from the newer of the settings page and the two-factor page', () => {
    const later = { ...RECORD, loginMethods: { value: { totp: true, webauthn: false, recoveryCodes: false }, seenAt: seenAt + 1 } };
    expect(recoveryFactsOf(later).unusedRecoveryCodes).toEqual({ value: 0, seenAt: seenAt + 1 });
    const withCodes = { ...RECORD, recoveryCodes: undefined, loginMethods: { value: { totp: true, webauthn: false, recoveryCodes: true }, seenAt } };
    expect(recoveryFactsOf(withCodes).unusedRecoveryCodes).toEqual({ value: null, seenAt });
    const none = { ...RECORD, recoveryCodes: { value: { generated: false }, seenAt } };
    expect(recoveryFactsOf(none).unusedRecoveryCodes).toEqual({ value: 0, seenAt });
  });

  it('works for an account PyPI Guard saw only once', () => {
    const bare: AccountRecord = { id: 'pypi.org/bob', host: 'pypi.org', username: 'bob', firstSeenAt: 1, lastSeenAt: 1, pagesSeenAt: {} };
    expect(recoveryFactsOf(bare)).toEqual({ host: 'pypi.org', username: 'bob' });
    expect(decisionFactsOf(recoveryFactsOf(bare))).toEqual({});
  });

  it('gives the decision tree only verified addresses', () => {
    expect(decisionFactsOf(recoveryFactsOf(RECORD))?.verifiedEmails).toEqual({ addresses: ['ada@example.org'], primary: 'ada@example.org', seenAt });
  });
});

describe('the evidence kit', () => {
  const facts = recoveryFactsOf(RECORD, [event('account:login:success', Date.UTC(2026, 3, 30))]);

  it('fills each item of the seed’s list from stored data', () => {
    const kit = buildEvidenceKit({ host: 'pypi.org', username: 'Ada', facts, reason: 'Lost my phone in May.' });
    expect(kit.items.map((item) => item.id)).toEqual([...EVIDENCE_ITEM_IDS]);
    const values = Object.fromEntries(kit.items.map((item) => [item.id, item.values]));
    expect(values).toEqual({
      username: ['Ada'],
      emails: ['ada@example.org (primary, verified)', 'ada@old.example (unverified)'],
      projects: ['engine', 'notes'],
      'date-joined': ['2019-03-04'],
      reason: ['Lost my phone in May.'],
      'source-repositories': ['engine: https://github.com/ada/engine'],
      'two-factor-methods': ['Authentication application (TOTP)', 'Security key “Blue key” (WebAuthn)'],
      'last-sign-in': ['2026-04-30'],
    });
    expect(kit.items.filter((item) => item.source === 'missing')).toEqual([]);
  });

  it('exports Markdown with ticked items, dates seen and full addresses (a private file)', () => {
    const kit = buildEvidenceKit({ host: 'pypi.org', username: 'Ada', facts, notes: 'Also used ada@university.example until 2020.' });
    const md = evidenceMarkdown(kit, NOW);
    expect(md).toContain('# PyPI account evidence kit: Ada on pypi.org');
    expect(md).toContain('Saved on 2026-06-15');
    expect(md).toContain('- [x] **Account creation date**: 2019-03-04 _(seen on PyPI on 2026-05-01)_');
    expect(md).toContain('  - ada@example.org (primary, verified)');
    expect(md).toContain('- [ ] **Reason for the request**: not known yet.');
    expect(md).toContain('## Notes\n\nAlso used ada@university.example until 2020.');
    expect(evidenceFileName(kit, NOW)).toBe('pypi-evidence-pypi.org-Ada-2026-06-15.md');
  });

  it('works with nothing stored, pointing to where each fact can be found', () => {
    const kit = buildEvidenceKit({ host: 'test.pypi.org', username: 'newcomer' });
    expect(kit.items.find((item) => item.id === 'username')).toMatchObject({ values: ['newcomer'], source: 'typed' });
    const projects = kit.items.find((item) => item.id === 'projects');
    expect(projects).toMatchObject({ source: 'missing', values: [] });
    expect(projects?.tip).toContain('https://test.pypi.org/user/newcomer/');
    expect(evidenceMarkdown(kit, NOW)).toContain('- [ ] **Packages you uploaded or maintain**: not known yet.');
  });

  it('never writes a secret typed into the reason or notes', () => {
    const kit = buildEvidenceKit({ host: 'pypi.org', username: 'ada', reason: 'code 0123456789abcdef', notes: 'password: s3cret!' });
    const md = evidenceMarkdown(kit, NOW);
    expect(md).not.toContain('0123456789abcdef');
    expect(md).not.toContain('s3cret!');
    expect(kit.removed).toEqual(['recovery-code', 'password']);
  });

  it('keeps non-ASCII text', () => {
    const md = evidenceMarkdown(buildEvidenceKit({ host: 'pypi.org', username: 'ada', reason: 'Téléphone perdu — 手机丢了' }), NOW);
    expect(md).toContain('Téléphone perdu — 手机丢了');
  });
});

describe('the evidence kit holds no secret (property)', () => {
  it('drops an unlabelled recovery code, TOTP key or pypi- token typed into the notes or the reason', () => {
    const facts = recoveryFactsOf(RECORD);
    fc.assert(
      fc.property(unlabelledSecret, freeText, freeText, fc.constantFrom('notes', 'reason'), (secret, before, after, where) => {
        const text = `${before} ${secret} ${after}`;
        const kit = buildEvidenceKit({ host: 'pypi.org', username: 'Ada', facts, [where]: text });
        expect(evidenceMarkdown(kit, NOW)).not.toContain(secret);
        expect(JSON.stringify(kit)).not.toContain(JSON.stringify(secret).slice(1, -1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('what happens next', () => {
  const facts = recoveryFactsOf(RECORD);

  it('follows PyPI’s process in order', () => {
    expect(nextSteps(facts, {}).map((step) => step.id)).toEqual(['admin-email', 'push-branch', 'waiting-period', 'reset']);
  });

  it('says the admins write to the primary address, and whether the user reads it', () => {
    const yes = nextSteps(facts, { email: 'yes' })[0]!;
    expect(yes.detail).toContain('the primary address (ada@example.org)');
    expect(yes.ability).toBe('yes');
    const no = nextSteps(facts, { email: 'no' })[0]!;
    expect(no.ability).toBe('no');
    expect(no.because).toMatch(/other proof/);
    expect(nextSteps(undefined, {})[0]!.ability).toBe('unknown');
  });

  it('offers the branch push when a project has a public repository', () => {
    const push = nextSteps(facts, { email: 'yes' })[1]!;
    expect(push).toMatchObject({ ability: 'yes' });
    expect(push.because).toContain('engine (https://github.com/ada/engine)');
    expect(nextSteps(facts, { email: 'yes' })[2]!.because).toMatch(/Only needed if you cannot push/);
  });

  it('expects the waiting period when no project has a repository', () => {
    const noRepo: RecoveryAccountFacts = { ...facts, projectSources: { value: [{ project: 'engine', repositoryUrl: null }, { project: 'notes', repositoryUrl: null }], seenAt } };
    const [, push, waiting] = nextSteps(noRepo, { email: 'yes' });
    expect(push!.ability).toBe('no');
    expect(waiting!.because).toMatch(/likely your path: plan for at least 7 days/);
  });

  it('asks to look the sources up when projects are known but not looked up', () => {
    const unlooked: RecoveryAccountFacts = { ...facts, projectSources: undefined };
    expect(projectsWithoutSourceLookup(unlooked)).toEqual(['engine', 'notes']);
    expect(nextSteps(unlooked, {})[1]).toMatchObject({ ability: 'unknown', action: 'look-up-sources' });
    expect(nextSteps({ host: 'pypi.org', username: 'x' }, {})[1]!.ability).toBe('unknown');
    expect(nextSteps({ host: 'pypi.org', username: 'x', projects: { value: [], seenAt } }, {})[1]!.ability).toBe('no');
  });
});
