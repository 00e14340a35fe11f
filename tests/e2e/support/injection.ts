import type { Page } from '@playwright/test';

/**
 * Names of the extension isolated worlds (content scripts) alive in a page, read through the
 * DevTools protocol: proof of injection that needs no hook in the product code.
 */
export async function extensionWorldsIn(page: Page, extensionId: string): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const worlds: string[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const auxData = context.auxData as { type?: string } | undefined;
    if (auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) worlds.push(context.name);
  });
  // Enabling the Runtime domain reports every execution context that already exists.
  await session.send('Runtime.enable');
  await session.detach();
  return worlds;
}

/**
 * Counts the extension's isolated worlds created in a page from now on, across navigations of
 * the same tab (the session stays attached). A page that gets no script of ours adds none.
 */
export async function countExtensionWorlds(page: Page, extensionId: string): Promise<{ count(): number }> {
  const session = await page.context().newCDPSession(page);
  let created = 0;
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const auxData = context.auxData as { type?: string } | undefined;
    if (auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) created++;
  });
  await session.send('Runtime.enable');
  return { count: () => created };
}
