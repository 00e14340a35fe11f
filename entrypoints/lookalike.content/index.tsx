import { lookalikePrompt } from '@/components/prompts/LookalikeWarning';
import { mountPrompts } from '@/components/prompts/mount';
import { lookalikeMatchPatterns, lookalikeOf } from '@/utils/prompts/lookalike/detect';
import type { PromptEnv } from '@/utils/prompts/types';

/**
 * Declared only for a short list of known look-alike domains of pypi.org (no broad host access);
 * with the opt-in on, also injected into other look-alike pages by the background, on the word
 * of the probe (utils/prompts/lookalike/opt-in.ts). Confirms the host with the classifier, waits
 * for a password field, then warns. It never talks to the background: a look-alike page gets
 * nothing from PyPI Guard but the warning.
 */
export default defineContentScript({
  matches: lookalikeMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    const lookalike = lookalikeOf(location.hostname);
    // Once per page, however it got here. The mark lives in this content script's own world: a
    // look-alike page cannot set it (a `<pypi-guard-ui>` tag of its own would silence a DOM check).
    const world = globalThis as { pypiGuardLookalikeShown?: boolean };
    if (!lookalike || world.pypiGuardLookalikeShown) return;
    world.pypiGuardLookalikeShown = true;
    const env: PromptEnv = {
      url: new URL(location.href),
      doc: document,
      host: null,
      pageKind: 'other',
      username: null,
      // Nothing is remembered on a look-alike: its warning has only "Close".
      dismissalAccount: () => ({}),
      signal: ctx.signal,
      now: () => Date.now(),
      send: async () => null,
    };
    await mountPrompts(ctx, env, [lookalikePrompt(lookalike)]);
  },
});
