import { vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import type { PageEffects } from '@/entrypoints/recovery/ui';

/** Shared by the assistant's page tests: the page's effects as spies, and ways to drive it. */

export const NOW = Date.UTC(2026, 5, 15, 12);

export function makeEffects() {
  return {
    now: () => NOW,
    copy: vi.fn<PageEffects['copy']>(async () => undefined),
    openTab: vi.fn<PageEffects['openTab']>(),
    download: vi.fn<PageEffects['download']>(),
    fetch: vi.fn<PageEffects['fetch']>(async () => new Response('{}', { status: 500 })),
    dataChanged: vi.fn<PageEffects['dataChanged']>(),
  };
}

export const $ = <E extends Element = HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector<E>(selector);

export async function find<E extends Element = HTMLElement>(selector: string): Promise<E> {
  return waitFor(() => {
    const element = $<E>(selector);
    if (!element) throw new Error(`no ${selector}`);
    return element;
  });
}

export async function answer(question: string, option: string) {
  const fieldset = await find(`[data-question="${question}"]`);
  fireEvent.click($(`[data-option="${option}"]`, fieldset)!);
  // By its hook, not its words: the harness drives the page in any UI language.
  fireEvent.click($('[data-action="next"]')!);
}

export async function answerLostTwoFactorNoCodes() {
  await answer('password', 'works');
  await answer('email', 'yes');
  await answer('twoFactor', 'lost');
  await answer('otherFactor', 'none');
  await answer('recoveryCodes', 'no');
}

export const fieldValue = (id: string) => $(`[data-field="${id}"] [data-value]`)?.textContent ?? '';
