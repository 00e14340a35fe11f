/**
 * Work on a PyPI page in slices, so PyPI's own work and the user's input always come first.
 * Every slice of PyPI Guard's work is at most MAX_SLICE_MS long (a long task is 50 ms), and the
 * work stops at once when its signal aborts.
 */

/** The longest one slice of PyPI Guard's work may hold the page's main thread. */
export const MAX_SLICE_MS = 30;
/** The shortest slice worth starting (an idle period near its end still gets this much). */
const MIN_SLICE_MS = 5;

/** Waits for the page to have had its turn, then resolves with the time the next slice may take (ms). */
export type NextSlice = (signal: AbortSignal) => Promise<number>;

export interface Slicer {
  /**
   * Resolves at once while the current slice has time left (the work goes on in the same task),
   * otherwise once the next slice may start. Rejects with the signal's reason once it aborts. Call
   * it between units of work small enough to fit a slice several times over.
   */
  checkpoint(): Promise<void>;
}

export function createSlicer(signal: AbortSignal, nextSlice: NextSlice, now: () => number = () => performance.now()): Slicer {
  let sliceEndsAt = -Infinity;
  return {
    async checkpoint() {
      signal.throwIfAborted();
      if (now() < sliceEndsAt) return;
      const budget = await nextSlice(signal);
      signal.throwIfAborted();
      sliceEndsAt = now() + Math.min(MAX_SLICE_MS, Math.max(MIN_SLICE_MS, budget));
    },
  };
}

/**
 * Slices in the page's idle periods (`requestIdleCallback`), each within its deadline: for work
 * nobody waits for, such as reading the account page. A page that is never idle still gets its
 * turn after `timeoutMs`.
 */
export function inIdlePeriods(timeoutMs = 2_000): NextSlice {
  return (signal) =>
    new Promise((resolve, reject) => {
      const onAbort = () => {
        cancel();
        reject(signal.reason);
      };
      let cancel = () => {};
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(
          (deadline) => {
            signal.removeEventListener('abort', onAbort);
            resolve(deadline.didTimeout ? MAX_SLICE_MS / 2 : deadline.timeRemaining());
          },
          { timeout: timeoutMs },
        );
        cancel = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve(MAX_SLICE_MS / 2);
        }, 50);
        cancel = () => clearTimeout(id);
      }
      signal.addEventListener('abort', onAbort, { once: true });
    });
}

interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Slices as soon as the page has had a turn (`scheduler.yield` where the browser has it, else a
 * new task): for work the user waits for, such as preparing the password strength estimator.
 */
export const soon: NextSlice = async (signal) => {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') await scheduler.yield();
  else await new Promise<void>((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
  return MAX_SLICE_MS / 2;
};

/** Resolves once the page's `load` event has fired (at once if it has). */
export function pageLoaded(signal: AbortSignal, doc: Document = document): Promise<void> {
  if (doc.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const view = doc.defaultView ?? window;
    const onAbort = () => {
      view.removeEventListener('load', onLoad);
      reject(signal.reason);
    };
    const onLoad = () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    view.addEventListener('load', onLoad, { once: true });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves once the page is visible (at once if it is), or when `signal` aborts. */
export function untilShown(signal: AbortSignal, doc: Document = document): Promise<void> {
  if (doc.visibilityState === 'visible') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const shown = () => {
      if (doc.visibilityState !== 'visible' && !signal.aborted) return;
      doc.removeEventListener('visibilitychange', shown);
      signal.removeEventListener('abort', shown);
      resolve();
    };
    doc.addEventListener('visibilitychange', shown);
    signal.addEventListener('abort', shown, { once: true });
  });
}

/**
 * Runs `work` while the page is shown: not before it is visible, and a page hidden (another tab,
 * a minimised window) or left meanwhile aborts the signal `work` gets — it must stop there and
 * keep nothing half done. Once the page is shown again, `work` starts over. Resolves with its
 * result, or null when `signal` aborted (the content script is gone).
 */
export async function whileShown<T>(signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>, doc: Document = document): Promise<T | null> {
  const view = doc.defaultView ?? window;
  while (!signal.aborted) {
    if (doc.visibilityState !== 'visible') {
      await untilShown(signal, doc);
      continue;
    }
    const run = new AbortController();
    const stop = () => run.abort(new DOMException('The page was hidden or left', 'AbortError'));
    const onVisibility = () => doc.visibilityState !== 'visible' && stop();
    doc.addEventListener('visibilitychange', onVisibility);
    view.addEventListener('pagehide', stop);
    signal.addEventListener('abort', stop, { once: true });
    try {
      const result = await work(run.signal);
      if (!run.signal.aborted) return result;
    } catch (error) {
      if (!run.signal.aborted) throw error;
    } finally {
      doc.removeEventListener('visibilitychange', onVisibility);
      view.removeEventListener('pagehide', stop);
      signal.removeEventListener('abort', stop);
    }
  }
  return null;
}
