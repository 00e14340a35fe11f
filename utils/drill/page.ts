import type { SendToBackground } from '../prompts/breach/checker';
import { observable, type Observable } from '../prompts/observable';
import { hashRecoveryCodes, normaliseRecoveryCode } from './hash';

/** The codes list on PyPI's recovery-codes page (pypi-facts.md §4; note the class's "__-"). */
const SHOWN_CODES = '.recovery-codes__-codes li code';

/** The recovery codes the page shows, normalised; empty on the "already generated" page. */
export function readShownRecoveryCodes(doc: Document): string[] {
  return [...doc.querySelectorAll(SHOWN_CODES)].map((code) => normaliseRecoveryCode(code.textContent ?? '')).filter((code): code is string => code !== null);
}

export type DrillSetup =
  | { status: 'hashing' }
  | { status: 'stored'; codeCount: number; drillIntervalDays: number }
  | { status: 'not-stored'; reason: 'unknown-account' | 'failed' }
  | { status: 'forgotten' };

/**
 * Hashes the codes PyPI shows (PBKDF2 with a fresh salt, in this page's memory) and hands only
 * the hashes to the background, replacing the drill of any older codes. Runs whether or not the
 * card is shown: regenerated codes must not leave the drill checking dead ones.
 */
export function startDrillSetup(codes: readonly string[], username: string | null, send: SendToBackground): { setup: Observable<DrillSetup>; forget(): Promise<void> } {
  const setup = observable<DrillSetup>({ status: 'hashing' });
  if (!username) setup.set({ status: 'not-stored', reason: 'unknown-account' });
  else {
    void (async () => {
      try {
        const { salt, iterations, hashes } = await hashRecoveryCodes(codes);
        const reply = await send({ type: 'recovery-codes-shown', username, salt, iterations, hashes });
        setup.set(reply?.stored ? { status: 'stored', codeCount: hashes.length, drillIntervalDays: reply.drillIntervalDays } : { status: 'not-stored', reason: reply ? 'unknown-account' : 'failed' });
      } catch {
        setup.set({ status: 'not-stored', reason: 'failed' });
      }
    })();
  }
  return {
    setup,
    async forget() {
      if (!username) return;
      const reply = await send({ type: 'recovery-drill-forget', username });
      if (reply?.forgotten) setup.set({ status: 'forgotten' });
    },
  };
}
