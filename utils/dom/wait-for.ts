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

export interface WaitForDeepOptions {
  signal?: AbortSignal;
  /** An element's shadow root, closed ones included where the browser lets an extension see them. */
  shadowRootOf?: (element: Element) => ShadowRoot | null;
}

const ELEMENT_NODE = 1;
/** Attributes that can turn a field into a password field after it arrived. */
const WATCHED_ATTRIBUTES = ['type', 'style', 'class', 'autocomplete', 'name', 'placeholder'];

/**
 * Resolves with the first element `test` accepts, looking — and then watching, with no time limit
 * until `signal` aborts — in `doc`, in every shadow root reachable from it and in same-origin
 * frames. The element the user focuses or types in is tested again too: a style sheet arriving
 * late can turn a text field into a password field without any change to the DOM. For the
 * look-alike probe, which must not miss a field that a hostile page shows late or hides.
 */
export function waitForDeep(doc: Document, test: (element: Element) => boolean, { signal, shadowRootOf = (element) => element.shadowRoot }: WaitForDeepOptions = {}): Promise<Element | null> {
  if (signal?.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    const observers: MutationObserver[] = [];
    const listening = new AbortController();
    const watched = new WeakSet<Node>();
    let done = false;
    const finish = (element: Element | null) => {
      if (done) return;
      done = true;
      for (const observer of observers) observer.disconnect();
      listening.abort();
      resolve(element);
    };
    signal?.addEventListener('abort', () => finish(null), { once: true });

    const check = (element: Element) => {
      if (!done && test(element)) finish(element);
    };
    const visit = (element: Element) => {
      check(element);
      const shadow = shadowRootOf(element);
      if (shadow) watch(shadow);
      if (element.localName === 'iframe') watchFrame(element as HTMLIFrameElement);
    };
    const scan = (node: Node) => {
      if (node.nodeType === ELEMENT_NODE) visit(node as Element);
      if ('querySelectorAll' in node) for (const element of (node as ParentNode).querySelectorAll('*')) if (!done) visit(element);
    };
    const onUserTurn = (event: Event) => {
      const target = event.composedPath()[0] as Node | undefined;
      if (target?.nodeType === ELEMENT_NODE) check(target as Element);
    };
    function watch(root: Document | ShadowRoot) {
      if (done || watched.has(root)) return;
      watched.add(root);
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes') check(record.target as Element);
          else for (const added of record.addedNodes) scan(added);
        }
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
      observers.push(observer);
      for (const type of ['focusin', 'input']) root.addEventListener(type, onUserTurn, { capture: true, signal: listening.signal });
      scan(root);
    }
    function watchFrame(frame: HTMLIFrameElement) {
      const watchDocument = () => {
        try {
          if (frame.contentDocument) watch(frame.contentDocument); // null across origins
        } catch {
          // a cross-origin frame: out of reach
        }
      };
      watchDocument();
      frame.addEventListener('load', watchDocument, { signal: listening.signal });
    }
    watch(doc);
  });
}
