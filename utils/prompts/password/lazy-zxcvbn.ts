import type { Zxcvbn } from './evaluate';

/**
 * zxcvbn is ~800 kB and builds ~95,000 words into dictionaries before its first score: it is
 * loaded only when needed — the user is at a password field — never on a page only looked at.
 */
export interface LazyZxcvbn {
  /** Loads it (once; again after a failure) and resolves with zxcvbn. */
  load(): Promise<Zxcvbn>;
  /** zxcvbn if it is loaded already, else null (callers that cannot wait skip the score). */
  ready(): Zxcvbn | null;
}

export function lazyZxcvbn(loadModule: () => Promise<Zxcvbn>): LazyZxcvbn {
  let loaded: Zxcvbn | null = null;
  let loading: Promise<Zxcvbn> | null = null;
  return {
    load() {
      loading ??= loadModule().then(
        (zxcvbn) => (loaded = zxcvbn),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    ready: () => loaded,
  };
}

/** Starts loading when the user reaches the password field: at once if they already have (focused, or typed in it). */
export function preloadOnIntent(lazy: LazyZxcvbn, field: HTMLInputElement, signal: AbortSignal): void {
  const start = () => void lazy.load().catch(() => undefined); // the prompt asks again on the next keystroke
  if (field.ownerDocument.activeElement === field || field.value.length > 0) return start();
  for (const type of ['focus', 'pointerdown', 'input'] as const) field.addEventListener(type, start, { once: true, signal });
}
