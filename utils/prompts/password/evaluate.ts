import type { ZxcvbnScore } from '../../store/types';
import { crackTimeText, feedbackText } from './feedback-text';

/** PyPI refuses a new password whose zxcvbn score is below this (pypi-facts.md §7). */
export const PYPI_MIN_SCORE = 2;

/** NIST SP 800-63B rev. 4: at least 15 characters when the password is the only factor. */
export const SINGLE_FACTOR_MIN_LENGTH = 15;

/** PyPI's own gauge scores the first 100 characters; so do we (zxcvbn slows on long input). */
export const SCORED_LENGTH = 100;

/** The parts of a zxcvbn result PyPI Guard uses (the zxcvbn package's result has these). */
export interface ZxcvbnLike {
  score: ZxcvbnScore;
  // @types/zxcvbn says string | number; zxcvbn 4.4.2 computes a number (lib/time_estimates.js).
  crack_times_seconds: { offline_slow_hashing_1e4_per_second: string | number };
  feedback: { warning: string; suggestions: string[] };
}

export type Zxcvbn = (password: string, userInputs?: string[]) => ZxcvbnLike;

/** Whether the account behind the form has two-factor authentication, as far as we know. */
export type TwoFactorKnown = 'yes' | 'no' | 'unknown';

export interface PasswordAssessment {
  /** Score with PyPI's own inputs: what PyPI's server will decide. */
  pypiScore: ZxcvbnScore;
  pypiRefuses: boolean;
  /** Score with PyPI Guard's stricter inputs (site names, parts of the name and email). */
  score: ZxcvbnScore;
  /** Offline attack on a slowly hashed leaked database, in the UI language ("3 hours"). */
  crackTime: string;
  warning: string;
  suggestions: string[];
  length: number;
  /** Set when the password is shorter than 15 characters and the account may lack 2FA. */
  lengthAdvice: 'no-2fa' | 'maybe-no-2fa' | null;
}

export interface AssessInputs {
  pypiInputs: string[];
  guardInputs: string[];
  twoFactor: TwoFactorKnown;
}

/** Scores a password twice (PyPI's inputs, then ours) and words the result in the UI language. */
export function assessPassword(zxcvbn: Zxcvbn, password: string, inputs: AssessInputs): PasswordAssessment {
  const scored = password.slice(0, SCORED_LENGTH);
  const pypi = zxcvbn(scored, inputs.pypiInputs);
  const guard = zxcvbn(scored, inputs.guardInputs);
  // Characters as a person counts them (an emoji is one), as PyPI's length rules would.
  const length = [...password].length;
  const short = length < SINGLE_FACTOR_MIN_LENGTH;
  return {
    pypiScore: pypi.score,
    pypiRefuses: pypi.score < PYPI_MIN_SCORE,
    score: guard.score,
    crackTime: crackTimeText(Number(guard.crack_times_seconds.offline_slow_hashing_1e4_per_second)),
    warning: feedbackText(guard.feedback.warning),
    suggestions: guard.feedback.suggestions.map(feedbackText),
    length,
    lengthAdvice: !short || inputs.twoFactor === 'yes' ? null : inputs.twoFactor === 'no' ? 'no-2fa' : 'maybe-no-2fa',
  };
}

/** The score kept for the audit: ours (stricter than PyPI's), never the password. */
export function scoreOnly(zxcvbn: Zxcvbn, password: string, guardInputList: string[]): ZxcvbnScore {
  return zxcvbn(password.slice(0, SCORED_LENGTH), guardInputList).score;
}
