import type { PromptDefinition } from '@/utils/prompts/types';

/**
 * AUDIT NUDGES — placeholder for the integrator.
 *
 * The prompts that depend on the popup audit (`utils/audit`, `runAudit(state, now)`) plug in
 * here: `enable-2fa`, `add-second-method`, `generate-recovery-codes` and `security-events`. Their
 * ids are already in `PROMPT_IDS` (utils/prompts/ids.ts), so dismissals and the message schemas
 * accept them. Both prompt content scripts mount this list:
 * - `password.content` serves /manage/account/ (`account-settings`),
 * - `prompts.content` serves /manage/account/two-factor/ (`two-factor-settings`).
 *
 * Recipe for one nudge (see components/prompts/LostTwoFactorHelp.tsx for a complete prompt):
 *
 *   definePrompt({
 *     id: 'enable-2fa',
 *     pages: ['account-settings', 'two-factor-settings'],
 *     dismissal: 'remember',            // "Remind me later" / "Don't show again", per account
 *     Component: ({ env }) => {
 *       // env.username names the account; ask the background for its audit (add a validated
 *       // `audit-result` message next to the prompt messages in utils/messages.ts), then:
 *       //   if (check?.status !== 'fail' && check?.status !== 'warn') return null;
 *       return (
 *         <PromptCard title="Turn on two-factor authentication" tone="warning"
 *           actions={<a class="pg-button pg-button--primary" href="/manage/account/two-factor/">Set up 2FA</a>}>
 *           <p>{check.detail}</p>
 *         </PromptCard>
 *       );
 *     },
 *   })
 *
 * Links to PyPI pages are plain relative `<a href>`s: they navigate the PyPI tab itself.
 */
export const AUDIT_NUDGE_PROMPTS: readonly PromptDefinition[] = [];
