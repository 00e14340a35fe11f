export interface WaitForOptions {
  /** Give up after this long (ms); the promise then resolves to null. */
  timeout: number;
  signal?: AbortSignal;
  root?: ParentNode & Node;
}

/**
 * Resolves with the first element matching `selector`, waiting for late markup such as PyPI's
 * client-side includes (the header's user menu arrives after load). One MutationObserver, bounded
 * by `timeout` and `signal`: the only place in PyPI Guard that observes the DOM for arrivals.
 */
export function waitFor(selector: string, { timeout, signal, root = document }: WaitForOptions): Promise<Element | null> {
  const present = root.querySelector(selector);
  if (present || signal?.aborted) return Promise.resolve(present);
  return new Promise((resolve) => {
    const finish = (element: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(element);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      const found = root.querySelector(selector);
      if (found) finish(found);
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => finish(null), timeout);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
