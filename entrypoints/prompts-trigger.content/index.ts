import { markDone } from '@/utils/content/done';
import { inIdlePeriods, pageLoaded } from '@/utils/dom/slices';
import { promptPageMatches } from '@/utils/prompts/match-patterns';
import { loadOnDemand } from '@/utils/prompts/on-demand';
import { PASSWORD_FIELD } from '@/utils/prompts/password/trigger';
import { pypiGuardWorld } from '@/utils/prompts/world';

/**
 * The prompts trigger, on the pages whose prompts do not wait for the user (the account page's
 * nudges, the two-factor pages): a few hundred bytes that ask the background for the prompts
 * (~110 kB, content-scripts/prompts.js) once PyPI's page has loaded and been idle, so compiling
 * them is never part of the page's load. A password field used before then (the account page's
 * change-password form) asks at once. zxcvbn still waits for a password field's use (the prompts'
 * own rule, components/prompts/password-prompts.ts).
 */
export default defineContentScript({
  matches: promptPageMatches(),
  runAt: 'document_idle',
  async main(ctx) {
    // The password fields the user focused before the prompts came (their first look, watch.ts).
    const focused = (pypiGuardWorld.pypiGuardFocusedPasswordFields ??= new WeakSet());
    let requested = false;
    const loadPrompts = () => {
      if (requested || !ctx.isValid) return;
      requested = true;
      void loadOnDemand('prompts');
    };
    const passwordUsed = (target: EventTarget | null) => {
      if (!(target instanceof HTMLInputElement) || !target.matches(PASSWORD_FIELD)) return;
      focused.add(target);
      loadPrompts();
    };
    for (const type of ['focusin', 'input']) document.addEventListener(type, (event) => passwordUsed(event.target), { capture: true, signal: ctx.signal });
    passwordUsed(document.activeElement); // the user got there before this script did
    markDone('prompts-trigger');
    try {
      await pageLoaded(ctx.signal);
      await inIdlePeriods()(ctx.signal);
    } catch {
      return; // the content script was invalidated before the page was idle
    }
    loadPrompts();
  },
});
