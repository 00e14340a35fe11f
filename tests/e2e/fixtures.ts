import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { createFakePypi } from '../fixtures/pypi/server';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from './support/launch';
import { routeFakePypi, type FakePypiByHost } from './support/route-pypi';

interface ExtensionFixtures {
  /** The fake pypi.org and test.pypi.org answering this test's browser. */
  pypi: FakePypiByHost;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<ExtensionFixtures>({
  pypi: async ({}, use) => {
    await use({
      'pypi.org': createFakePypi({ host: 'pypi.org' }),
      'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }),
    });
  },
  context: async ({ pypi }, use) => {
    const context = await launchWithExtension();
    await routeFakePypi(context, pypi);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionServiceWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(extensionIdOf(serviceWorker));
  },
});

export { expect };
