import { lookalikePrompt } from '@/components/prompts/LookalikeWarning';
import { mountPrompts } from '@/components/prompts/mount';
import { buildPromptEnv } from '@/utils/prompts/env';
import { lookalikeMatchPatterns, lookalikeOf } from '@/utils/prompts/lookalike/detect';

/**
 * Declared only for a short list of known look-alike domains of pypi.org (no broad host access).
 * Confirms the host with the classifier, waits for a password field, then warns. It never talks
 * to the background: a look-alike page gets nothing from PyPI Guard but the warning.
 */
export default defineContentScript({
  matches: lookalikeMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    const lookalike = lookalikeOf(location.hostname);
    if (!lookalike) return;
    const env = await buildPromptEnv(new URL(location.href), document, ctx.signal, 'other');
    await mountPrompts(ctx, env, [lookalikePrompt(lookalike)]);
  },
});
