import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { storedAccount } from './support/extension-db';

/** The extension's own full pages, with data in them, in both themes: no serious or critical axe violation. */
for (const colorScheme of ['light', 'dark'] as const) {
  for (const page of ['options.html', 'recovery.html?host=pypi.org&username=alice&from=popup'] as const) {
    test(`${page.split('?')[0]} (${colorScheme})`, async ({ context, extensionId, serviceWorker, pypi }) => {
      pypi['pypi.org'].setScenario('suspicious-history');
      const pypiPage = await context.newPage();
      await pypiPage.goto('https://pypi.org/manage/account/');
      await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.twoFactor).toBeDefined();

      const extensionPage = await context.newPage();
      await extensionPage.emulateMedia({ colorScheme });
      await extensionPage.goto(`chrome-extension://${extensionId}/${page}`);
      await expect(extensionPage.locator('h1')).toBeVisible();
      await extensionPage.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page: extensionPage }).analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
