import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@/utils/dom/wait-for';

const MENU = '#user-indicator a[href^="/user/"]';

/** Every MutationObserver made while a test runs, and whether each is still observing. */
const observers: { observing: boolean }[] = [];

beforeEach(() => {
  observers.length = 0;
  const Original = globalThis.MutationObserver;
  class CountingObserver extends Original {
    readonly state = { observing: false };
    constructor(callback: MutationCallback) {
      super(callback);
      observers.push(this.state);
    }
    override observe(target: Node, options?: MutationObserverInit): void {
      this.state.observing = true;
      super.observe(target, options);
    }
    override disconnect(): void {
      this.state.observing = false;
      super.disconnect();
    }
  }
  vi.stubGlobal('MutationObserver', CountingObserver);
  // Only the timeout is faked: happy-dom delivers mutation records in a microtask.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function pypiLikePage(): Document {
  return new DOMParser().parseFromString('<html lang="en"><body><header class="site-header"><div data-html-include="/_includes/authed/current-user-indicator/"></div></header></body></html>', 'text/html');
}

function insertMenu(doc: Document, href = '/user/alice/'): Element {
  const include = doc.querySelector('[data-html-include]')!;
  const indicator = doc.createElement('div');
  indicator.id = 'user-indicator';
  const link = doc.createElement('a');
  link.setAttribute('href', href);
  link.textContent = 'alice';
  indicator.append(link);
  include.replaceChildren(indicator);
  return link;
}

const nothingLeft = () => {
  expect(observers.every((observer) => !observer.observing)).toBe(true);
  expect(vi.getTimerCount()).toBe(0);
};

describe('waitFor', () => {
  it('resolves at once with an element already there, without observing', async () => {
    const doc = pypiLikePage();
    const link = insertMenu(doc);
    await expect(waitFor(MENU, { timeout: 5_000, root: doc })).resolves.toBe(link);
    expect(observers).toHaveLength(0);
    nothingLeft();
  });

  it('finds the user menu inserted late, then stops observing and clears its timer', async () => {
    const doc = pypiLikePage();
    const found = waitFor(MENU, { timeout: 5_000, root: doc });
    await vi.advanceTimersByTimeAsync(1_200);
    // Markup that is not the menu does not end the wait.
    doc.body.append(doc.createElement('p'));
    await vi.advanceTimersByTimeAsync(100);
    expect(observers.map((observer) => observer.observing)).toEqual([true]);
    const link = insertMenu(doc);
    await expect(found).resolves.toBe(link);
    nothingLeft();
  });

  it('a profile link elsewhere is not the menu', async () => {
    const doc = pypiLikePage();
    const found = waitFor(MENU, { timeout: 5_000, root: doc });
    const elsewhere = doc.createElement('a');
    elsewhere.setAttribute('href', '/user/bob/');
    doc.body.append(elsewhere);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(observers[0]?.observing).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    await expect(found).resolves.toBeNull();
  });

  it('gives up after the timeout when the menu never comes, leaving no observer or timer', async () => {
    const doc = pypiLikePage();
    let settled: Element | null | 'pending' = 'pending';
    void waitFor(MENU, { timeout: 5_000, root: doc }).then((value) => (settled = value));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeNull();
    nothingLeft();
    // A menu arriving later changes nothing.
    insertMenu(doc);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBeNull();
  });

  it('stops at once when its signal aborts, and removes its listener', async () => {
    const doc = pypiLikePage();
    const controller = new AbortController();
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const found = waitFor(MENU, { timeout: 5_000, root: doc, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await expect(found).resolves.toBeNull();
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    nothingLeft();
  });

  it('does not start when the signal is already aborted', async () => {
    const doc = pypiLikePage();
    await expect(waitFor(MENU, { timeout: 5_000, root: doc, signal: AbortSignal.abort() })).resolves.toBeNull();
    expect(observers).toHaveLength(0);
    nothingLeft();
  });

  it('removes its abort listener when the element is found', async () => {
    const doc = pypiLikePage();
    const controller = new AbortController();
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const found = waitFor(MENU, { timeout: 5_000, root: doc, signal: controller.signal });
    insertMenu(doc);
    await expect(found).resolves.not.toBeNull();
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    nothingLeft();
  });
});
