import { createBreachChecker } from '@/utils/prompts/breach/checker';
import { injectedZxcvbn } from '@/utils/prompts/on-demand';
import type { PasswordForm } from '@/utils/prompts/password/form';
import { lazyZxcvbn, preloadOnIntent } from '@/utils/prompts/password/lazy-zxcvbn';
import { watchPasswordForm } from '@/utils/prompts/password/watch';
import type { PromptDefinition, PromptEnv } from '@/utils/prompts/types';
import { pypiGuardWorld } from '@/utils/prompts/world';
import { passwordVerdictPrompt } from './PasswordVerdict';

/**
 * The prompt of a PyPI password form (login, register, change, reset): one card with the strength
 * and breach verdicts, and the breach check's submit hold. zxcvbn is injected
 * into the page only when the user reaches the password field (utils/prompts/on-demand.ts).
 */
export function passwordPrompts(passwordForm: PasswordForm, env: PromptEnv): PromptDefinition[] {
  const zxcvbn = lazyZxcvbn(injectedZxcvbn);
  preloadOnIntent(zxcvbn, passwordForm.field, env.signal);
  // On the login page, the trigger already asked whether this view confirmed a password reset.
  let afterReset = false;
  if (passwordForm.kind === 'login') void pypiGuardWorld.pypiGuardLoginAfterReset?.then((confirmed) => (afterReset = confirmed));
  const watch = watchPasswordForm(passwordForm, {
    zxcvbn,
    checker: createBreachChecker(env.send),
    send: env.send,
    signal: env.signal,
    afterReset: () => afterReset,
    wasFocused: (field) => pypiGuardWorld.pypiGuardFocusedPasswordFields?.has(field) ?? false,
  });
  // Watched now; a submit the trigger held waits for zxcvbn too (its score is reported on submit).
  const ready = pypiGuardWorld.pypiGuardPasswordReady;
  if (ready) void zxcvbn.load().then(ready.settle, ready.settle);
  return [passwordVerdictPrompt({ passwordForm, zxcvbn, watch })];
}
