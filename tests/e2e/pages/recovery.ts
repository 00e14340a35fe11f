import { expect, type Page } from '@playwright/test';

/** The assistant's questions and the answers of a user who lost 2FA and has no recovery code (also the Firefox flows'). */
export const LOST_TWO_FACTOR_NO_CODES = [
  ['password', 'works'],
  ['email', 'yes'],
  ['twoFactor', 'lost'],
  ['otherFactor', 'none'],
  ['recoveryCodes', 'no'],
] as const;

/**
 * What a user who lost 2FA and has no recovery code answers on the recovery assistant, one question
 * at a time, until the support path shows. From the lost-2FA prompt (`passwordKnown`) the password
 * question is not asked: PyPI accepted the password before its two-factor step.
 */
export async function answerLostTwoFactorNoCodes(page: Page, { passwordKnown = false } = {}): Promise<void> {
  const answers = LOST_TWO_FACTOR_NO_CODES;
  for (const [question, option] of passwordKnown ? answers.slice(1) : answers) {
    await page.locator(`[data-question="${question}"] [data-option="${option}"]`).check();
    await page.locator('[data-action="next"]').click();
  }
  await expect(page.locator('[data-path="support-request"]')).toBeVisible();
}
