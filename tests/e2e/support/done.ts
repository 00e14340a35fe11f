import { expect, type Page } from '@playwright/test';
import type { DoneStep } from '../../../utils/content/done';

type Done = Partial<Record<DoneStep, { count: number; last?: string }>>;

/**
 * What PyPI Guard's content scripts marked done in this page (utils/content/done.ts), read from
 * their isolated world through the DevTools protocol: the page itself cannot see or fake it.
 */
export async function doneIn(page: Page, extensionId: string): Promise<Done> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: number[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) contexts.push(context.id);
    });
    await session.send('Runtime.enable');
    const done: Done = {};
    for (const contextId of contexts) {
      const { result } = await session.send('Runtime.evaluate', { contextId, expression: 'JSON.stringify(globalThis.pypiGuardDone ?? {})', returnByValue: true });
      Object.assign(done, JSON.parse(String(result.value)) as Done);
    }
    return done;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** How often `step` was marked done on the page (0 when never, or when the page is between documents). */
export async function doneCount(page: Page, extensionId: string, step: DoneStep): Promise<number> {
  return (await doneIn(page, extensionId).catch((): Done => ({})))[step]?.count ?? 0;
}

/**
 * Waits until PyPI Guard has finished `step` on the page at least `times` times: the readiness
 * signal an assertion that something did NOT happen waits for, instead of a fixed sleep.
 */
export async function waitForDone(page: Page, extensionId: string, step: DoneStep, times = 1, timeout?: number): Promise<void> {
  await expect.poll(() => doneCount(page, extensionId, step), { message: `PyPI Guard did not finish "${step}" ${times}×`, timeout }).toBeGreaterThanOrEqual(times);
}
