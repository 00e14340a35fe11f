import { browser } from 'wxt/browser';
import type { LoadOnDemandMessage, LoadOnDemandReply } from '../messages';
import type { Zxcvbn } from './password/evaluate';
import { pypiGuardWorld } from './world';

/**
 * Asks the background to inject `script` into this frame (utils/background/load-on-demand.ts);
 * resolves once it has run there, false when it could not be (the extension was reloaded).
 */
export async function loadOnDemand(script: LoadOnDemandMessage['script']): Promise<boolean> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'load-on-demand', script } satisfies LoadOnDemandMessage)) as LoadOnDemandReply | undefined;
    return reply?.loaded === true;
  } catch {
    return false;
  }
}

/** zxcvbn, injected into this frame on first use (entrypoints/zxcvbn.ts), once its word lists are built. */
export async function injectedZxcvbn(): Promise<Zxcvbn> {
  if (!pypiGuardWorld.pypiGuardZxcvbn) await loadOnDemand('zxcvbn');
  const ready = pypiGuardWorld.pypiGuardZxcvbn;
  if (!ready) throw new Error('PyPI Guard could not load its password checker');
  return ready;
}
