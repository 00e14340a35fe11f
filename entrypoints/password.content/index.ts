import { loadOnDemand } from '@/utils/prompts/on-demand';
import { passwordTriggerMatches } from '@/utils/prompts/match-patterns';
import { reportLoginPage } from '@/utils/prompts/password/login-page';
import { watchForPasswordUse } from '@/utils/prompts/password/trigger';
import { sendToBackground } from '@/utils/prompts/send';
import { markDone } from '@/utils/content/done';
import { pypiGuardWorld, readySignal } from '@/utils/prompts/world';

/**
 * The password trigger, on PyPI's signed-out password pages (login, register, reset): all that
 * runs there as the page loads. Once a password field gets focus or input it asks the background
 * for the prompts, which then ask for zxcvbn (utils/prompts/password/trigger.ts): a page where
 * nobody types a password loads neither. On the login page it also tells the background what the
 * page shows about the submit that led here (utils/prompts/password/login-page.ts), which must
 * not wait for the user.
 */
export default defineContentScript({
  matches: passwordTriggerMatches(),
  runAt: 'document_idle',
  main(ctx) {
    const loginForm = document.querySelector<HTMLFormElement>('form#login-form');
    if (loginForm)
      pypiGuardWorld.pypiGuardLoginAfterReset = reportLoginPage(loginForm, sendToBackground, ctx.signal).then((confirmed) => {
        markDone('login-page');
        return confirmed;
      });
    const ready = (pypiGuardWorld.pypiGuardPasswordReady = readySignal());
    const focused = (pypiGuardWorld.pypiGuardFocusedPasswordFields = new WeakSet());
    watchForPasswordUse({ doc: document, signal: ctx.signal, ready, focused, loadPrompts: () => loadOnDemand('prompts') });
    markDone('password-trigger');
  },
});
