import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Zxcvbn } from './password/evaluate';

/**
 * What PyPI Guard's scripts on one PyPI page share. Each is bundled on its own, but all run in
 * the extension's isolated world of the frame — one global object, which the page's own scripts
 * cannot see — whether the manifest declared them or the background injected them on demand.
 */
export interface PypiGuardWorld {
  /** The prompts script running on this page (there is one copy, however it got here). */
  pypiGuardPrompts?: ContentScriptContext;
  /** Set by the zxcvbn script (entrypoints/zxcvbn.ts) when injected: the estimator, once its word lists are built. */
  pypiGuardZxcvbn?: Promise<Zxcvbn>;
  /** Set by the password trigger on the login page: whether this view of it confirmed a password reset. */
  pypiGuardLoginAfterReset?: Promise<boolean>;
  /**
   * Set by the password trigger, settled by the prompts once they watch the password form with
   * zxcvbn ready: the trigger holds a submit made before then (components/prompts/password-prompts.ts).
   */
  pypiGuardPasswordReady?: ReadySignal;
  /**
   * Set by the password trigger: the password fields the user has focused on this page. A field
   * filled without focus (a browser's autofill as the page loads) is not checked against Have I
   * Been Pwned until the user leaves it or submits (PRIVACY.md).
   */
  pypiGuardFocusedPasswordFields?: WeakSet<Element>;
}

export const pypiGuardWorld = globalThis as typeof globalThis & PypiGuardWorld;

/** A one-way signal: `settled` can be read at once (inside a submit event), `whenSettled` awaited. */
export interface ReadySignal {
  readonly settled: boolean;
  readonly whenSettled: Promise<void>;
  settle(): void;
}

export function readySignal(): ReadySignal {
  let settle = () => {};
  const whenSettled = new Promise<void>((resolve) => (settle = resolve));
  const signal = {
    settled: false,
    whenSettled,
    settle() {
      signal.settled = true;
      settle();
    },
  };
  return signal;
}
