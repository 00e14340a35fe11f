// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BreachState } from '@/utils/prompts/breach/checker';
import type { PasswordAssessment } from '@/utils/prompts/password/evaluate';
import type { PasswordFormKind } from '@/utils/prompts/password/form';
import { passwordCardSpeaks, passwordHeadline, strengthVerdict, type PasswordHeadline, type StrengthVerdict } from '@/utils/prompts/password/verdict';

const assessment = (overrides: Partial<PasswordAssessment>): PasswordAssessment => ({
  pypiScore: 4,
  pypiRefuses: false,
  score: 4,
  crackTime: 'centuries',
  warning: '',
  suggestions: [],
  length: 30,
  lengthAdvice: null,
  ...overrides,
});

describe('strengthVerdict', () => {
  it('weak where PyPI refuses, fair where PyPI accepts but our stricter score or the length advice warns, else strong', () => {
    expect(strengthVerdict(assessment({ pypiScore: 1, pypiRefuses: true, score: 1 }))).toBe('weak');
    // PyPI's own inputs decide refusal, even when ours score it higher.
    expect(strengthVerdict(assessment({ pypiScore: 1, pypiRefuses: true, score: 3 }))).toBe('weak');
    expect(strengthVerdict(assessment({ pypiScore: 3, score: 2 }))).toBe('fair');
    expect(strengthVerdict(assessment({ pypiScore: 3, score: 1 }))).toBe('fair');
    expect(strengthVerdict(assessment({ score: 4, length: 12, lengthAdvice: 'maybe-no-2fa' }))).toBe('fair');
    expect(strengthVerdict(assessment({ score: 3 }))).toBe('strong');
    expect(strengthVerdict(assessment({}))).toBe('strong');
  });
});

describe('passwordHeadline: every combination of the two verdicts gives one headline', () => {
  const BREACH: Record<BreachState['status'], BreachState> = {
    idle: { status: 'idle' },
    checking: { status: 'checking' },
    found: { status: 'found', count: 3 },
    'not-found': { status: 'not-found' },
    'could-not-check': { status: 'could-not-check', reason: 'offline' },
    disabled: { status: 'disabled' },
  };
  const STRENGTHS: (StrengthVerdict | null)[] = ['weak', 'fair', 'strong', null];

  for (const strength of STRENGTHS) {
    for (const breach of Object.values(BREACH)) {
      // Breached beats weak beats fair beats strong; a pending, failed or off check is a line, not the headline.
      const expected: PasswordHeadline = breach.status === 'found' ? 'breached' : (strength ?? 'scoring');
      it(`${strength ?? 'not scored yet'} + ${breach.status} → ${expected}`, () => {
        expect(passwordHeadline(true, strength, breach)).toBe(expected);
      });
    }
  }

  it('an empty field has the empty headline, whatever was said before', () => {
    for (const breach of Object.values(BREACH)) expect(passwordHeadline(false, null, breach)).toBe('empty');
  });
});

describe('passwordCardSpeaks', () => {
  const HEADLINES: PasswordHeadline[] = ['empty', 'scoring', 'breached', 'weak', 'fair', 'strong'];
  it('on new-password forms, always; on the login page, only for a leaked password', () => {
    for (const kind of ['register', 'change', 'reset'] as PasswordFormKind[]) for (const headline of HEADLINES) expect(passwordCardSpeaks(kind, headline)).toBe(true);
    expect(HEADLINES.filter((headline) => passwordCardSpeaks('login', headline))).toEqual(['breached']);
  });
});
