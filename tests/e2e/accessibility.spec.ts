import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { storedAccount } from './support/extension-db';
import { PopupPage } from './pages/popup';
import { answerLostTwoFactorNoCodes } from './pages/recovery';
import { RECOVERY_CODES, TWO_FACTOR_TOKEN } from '../fixtures/pypi/secrets';
import { createFakePypi } from '../fixtures/pypi/server';
import { clickWarningControl, lendWarningRootToAxe, lookalikeWarning, routeOtherSites } from './support/lookalike';
import { waitForDone } from './support/done';
import { newTotpCodeAt, openTotpProvisioning, TOTP_PINNED_AT } from './support/prompts';
import type { Page } from '@playwright/test';

/**
 * Every axe violation, of any impact, as one readable line each: in the whole page, or only within
 * `include` (a CSS selector). Text whose contrast axe could not decide counts too — a colour axe
 * cannot measure is one it would never report (the look-alike warning's text, before its host was
 * lent to axe, was all undecided) — except icon glyphs (`nonBmp`), which axe leaves to a person by
 * design: they are graphics, not text.
 */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  const reasonOf = (node: (typeof results.incomplete)[number]['nodes'][number]) => (node.any[0]?.data as { messageKey?: string } | null | undefined)?.messageKey ?? 'no reason';
  const undecided = results.incomplete
    .filter((result) => result.id === 'color-contrast')
    .map((result) => ({ ...result, nodes: result.nodes.filter((node) => reasonOf(node) !== 'nonBmp') }))
    .filter((result) => result.nodes.length > 0)
    .map((result) => ({ ...result, id: `color-contrast undecided (${result.nodes.map(reasonOf).join(', ')})` }));
  return [...results.violations, ...undecided].map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

interface SmallText {
  element: string;
  px: number;
}

/**
 * Every visible piece of text on the page, with its computed font size: body text (what is not
 * marked secondary: .muted, .hint, .badge, small, the drill's and assistant's notes) must be at
 * least 14 px, secondary text at least 12 px. Returns the offenders.
 */
function smallText(page: Page): Promise<{ body: SmallText[]; secondary: SmallText[]; measured: number }> {
  return page.evaluate(() => {
    const SECONDARY = '.muted, .hint, .badge, small, .option-help';
    const body: SmallText[] = [];
    const secondary: SmallText[] = [];
    let measured = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      // Text that is not drawn (hidden, folded, screen-reader only) has no size to read.
      if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden' || !element.checkVisibility()) continue;
      measured++;
      const px = parseFloat(style.fontSize);
      const label = { element: `${element.tagName.toLowerCase()}.${element.className} “${node.textContent.trim().slice(0, 30)}”`, px };
      if (px < 12) secondary.push(label);
      else if (px < 14 && !element.closest(SECONDARY)) body.push(label);
    }
    return { body, secondary, measured };
  });
}

async function expectReadableAndAccessible(page: Page, what: string) {
  const sizes = await smallText(page);
  expect(sizes.measured, `${what}: text measured`).toBeGreaterThan(10);
  expect(sizes.secondary, `${what}: text under 12 px`).toEqual([]);
  expect(sizes.body, `${what}: body text under 14 px`).toEqual([]);
  expect(await axeViolations(page), `${what}: axe`).toEqual([]);
}

/**
 * The extension's own full pages, with data in them, in both themes: no axe violation of any
 * impact, body text ≥ 14 px and secondary text ≥ 12 px — the options page, the recovery-code drill
 * in each of its answers, and the recovery assistant from its first question to the request's
 * three steps, with what follows the request unfolded.
 */
for (const colorScheme of ['light', 'dark'] as const) {
  test(`options, drill and recovery pages: readable type, no axe violations (${colorScheme})`, async ({ context, extensionId, serviceWorker, pypi }) => {
    test.slow();
    pypi['pypi.org'].setScenario('suspicious-history');
    const pypiPage = await context.newPage();
    await pypiPage.goto('https://pypi.org/manage/account/');
    await expect.poll(async () => (await storedAccount(serviceWorker, 'pypi.org/alice'))?.twoFactor).toBeDefined();
    // The drill learns alice's codes from PyPI's page that shows them.
    await pypiPage.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
    await expect(pypiPage.locator('[data-prompt="save-recovery-codes"]')).toHaveAttribute('data-state', 'stored', { timeout: 20_000 });

    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });

    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('[data-account="pypi.org/alice"]').first()).toBeVisible();
    await expectReadableAndAccessible(page, 'options');

    await page.goto(`chrome-extension://${extensionId}/drill.html`);
    const code = page.locator('#drill-code');
    await code.fill(RECOVERY_CODES[3]);
    await code.press('Enter');
    await expect(page.locator('[data-answer]')).toHaveAttribute('data-answer', 'one-of-yours');
    await expectReadableAndAccessible(page, 'drill, right');
    await code.fill('0123456789abcdef');
    await code.press('Enter');
    await expect(page.locator('[data-answer]')).toHaveAttribute('data-answer', 'not-yours');
    await expectReadableAndAccessible(page, 'drill, mismatch');
    await page.locator('[data-action="confirm-failed"]').click();
    await expect(page.locator('[data-answer]')).toHaveAttribute('data-answer', 'failed');
    await expectReadableAndAccessible(page, 'drill, failed');

    await page.goto(`chrome-extension://${extensionId}/recovery.html?host=pypi.org&username=alice&from=popup`);
    await expect(page.locator('[data-question="password"]')).toBeVisible();
    await expectReadableAndAccessible(page, 'recovery, first question');
    await answerLostTwoFactorNoCodes(page);
    await expect(page.locator('[data-request-step="file"]')).toBeVisible();
    await expectReadableAndAccessible(page, 'recovery, the request’s three steps');
    await page.locator('[data-step="after"] summary').click();
    await page.locator('details.more > summary').click();
    await expect(page.locator('[data-after-steps]')).toBeVisible();
    await expectReadableAndAccessible(page, 'recovery, everything unfolded');
  });
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

    // The popup's layout is another issue's; its text is at least 12 px already.
    expect((await smallText(popup.page)).secondary).toEqual([]);
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

for (const colorScheme of ['light', 'dark'] as const) {
  test(`in-page prompts: no axe violations of any impact (${colorScheme})`, async ({ context, pypi }) => {
    test.slow();
    pypi['pypi.org'].setScenario('suspicious-history');
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto('https://pypi.org/manage/account/');
    const events = page.locator('[data-prompt="security-events"]');
    await expect(events).toHaveAttribute('data-state', 'open');
    // Only PyPI Guard's own UI: the prompts' host and its open shadow root.
    const promptsOnly = () => axeViolations(page, 'pypi-guard-ui');
    expect(await promptsOnly()).toEqual([]);
    // The password card too, after a leaked password in the change-password form.
    await page.locator('input[name="new_password"]').fill('password1');
    await page.locator('input[name="password_confirm"]').focus();
    await expect(page.locator('[data-prompt="password"]')).toBeVisible({ timeout: 15_000 });
    expect(await promptsOnly()).toEqual([]);
    // The new-codes card, on the page that shows new recovery codes.
    await page.goto('https://pypi.org/manage/account/recovery-codes/regenerate');
    await expect(page.locator('[data-prompt="save-recovery-codes"]')).toHaveAttribute('data-state', 'stored', { timeout: 20_000 });
    expect(await promptsOnly()).toEqual([]);
    // “Can't log in?” on the login's recovery-code step.
    pypi['pypi.org'].setLoggedIn(false);
    await page.goto(`https://pypi.org/account/recovery-code/?${TWO_FACTOR_TOKEN}`);
    await expect(page.locator('[data-prompt="lost-2fa-help"]')).toBeVisible();
    expect(await promptsOnly()).toEqual([]);
  });
}

test.describe('TOTP set-up check', () => {
  /**
   * PyPI's clock, ahead of the pinned one by this much: in step first, then 2 minutes ahead. The
   * page is fresh in each test's own context and account ('totp-only', a code burned, no new codes
   * made in the session), so PyPI serves the set-up page rather than the burn step.
   */
  let pypiAheadMs = 0;
  const totpTest = test.extend({
    pypi: async ({}, use) => {
      pypiAheadMs = 0;
      await use({ 'pypi.org': createFakePypi({ host: 'pypi.org', now: () => new Date(TOTP_PINNED_AT + pypiAheadMs) }), 'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }) });
    },
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    totpTest(`no axe violations in any of its states: match, drift, no match, clock warning alone and with a code (${colorScheme})`, async ({ context, extensionId }) => {
      test.slow();
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      const check = page.locator('[data-prompt="totp-check"]');
      const field = page.locator('form.totp-form__form input[name="totp_value"]');
      const expectAccessibleIn = async (state: string) => {
        await expect(check).toHaveAttribute('data-state', state);
        expect(await axeViolations(page, 'pypi-guard-ui'), `totp-check, ${state}`).toEqual([]);
      };

      // Before a code is typed the check shows nothing (nothing to axe); each verdict has its tone.
      await openTotpProvisioning(page, extensionId, TOTP_PINNED_AT);
      await waitForDone(page, extensionId, 'prompts'); // the prompts decided what to show: then nothing is the answer
      await expect(check).toHaveCount(0);
      await field.fill(newTotpCodeAt(TOTP_PINNED_AT));
      await expectAccessibleIn('match');
      await field.fill(newTotpCodeAt(TOTP_PINNED_AT + 30_000));
      await expectAccessibleIn('drift');
      await field.fill('000000'); // at the pinned time, no code of the key's within 5 minutes
      await expectAccessibleIn('no-match');

      // This computer 2 minutes behind PyPI: the clock warning shows as soon as the field is focused.
      pypiAheadMs = 120_000;
      await openTotpProvisioning(page, extensionId, TOTP_PINNED_AT);
      await field.focus();
      await expectAccessibleIn('clock-only');
      await field.fill(newTotpCodeAt(TOTP_PINNED_AT + pypiAheadMs));
      await expect(check.locator('[data-field="clock"]')).toBeVisible();
      await expectAccessibleIn('match');
    });
  }
});

test.describe('look-alike warning', () => {
  // Its colours are fixed (white on its own red, lookalike-css.ts), whatever the scheme: both are
  // run so that stays true if it ever follows the page's theme.
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no axe violations inside its closed shadow root, warning and confirm steps (${colorScheme})`, async ({ context }) => {
      await routeOtherSites(context);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto('https://pypl.org/');
      await expect.poll(async () => (await lookalikeWarning(page))?.step).toBe('warning');
      const hostTag = await lendWarningRootToAxe(page);
      // axe, in the page, now reaches the warning itself (not just an empty host).
      expect(await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[data-prompt="lookalike-host"]') != null, hostTag)).toBe(true);
      expect(await axeViolations(page, hostTag), 'look-alike warning').toEqual([]);

      await clickWarningControl(page, 'details');
      await expect.poll(async () => (await lookalikeWarning(page))?.step).toBe('confirm');
      expect(await axeViolations(page, hostTag), 'look-alike warning, confirm step').toEqual([]);
    });
  }
});
