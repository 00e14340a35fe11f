import type { Zxcvbn } from './evaluate';

/**
 * zxcvbn builds its dictionaries when its module first runs: about 130 ms of main-thread work.
 * Doing that while PyPI's page loads would slow it, so the module runs only when first needed —
 * the user reaches the password field — or once the page is idle.
 */
export interface LazyZxcvbn {
  /** Runs the module (once) and resolves with zxcvbn. */
  load(): Promise<Zxcvbn>;
  /** zxcvbn if it has already run, else null (callers that cannot wait skip the score). */
  ready(): Zxcvbn | null;
}

export function lazyZxcvbn(importModule: () => Promise<Zxcvbn>): LazyZxcvbn {
  let loaded: Zxcvbn | null = null;
  let loading: Promise<Zxcvbn> | null = null;
  return {
    load() {
      loading ??= importModule().then((zxcvbn) => (loaded = zxcvbn));
      return loading;
    },
    ready: () => loaded,
  };
}

/** Starts loading on the first sign the user is about to type a password, or when idle. */
export function preloadOnIntent(lazy: LazyZxcvbn, field: HTMLInputElement, signal: AbortSignal, idleTimeoutMs = 3_000): void {
  const start = () => void lazy.load();
  for (const type of ['focus', 'pointerdown', 'input'] as const) field.addEventListener(type, start, { once: true, signal });
  const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => !signal.aborted && start(), { timeout: idleTimeoutMs });
}
