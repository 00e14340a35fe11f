import { AUDIT_NUDGE_PROMPTS } from '@/components/prompts/audit-nudges';
import { lost2faHelpPrompt } from '@/components/prompts/LostTwoFactorHelp';
import { mountPrompts } from '@/components/prompts/mount';
import { saveRecoveryCodesPrompt } from '@/components/prompts/SaveRecoveryCodes';
import { totpCheckPrompt } from '@/components/prompts/TotpCheck';
import { readShownRecoveryCodes, startDrillSetup } from '@/utils/drill/page';
import { detectPage } from '@/utils/pypi/pages';
import { buildPromptEnv } from '@/utils/prompts/env';
import { promptPageMatches } from '@/utils/prompts/match-patterns';
import { measurePypiClockOffset } from '@/utils/prompts/totp/check';
import type { PromptDefinition } from '@/utils/prompts/types';

/**
 * The prompts of PyPI's two-factor pages, without zxcvbn: the sign-in steps ("Can't sign in?"),
 * the authentication-app set-up (code check), the recovery codes page (where to keep them, and
 * the drill's hashes), and the 2FA settings page (audit nudges).
 */
export default defineContentScript({
  matches: promptPageMatches(),
  runAt: 'document_idle',
  async main(ctx) {
    const url = new URL(location.href);
    const kind = detectPage(url, document);
    const env = await buildPromptEnv(url, document, ctx.signal, kind);
    if (!env.host) return;
    const prompts: PromptDefinition[] = [...AUDIT_NUDGE_PROMPTS, lost2faHelpPrompt, totpCheckPrompt(() => measurePypiClockOffset(env.now))];

    if (kind === 'recovery-codes') {
      const codes = readShownRecoveryCodes(document);
      // The "already generated" variant of the page shows no codes: nothing to keep or hash.
      if (codes.length > 0) prompts.push(saveRecoveryCodesPrompt(startDrillSetup(codes, env.username, env.send)));
    }
    await mountPrompts(ctx, env, prompts);
  },
});
