import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { storedAccount } from './support/extension-db';
import { PopupPage } from './pages/popup';
import type { Page } from '@playwright/test';

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

interface FocusRing {
  element: string;
  style: string;
  widthPx: number;
  /** WCAG contrast of the outline colour against the first opaque background behind the element. */
  contrast: number;
}

/**
 * Tabs through the first `count` focusable elements and measures each one's focus ring as the
 * browser draws it: style, width and contrast with what it is drawn on (axe does not check this).
 */
async function focusRings(page: Page, count: number): Promise<FocusRing[]> {
  const rings: FocusRing[] = [];
  for (let index = 0; index < count; index++) {
    await page.keyboard.press('Tab');
    rings.push(
      await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const channel = (value: number) => ((value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
          return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
        };
        // The ring sits outside the element (outline-offset), over its parent's background.
        let backdrop = element.parentElement;
        while (backdrop && (rgb(getComputedStyle(backdrop).backgroundColor)[3] ?? 1) === 0) backdrop = backdrop.parentElement;
        const background = backdrop ? getComputedStyle(backdrop).backgroundColor : 'rgb(255, 255, 255)';
        const [high, low] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))].sort((a, b) => b - a) as [number, number];
        return {
          element: `${element.tagName.toLowerCase()} “${(element.textContent ?? '').trim().slice(0, 30)}”`,
          style: style.outlineStyle,
          widthPx: parseFloat(style.outlineWidth),
          contrast: Math.round(((high + 0.05) / (low + 0.05)) * 100) / 100,
        };
      }),
    );
  }
  return rings;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`focus rings have at least 3:1 contrast on the popup and the options page (${colorScheme})`, async ({ context, extensionId, serviceWorker, pypi }) => {
    pypi['pypi.org'].setScenario('totp-and-key');
    const pypiPage = await context.newPage();
    await pypiPage.goto('https://pypi.org/manage/account/');
    await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.twoFactor).toBeDefined();

    const popup = await PopupPage.open(context, extensionId);
    await popup.page.emulateMedia({ colorScheme });
    await expect(popup.account('pypi.org/alice')).toBeVisible();
    const options = await context.newPage();
    await options.emulateMedia({ colorScheme });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('h1')).toBeVisible();

    for (const page of [popup.page, options]) {
      const rings = await focusRings(page, 6);
      for (const ring of rings) {
        expect(ring.style, ring.element).not.toBe('none');
        expect(ring.widthPx, ring.element).toBeGreaterThanOrEqual(2);
        expect(ring.contrast, ring.element).toBeGreaterThanOrEqual(3);
      }
    }
  });
}
