import { describe, expect, it, vi } from 'vitest';
import { createSlicer, MAX_SLICE_MS, pageLoaded, whileShown, type NextSlice } from '@/utils/dom/slices';

/** A clock the test moves, and a NextSlice that records each wait and offers `budget` ms. */
function harness(budget: number) {
  let time = 0;
  const waits: number[] = [];
  const nextSlice: NextSlice = async () => {
    waits.push(time);
    return budget;
  };
  return { now: () => time, advance: (ms: number) => (time += ms), waits, nextSlice };
}

describe('createSlicer', () => {
  it('waits for a slice at the first checkpoint, then runs on in the same slice while it has time left', async () => {
    const clock = harness(20);
    const slicer = createSlicer(new AbortController().signal, clock.nextSlice, clock.now);
    await slicer.checkpoint();
    expect(clock.waits).toEqual([0]);
    clock.advance(19);
    await slicer.checkpoint();
    expect(clock.waits).toHaveLength(1);
    clock.advance(1);
    await slicer.checkpoint();
    expect(clock.waits).toEqual([0, 20]);
  });

  it(`never lets a slice run longer than ${MAX_SLICE_MS} ms, however long the idle period offered`, async () => {
    const clock = harness(50); // requestIdleCallback's longest deadline
    const slicer = createSlicer(new AbortController().signal, clock.nextSlice, clock.now);
    await slicer.checkpoint();
    clock.advance(MAX_SLICE_MS - 1);
    await slicer.checkpoint();
    expect(clock.waits).toHaveLength(1);
    clock.advance(1);
    await slicer.checkpoint();
    expect(clock.waits).toHaveLength(2);
  });

  it('rejects at the next checkpoint once its signal aborts, and asks for no further slice', async () => {
    const clock = harness(20);
    const controller = new AbortController();
    const slicer = createSlicer(controller.signal, clock.nextSlice, clock.now);
    await slicer.checkpoint();
    controller.abort(new DOMException('hidden', 'AbortError'));
    await expect(slicer.checkpoint()).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.waits).toHaveLength(1);
  });
});

describe('pageLoaded', () => {
  it('resolves at once on a page that has loaded, and after its load event otherwise', async () => {
    await expect(pageLoaded(new AbortController().signal)).resolves.toBeUndefined();
    const loading = document.implementation.createHTMLDocument('');
    Object.defineProperty(loading, 'readyState', { value: 'interactive' });
    Object.defineProperty(loading, 'defaultView', { value: window });
    let loaded = false;
    const waiting = pageLoaded(new AbortController().signal, loading).then(() => (loaded = true));
    await Promise.resolve();
    expect(loaded).toBe(false);
    window.dispatchEvent(new Event('load'));
    await waiting;
    expect(loaded).toBe(true);
  });
});

/** A document whose visibility the test sets, as the browser would when the tab is switched. */
function pageWithVisibility(initial: DocumentVisibilityState) {
  const doc = document.implementation.createHTMLDocument('');
  let state = initial;
  Object.defineProperty(doc, 'visibilityState', { get: () => state });
  Object.defineProperty(doc, 'defaultView', { value: window });
  return {
    doc,
    set(next: DocumentVisibilityState) {
      state = next;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('whileShown', () => {
  it('starts only once the page is shown', async () => {
    const page = pageWithVisibility('hidden');
    const work = vi.fn(async () => 'read');
    const result = whileShown(new AbortController().signal, work, page.doc);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(work).not.toHaveBeenCalled();
    page.set('visible');
    await expect(result).resolves.toBe('read');
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('stops the work when the page is hidden, keeps nothing of it, and starts over once shown again', async () => {
    const page = pageWithVisibility('visible');
    const runs: AbortSignal[] = [];
    let hideDuringFirstRun = true;
    const result = whileShown(
      new AbortController().signal,
      (signal) => {
        runs.push(signal);
        return new Promise<string>((resolve, reject) => {
          if (hideDuringFirstRun) {
            hideDuringFirstRun = false;
            signal.addEventListener('abort', () => reject(signal.reason));
            page.set('hidden');
            return;
          }
          resolve(`complete read #${runs.length}`);
        });
      },
      page.doc,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.aborted).toBe(true);
    page.set('visible');
    await expect(result).resolves.toBe('complete read #2');
  });

  it('drops a result finished after the page was hidden, and reads again when shown', async () => {
    const page = pageWithVisibility('visible');
    let calls = 0;
    const result = whileShown(
      new AbortController().signal,
      async () => {
        calls++;
        if (calls === 1) page.set('hidden'); // hidden just before this run returns
        return `read #${calls}`;
      },
      page.doc,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    page.set('visible');
    await expect(result).resolves.toBe('read #2');
  });

  it('resolves null once its own signal aborts (the content script is gone)', async () => {
    const page = pageWithVisibility('hidden');
    const controller = new AbortController();
    const result = whileShown(controller.signal, async () => 'never', page.doc);
    controller.abort();
    await expect(result).resolves.toBeNull();
  });
});
