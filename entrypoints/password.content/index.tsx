import { AUDIT_NUDGE_PROMPTS } from '@/components/prompts/audit-nudges';
import { breachPrompt } from '@/components/prompts/BreachCheck';
import { mountPrompts } from '@/components/prompts/mount';
import { passwordStrengthPrompt } from '@/components/prompts/PasswordStrength';
import { detectPage } from '@/utils/pypi/pages';
import { createBreachChecker } from '@/utils/prompts/breach/checker';
import { buildPromptEnv, withTypedAccount } from '@/utils/prompts/env';
import { passwordPageMatches } from '@/utils/prompts/match-patterns';
import { findPasswordForm } from '@/utils/prompts/password/form';
import { reportLoginPage } from '@/utils/prompts/password/login-page';
import { watchPasswordForm } from '@/utils/prompts/password/watch';
import { lazyZxcvbn, preloadOnIntent } from '@/utils/prompts/password/lazy-zxcvbn';
import type { PromptDefinition } from '@/utils/prompts/types';
import { markDone } from '@/utils/content/done';

/**
 * PyPI's password pages only (login, register, reset, account settings): the one content script
 * that bundles zxcvbn, so no other PyPI page pays for it. Explains new passwords, checks them
 * against Have I Been Pwned on blur or submit, and reports scores (never passwords) on submit.
 */
export default defineContentScript({
  matches: passwordPageMatches(),
  runAt: 'document_idle',
  async main(ctx) {
    const url = new URL(location.href);
    const kind = detectPage(url, document);
    const passwordForm = findPasswordForm(kind, document);
    const pageEnv = await buildPromptEnv(url, document, ctx.signal, kind);
    // The login and register pages name no account, but their forms do once it is typed.
    const env = passwordForm?.usernameField ? withTypedAccount(pageEnv, passwordForm) : pageEnv;
    const prompts: PromptDefinition[] = [...AUDIT_NUDGE_PROMPTS];

    if (passwordForm && env.host) {
      // Bundled in this script, but run only when needed (see lazy-zxcvbn.ts).
      const zxcvbn = lazyZxcvbn(() => import('zxcvbn').then((module) => module.default));
      preloadOnIntent(zxcvbn, passwordForm.field, ctx.signal);
      let afterReset = false;
      // Settles the submit that led here, if any: wrong password, breached one, or a reset done.
      if (passwordForm.kind === 'login')
        void reportLoginPage(passwordForm.form, env.send, ctx.signal).then((confirmed) => {
          afterReset = confirmed;
          markDone('login-page');
        });
      const watch = watchPasswordForm(passwordForm, {
        zxcvbn,
        checker: createBreachChecker(env.send),
        send: env.send,
        signal: ctx.signal,
        afterReset: () => afterReset,
      });
      if (passwordForm.kind !== 'login') prompts.push(passwordStrengthPrompt({ passwordForm, zxcvbn }));
      prompts.push(breachPrompt({ kind: passwordForm.kind, watch, field: passwordForm.field }));
    }
    await mountPrompts(ctx, env, prompts);
  },
});

