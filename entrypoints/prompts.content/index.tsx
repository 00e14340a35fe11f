import { AUDIT_NUDGE_PROMPTS } from '@/components/prompts/audit-nudges';
import { lost2faHelpPrompt } from '@/components/prompts/LostTwoFactorHelp';
import { mountPrompts } from '@/components/prompts/mount';
import { passwordPrompts } from '@/components/prompts/password-prompts';
import { saveRecoveryCodesPrompt } from '@/components/prompts/SaveRecoveryCodes';
import { totpCheckPrompt } from '@/components/prompts/TotpCheck';
import { pageLoaded } from '@/utils/dom/slices';
import { readShownRecoveryCodes, startDrillSetup } from '@/utils/drill/page';
import { detectPage } from '@/utils/pypi/pages';
import { buildPromptEnv, withTypedAccount } from '@/utils/prompts/env';
import { findPasswordForm } from '@/utils/prompts/password/form';
import { measurePypiClockOffset } from '@/utils/prompts/totp/check';
import type { PromptDefinition } from '@/utils/prompts/types';
import { pypiGuardWorld } from '@/utils/prompts/world';

/**
 * Every in-page prompt, without zxcvbn. Not declared in the manifest: the background injects it
 * (utils/background/load-on-demand.ts). On the pages whose prompts do not wait for the user — the
 * account page (audit nudges, and its change-password form), the sign-in steps ("Can't sign in?"),
 * the authentication-app set-up (code check), the recovery codes page (where to keep them, the
 * drill's hashes) and the 2FA settings page — the prompts trigger asks for it once the page has
 * loaded and been idle; on the signed-out password pages (login, register, reset) the password
 * trigger asks once a password field is used. Either way it starts once PyPI's page has loaded.
 */
export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    // One copy per page: a live one may be here already, injected or declared.
    if (pypiGuardWorld.pypiGuardPrompts?.isValid) return;
    pypiGuardWorld.pypiGuardPrompts = ctx;
    try {
      await pageLoaded(ctx.signal);
    } catch {
      return; // the content script was invalidated before the page finished loading
    }
    const url = new URL(location.href);
    const kind = detectPage(url, document);
    const passwordForm = findPasswordForm(kind, document);
    const pageEnv = await buildPromptEnv(url, document, ctx.signal, kind);
    if (!pageEnv.host) return;
    // The login and register pages name no account, but their forms do once it is typed.
    const env = passwordForm?.usernameField ? withTypedAccount(pageEnv, passwordForm) : pageEnv;
    const prompts: PromptDefinition[] = [...AUDIT_NUDGE_PROMPTS, lost2faHelpPrompt, totpCheckPrompt(() => measurePypiClockOffset(env.now))];

    if (kind === 'recovery-codes') {
      const codes = readShownRecoveryCodes(document);
      // The "already generated" variant of the page shows no codes: nothing to keep or hash.
      if (codes.length > 0) prompts.push(saveRecoveryCodesPrompt(startDrillSetup(codes, env.username, env.send)));
    }
    if (passwordForm) prompts.push(...passwordPrompts(passwordForm, env));
    await mountPrompts(ctx, env, prompts);
  },
});
