import { browser } from 'wxt/browser';
import { mountLookalikeWarning } from '@/components/prompts/mount-lookalike';
import type { LookalikeMessage, LookalikeReplies } from '@/utils/messages';
import { lookalikeOf } from '@/utils/prompts/lookalike/detect';
import { lookalikeMatchPatterns } from '@/utils/prompts/lookalike/known-hosts';

/**
 * The look-alike warning. Declared for a short list of known look-alike domains of pypi.org (no
 * broad host access), where it shows at once — before the page's own scripts run, with no
 * condition on a password field; with the opt-in on, also injected by the background into other
 * look-alike pages once the probe saw a password-like field (utils/prompts/lookalike/opt-in.ts).
 * It tells the background, which marks the tab where the page cannot reach (badge, title,
 * notification) and says whether the user chose to continue on this site before.
 */
export default defineContentScript({
  matches: lookalikeMatchPatterns(),
  runAt: 'document_start',
  main(ctx) {
    const lookalike = lookalikeOf(location.hostname);
    // Once per page, however it got here. The mark lives in this content script's own world: a
    // look-alike page cannot set or read it.
    const world = globalThis as { pypiGuardLookalikeShown?: boolean };
    if (!lookalike || world.pypiGuardLookalikeShown) return;
    world.pypiGuardLookalikeShown = true;
    // At once; taken down only if the background says the user chose to continue on this site.
    const warning = mountLookalikeWarning(ctx, lookalike, async () => (await ask({ type: 'lookalike-continue' }))?.saved === true);
    void ask({ type: 'lookalike-page' }).then((reply) => reply?.continued && warning.remove());
  },
});

async function ask<M extends LookalikeMessage>(message: M): Promise<LookalikeReplies[M['type']] | null> {
  try {
    return ((await browser.runtime.sendMessage(message)) ?? null) as LookalikeReplies[M['type']] | null;
  } catch {
    return null; // the extension was reloaded under this page: the warning stays
  }
}
