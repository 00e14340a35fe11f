import type { BreachState } from '../breach/checker';
import { PYPI_MIN_SCORE, type PasswordAssessment } from './evaluate';
import type { PasswordFormKind } from './form';

/** How easy the password is to guess, in PyPI's terms first. */
export type StrengthVerdict = 'weak' | 'fair' | 'strong';

/**
 * `weak`: PyPI's own score is below its minimum, so PyPI refuses it as a new password. `fair`:
 * PyPI accepts it, but PyPI Guard's stricter score (the popup's, with the account's own words) is
 * no better than PyPI's minimum, or it is short for an account that may have no 2FA. `strong`: neither.
 */
export function strengthVerdict(assessment: PasswordAssessment): StrengthVerdict {
  if (assessment.pypiRefuses) return 'weak';
  if (assessment.score <= PYPI_MIN_SCORE || assessment.lengthAdvice !== null) return 'fair';
  return 'strong';
}

/**
 * The one headline of a password field's card, combining both verdicts: a leaked password beats
 * any strength (it is tried first, however long it is), then weak, fair, strong. A breach check
 * still under way, off or failed does not change the headline; it is a line of the card.
 * `empty`: nothing typed; `scoring`: typed, zxcvbn still loading.
 */
export type PasswordHeadline = 'empty' | 'scoring' | 'breached' | StrengthVerdict;

export function passwordHeadline(typed: boolean, strength: StrengthVerdict | null, breach: BreachState): PasswordHeadline {
  if (!typed) return 'empty';
  if (breach.status === 'found') return 'breached';
  return strength ?? 'scoring';
}

/**
 * Whether the card has something to say. On a new-password form it explains every password
 * typed. On the login page only a leaked password is worth a word (it is about to be refused and
 * disabled): the user is not choosing a password there, the popup's strength check already rates
 * the one that logs in, and a card appearing while they type would push "Log in" from under the
 * pointer. A leak is known only once the field is left, as the button is pressed.
 */
export function passwordCardSpeaks(kind: PasswordFormKind, headline: PasswordHeadline): boolean {
  return kind !== 'login' || headline === 'breached';
}
