import type { ContentMessage, ContentReply } from '../../messages';
import { breachCount, sha1Hex, splitHash } from './hibp';

export type BreachState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'found'; count: number }
  | { status: 'not-found' }
  | { status: 'could-not-check'; reason: 'offline' | 'unavailable' }
  /** The user turned the check off in PyPI Guard's settings. */
  | { status: 'disabled' };

export type SendToBackground = <M extends ContentMessage>(message: M) => Promise<ContentReply<M> | null>;

/**
 * Checks passwords against Have I Been Pwned from a content script: hashes in memory, sends only
 * the 5-character prefix to the background, compares the suffix here. Results are remembered per
 * hash for the life of the page, so blur and submit of the same password ask once.
 */
export function createBreachChecker(send: SendToBackground) {
  const known = new Map<string, Promise<BreachState>>();
  let disabled = false;

  async function lookUp(hash: string): Promise<BreachState> {
    const { prefix, suffix } = splitHash(hash);
    const reply = await send({ type: 'hibp-range', prefix });
    if (!reply) return { status: 'could-not-check', reason: 'unavailable' };
    if (!reply.ok) {
      if (reply.reason === 'disabled') {
        disabled = true;
        return { status: 'disabled' };
      }
      return { status: 'could-not-check', reason: reply.reason };
    }
    const count = breachCount(reply.entries, suffix);
    return count > 0 ? { status: 'found', count } : { status: 'not-found' };
  }

  return {
    /** The password's breach state, asking Have I Been Pwned once per password and page. */
    async check(password: string): Promise<BreachState> {
      if (disabled) return { status: 'disabled' };
      const hash = await sha1Hex(password);
      let result = known.get(hash);
      if (!result) {
        result = lookUp(hash);
        known.set(hash, result);
        // A failed lookup may be retried (e.g. back online); a real answer is kept.
        void result.then((state) => {
          if (state.status === 'could-not-check') known.delete(hash);
        });
      }
      return result;
    },
    /** The answer already known for this password, without asking. */
    async known(password: string): Promise<BreachState | undefined> {
      const result = known.get(await sha1Hex(password));
      return result ? await result : undefined;
    },
  };
}

export type BreachChecker = ReturnType<typeof createBreachChecker>;
